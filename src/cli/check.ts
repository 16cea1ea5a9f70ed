import { commandContext, openEngine, writeLine, type CliIO } from './context.js';
import type { ParsedArgs } from './args.js';
import { shortCitation } from '../answer/citation.js';
import type { Citation, QueryExpectation } from '../types.js';

/** Why a citation does not answer as the note says it should; undefined when it does. */
export function checkCitation(expected: { file: string } & QueryExpectation, cited: Citation | undefined): string | undefined {
  if (!cited) return 'not found';
  if (cited.file !== expected.file) return `expected ${expected.file}`;
  const { lines, section } = expected;
  if (lines && (cited.endLine < lines[0] || cited.startLine > lines[1])) return `expected lines ${lines[0]}-${lines[1]}`;
  if (section && !cited.section.toLowerCase().endsWith(section.toLowerCase())) return `expected section ${section}, cited ${cited.section || '(top of the note)'}`;
  return undefined;
}

/** `lore check`: every front-matter query must find its own note first. Exit 1 lists those that do not. */
export async function checkCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const context = commandContext(args, io, 'warn');
  const lore = await openEngine(context);
  const cases = lore.knownQueries();
  const failures = [];
  // Ranked as chat ranks them: with the encoder's re-ranking when LORE_RERANK turns it on.
  for (const expected of cases) {
    const answer = await lore.rankedAnswer(expected.query, { top: 1 });
    const cited = answer.found ? answer.citations[0] : undefined;
    const problem = checkCitation(expected, cited);
    if (problem !== undefined) failures.push({ file: expected.file, query: expected.query, got: cited ? shortCitation(cited) : null, problem });
  }
  if (args.json) {
    writeLine(io.stdout, JSON.stringify({ checked: cases.length, failed: failures.length, failures }));
  } else {
    for (const failure of failures) {
      writeLine(io.stdout, `FAIL ${failure.file}: "${failure.query}" → ${failure.got ?? "I couldn't find"} (${failure.problem})`);
    }
    writeLine(io.stdout, `${cases.length - failures.length} passed, ${failures.length} failed (front-matter queries)`);
  }
  return failures.length > 0 ? 1 : 0;
}
