import type { Chunk } from '../types.js';
import { stem, stemsIn, tokenize } from './analyze.js';
import type { QueryGroup } from './query-terms.js';

/** A line of a Markdown table. */
export const TABLE_ROW = /^\s*\|/;
/** The rule under a table's header. */
export const TABLE_RULE = /^\s*\|?\s*:?-{2,}/;

const NONE_BORROWED: readonly string[][] = [];

/**
 * Whether one row of a table in the chunk, read with the table's header and the heading the table stands under, holds
 * every word of the question, some in the row (the record asked about) and some in the header or heading (what is
 * asked of it): a record that answers it ("slack channel for the billing team" → the billing row under "Service |
 * Owner team | Slack channel"). A whole table is one long chunk, whose score BM25's length normalisation holds down
 * below a short line that only mentions a word; the row is as direct an answer as a "Yes" is to a yes/no question.
 */
export function rowAnswers(chunk: Chunk, groups: readonly QueryGroup[]): boolean {
  // Asked for every section ranked, in every question: most chunks hold no table, and one scan says so.
  if (!chunk.text.includes('|')) return false;
  const asked = groups.filter((group) => !group.context);
  // A follow-up's words borrowed from the question before it, which the notes know (none, for most questions).
  const borrowed = asked.length === groups.length ? NONE_BORROWED : groups.filter((group) => group.context && group.terms.length > 0).map((group) => group.terms.map((term) => term.stem));
  if (asked.length < (borrowed.length > 0 ? 1 : 2)) return false;
  // A word the notes lack may still be a header's verb ("owns" beside "Owner" alone); it is looked for as written.
  const stemsAsked = asked.map((group) => (group.terms.length > 0 ? group.terms.map((term) => term.stem) : [stem(group.word)]));
  const holds = (group: readonly string[], stems: ReadonlySet<string>) => group.some((asked) => stems.has(asked));
  const lines = chunk.text.split('\n');
  // The heading the table stands under names what its rows are ("Cost centres" over "Code | Department | Owner"):
  // "cost centre owner for R&D" asks the R&D row's Owner as much as "owner for R&D" does.
  let heading: Set<string> | undefined;
  for (const table of tablesIn(lines)) {
    const header = headerStemsOf(lines[table.header] ?? '');
    heading ??= stemsIn(chunk.section.at(-1) ?? '');
    for (const named of heading) header.add(named);
    for (let row = table.header + 2; row <= table.last; row++) {
      const own = stemsIn(lines[row] ?? '');
      // The header must name something asked that the row does not say: "no page at night" under "Who gets paged"
      // holds "page" and "night" by itself, and is no record of what "how much do we get per night page" asks.
      if (stemsAsked.some((group) => holds(group, own)) && stemsAsked.some((group) => holds(group, header) && !holds(group, own)) && stemsAsked.every((group) => holds(group, own) || holds(group, header))) return true;
      // A follow-up asks the earlier question of another record: "and in NL?" after "how much does the company put
      // into my pension in the UK?" is the NL row, under the header that names the pension.
      if (borrowed.length > 0 && stemsAsked.every((group) => holds(group, own)) && borrowed.some((group) => holds(group, header) && !holds(group, own))) return true;
    }
  }
  return false;
}

/** A table row's first cell (not the rule under its header), Markdown emphasis in it removed. */
const FIRST_CELL = /^\s*\|\s*(?:\*\*|__)?((?=[^|*_]*[\p{L}\d])[^|*_]+)(?:\*\*|__)?\s*\|\s*\S/u;

/** A table row's first cell, as `FIRST_CELL` reads it ("5 to 9" of "| **5 to 9** | 28 |"); undefined for another line. */
export function firstCellOf(line: string): string | undefined {
  return FIRST_CELL.exec(line)?.[1];
}

/** A table among lines: its header line (the rule under it follows) and its last row. */
export interface TableLines {
  header: number;
  last: number;
}

/** The tables among `lines` (one table row each) that have a header, a rule and at least one row, in order. */
export function tablesIn(lines: readonly string[]): TableLines[] {
  const tables: TableLines[] = [];
  for (let i = 0; i + 2 < lines.length; i++) {
    if (!TABLE_ROW.test(lines[i] ?? '') || !TABLE_RULE.test(lines[i + 1] ?? '') || (i > 0 && TABLE_ROW.test(lines[i - 1] ?? ''))) continue;
    let last = i + 1;
    while (last + 1 < lines.length && TABLE_ROW.test(lines[last + 1] ?? '')) last++;
    if (last > i + 1) tables.push({ header: i, last });
    i = last;
  }
  return tables;
}

/**
 * A header's stems, with each agent noun's verb too: a column names its records' role ("Owner", "Maintainer"), and
 * a question asks the verb ("who owns payments-api?"). Porter leaves "owner" whole beside "own".
 */
function headerStemsOf(line: string): Set<string> {
  const stems = stemsIn(line);
  for (const token of tokenize(line)) if (token.surface.length > 4 && token.surface.endsWith('er')) stems.add(stem(token.surface.slice(0, -2)));
  return stems;
}
