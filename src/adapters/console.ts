import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { Conversation } from '../chat/conversation.js';
import { terminalGreeting } from '../chat/wording.js';
import type { Logger } from '../logger.js';
import { ANSI, PLAIN, renderReplyText } from '../render/text.js';
import type { Asker, AskService, ChatAdapter } from '../types.js';

export interface ConsoleAdapterOptions {
  service: AskService;
  logger: Logger;
  input: Readable;
  output: Writable;
  /** A prompt, colours and a greeting for a person at a terminal; plain line-by-line output otherwise. */
  interactive: boolean;
}

const EXIT_WORDS = new Set(['exit', 'quit', ':q', '/exit', '/quit']);
const ASKER: Asker = { platform: 'terminal', surface: 'terminal' };

/**
 * The terminal chat: one question per line, one reply each. `start()` resolves when the input ends (or the person
 * types exit), so piped questions are answered and the process exits. At a terminal the whole run is one conversation,
 * so a follow-up reads on from the question before; piped lines stand alone.
 */
export function createConsoleAdapter(options: ConsoleAdapterOptions): ChatAdapter {
  const { service, input, output, interactive } = options;
  const conversation = new Conversation({ service, logger: options.logger });
  const style = interactive ? ANSI : PLAIN;
  let lines: ReturnType<typeof createInterface> | undefined;
  const write = (text: string) => output.write(`${text}\n`);

  return {
    name: 'terminal',
    async start() {
      lines = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
      if (interactive) {
        write(terminalGreeting(service.stats(), service.examples(2, { asker: ASKER })));
        lines.setPrompt('? ');
        lines.prompt();
      }
      for await (const line of lines) {
        if (EXIT_WORDS.has(line.trim().toLowerCase())) break;
        if (line.trim() !== '') write(renderReplyText(await conversation.reply({ asker: ASKER, text: line.trim(), ...(interactive && { conversationId: 'terminal' }) }), style));
        write('');
        if (interactive) lines.prompt();
      }
      lines.close();
    },
    async stop() {
      lines?.close();
    },
  };
}
