import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { asError } from '../errors.js';
import type { Logger } from '../logger.js';
import { ANSI, PLAIN, renderText } from '../render/text.js';
import type { AskService, ChatAdapter } from '../types.js';

export interface ConsoleAdapterOptions {
  service: AskService;
  logger: Logger;
  input: Readable;
  output: Writable;
  /** A prompt, colours and a greeting for a person at a terminal; plain line-by-line output otherwise. */
  interactive: boolean;
}

const EXIT_WORDS = new Set(['exit', 'quit', ':q', '/exit', '/quit']);

/**
 * The terminal chat: one question per line, one answer each. `start()` resolves when the input ends
 * (or the person types exit), so piped questions are answered and the process exits.
 */
export function createConsoleAdapter(options: ConsoleAdapterOptions): ChatAdapter {
  const { service, logger, input, output, interactive } = options;
  let lines: ReturnType<typeof createInterface> | undefined;
  let previousQuestion: string | undefined;
  const write = (text: string) => output.write(`${text}\n`);
  const asker = { platform: 'terminal' as const, surface: 'terminal' as const };

  const answer = async (line: string): Promise<void> => {
    const question = line.trim();
    if (question === '') return;
    const started = performance.now();
    try {
      const reply = await service.ask(question, interactive && previousQuestion ? { previousQuestion, asker } : { asker });
      if (reply.found) previousQuestion = question;
      write(renderText(reply, interactive ? ANSI : PLAIN));
      logger.debug({ platform: 'terminal', surface: 'terminal', questionLength: question.length, found: reply.found, top: reply.citations[0]?.file, ms: Math.round(performance.now() - started) }, 'answered');
    } catch (error) {
      logger.error({ err: asError(error) }, 'answering failed');
      write('Sorry, something went wrong while answering that. Please try again.');
    }
  };

  return {
    name: 'terminal',
    async start() {
      lines = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
      if (interactive) {
        const stats = service.stats();
        write(`lore: ask about your notes (${count(stats.files, 'file')}, ${count(stats.chunks, 'section')}). Type "exit" to leave.`);
        const examples = service.examples(2, { asker });
        if (examples.length > 0) write(`For example: ${examples.map((e) => `"${e}"`).join(' or ')}`);
        lines.setPrompt('? ');
        lines.prompt();
      }
      for await (const line of lines) {
        if (EXIT_WORDS.has(line.trim().toLowerCase())) break;
        await answer(line);
        if (interactive) {
          write('');
          lines.prompt();
        } else {
          write('');
        }
      }
      lines.close();
    },
    async stop() {
      lines?.close();
    },
  };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
