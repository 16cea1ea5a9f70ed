import { commandContext, openEngine, writeLine, type CliIO } from './context.js';
import type { ParsedArgs } from './args.js';

/** `lore check`: every front-matter query must find its own note first. Exit 1 lists those that do not. */
export async function checkCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const context = commandContext(args, io, 'warn');
  const lore = await openEngine(context);
  const cases = lore.knownQueries();
  const failures = cases
    .map(({ file, query }) => ({ file, query, answer: lore.answer(query, { top: 1 }) }))
    .filter(({ file, answer }) => !answer.found || answer.citations[0]?.file !== file)
    .map(({ file, query, answer }) => ({ file, query, got: answer.found ? (answer.citations[0]?.file ?? null) : null }));
  if (args.json) {
    writeLine(io.stdout, JSON.stringify({ checked: cases.length, failed: failures.length, failures }));
  } else {
    for (const failure of failures) {
      writeLine(io.stdout, `FAIL ${failure.file}: "${failure.query}" → ${failure.got ?? "I couldn't find"}`);
    }
    writeLine(io.stdout, `${cases.length - failures.length} passed, ${failures.length} failed (front-matter queries)`);
  }
  return failures.length > 0 ? 1 : 0;
}
