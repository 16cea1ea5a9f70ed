import { createInterface } from 'node:readline';
import { UsageError } from '../errors.js';
import { renderText } from '../render/text.js';
import type { Answer } from '../types.js';
import { commandContext, openEngine, writeLine, type CliIO } from './context.js';
import type { ParsedArgs } from './args.js';

/** The `--json` contract: exactly these fields, first citation = best; `commit` and `changed` when the notes are in git. */
export function answerJson(answer: Answer) {
  return {
    question: answer.question,
    found: answer.found,
    answer: answer.text,
    citations: answer.citations.map((c) => ({
      file: c.file,
      startLine: c.startLine,
      endLine: c.endLine,
      section: c.section,
      ...(c.url ? { url: c.url } : {}),
      snippet: c.snippet,
      score: c.score,
      ...(c.commit ? { commit: c.commit } : {}),
      ...(c.changed ? { changed: c.changed } : {}),
    })),
  };
}

/** `lore ask "q"` answers one question; with no question, one per line of stdin. */
export async function askCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  // On a terminal, reading stdin would wait without a word for input nobody knows to type.
  if (args.question === undefined && io.stdin.isTTY === true) {
    throw new UsageError('ask needs a question: lore ask "how do we deploy?" (or pipe questions in, one per line; lore serve starts a chat in the terminal).');
  }
  const context = commandContext(args, io, 'warn');
  const lore = await openEngine(context);
  const print = (answer: Answer) => writeLine(io.stdout, args.json ? JSON.stringify(answerJson(answer)) : renderText(answer));
  if (args.question !== undefined) {
    print(await lore.ask(args.question, { top: args.top }));
    return 0;
  }
  for await (const line of createInterface({ input: io.stdin, terminal: false })) {
    if (line.trim() === '') continue;
    print(await lore.ask(line, { top: args.top }));
    if (!args.json) writeLine(io.stdout, '');
  }
  return 0;
}
