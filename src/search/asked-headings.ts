import type { Chunk } from '../types.js';
import { contentStems, stemsIn, tokenize } from './analyze.js';
import { isEnglishWord } from './english-words.js';
import { shapesQuestionAt } from './phrasing.js';
import type { SearchIndex } from './index.js';
import type { AnalyzedQuery } from './query-terms.js';
import { BOLD_QUESTION, Q_LINE } from './question-lines.js';
import { readingsByChunk } from './chunk-readings.js';

/**
 * Whether the chunk is filed under a question that asks this one, as a team's FAQ writes it: its heading, or a
 * question line of its own ("Q: …?", a question in bold), holds at least `share` of the question's words, by
 * importance, and the question holds as large a share of its words ("What does the ECS agent do?" is not asked by
 * "Do I have to install docker and ECS agent to EC2s myself?").
 */
export function asksHeading(chunk: Chunk, query: AnalyzedQuery, totalImportance: number, share: number): boolean {
  const heading = chunk.section[chunk.section.length - 1];
  if (heading !== undefined && heading.trimEnd().endsWith('?') && asks(heading, query, totalImportance, share)) return true;
  if (!chunk.text.includes('?')) return false;
  for (const line of chunk.text.split('\n')) {
    const question = Q_LINE.exec(line) ?? BOLD_QUESTION.exec(line);
    if (question && asks(question[1] ?? '', query, totalImportance, share)) return true;
  }
  return false;
}

function asks(written: string, query: AnalyzedQuery, totalImportance: number, share: number): boolean {
  const stems = stemsIn(written);
  const asked = new Set<string>();
  let held = 0;
  for (const group of query.groups) {
    if (group.context) continue;
    // The question's own words: an expansion's ("address" of "NAT") would let a heading on other things pass.
    for (const term of group.terms) if (!term.expansion) asked.add(term.stem);
    if (group.terms.some((term) => stems.has(term.stem))) held += group.importance;
  }
  // Read as the question is: "How long is probation?" asks for a time, and its "long" is no topic either.
  const own = tokenize(written).filter((token, i, tokens) => !token.stop && !shapesQuestionAt(tokens, i));
  let answered = 0;
  for (const token of own) {
    if (asked.has(token.stem)) answered++;
    // A question that names what this one does not asks about that ("How does combineReducers use shallow
    // equality checking?", for "How does React-Redux use …").
    else if (/\p{L}/u.test(token.surface) && !isEnglishWord(token.surface)) return false;
  }
  return held >= share * totalImportance && answered >= share * own.length;
}

/** A heading's own numbering: "1.", "2)", a keycap digit ("1️⃣ ECS-Optimized AMI"); not a year ("2024 goals"). */
const HEADING_NUMBER = /^\s*\d+(?:[.)]|\uFE0F?\u20E3)\s*/u;

/**
 * Whether the question names the chunk's heading: every word of the heading ("ECS-Optimized AMI"), its numbering
 * aside, is a word of the question ("ecs optimized ami contents", "whats baked into the ecs-optimized ami"), as
 * written, not through an expansion, and those words hold at least `share` of the question by importance. Such a
 * question asks about what stands under that heading, where a passage elsewhere may hold the same words
 * ("You don't have to install Docker … if you use the ECS-optimized AMIs"). The note's title above the heading holds
 * words of the question too: "how do i upgrade postgres" names "2. Upgrade" under "# Postgres upgrade", where every
 * step holds both words through the title.
 */
export function namesHeading(headings: HeadingReader, id: number, query: AnalyzedQuery, totalImportance: number, share: number): boolean {
  const { words, above } = headings(id);
  if (words === undefined) return false;
  const asked = new Set<string>();
  let held = 0;
  for (const group of query.groups) {
    if (group.context) continue;
    let holds = false;
    for (const term of group.terms) {
      if (term.expansion) continue;
      asked.add(term.stem);
      if (words.has(term.stem) || above?.has(term.stem)) holds = true;
    }
    if (holds) held += group.importance;
  }
  for (const word of words) if (!asked.has(word)) return false;
  return held >= share * totalImportance;
}

/** A chunk's heading as `namesHeading` reads it. */
export interface HeadingReading {
  /** The stems of the chunk's own heading, its numbering and stop words left out; undefined when it has none. */
  words: ReadonlySet<string> | undefined;
  /** The stems of the note's title above the chunk's own heading: "Postgres upgrade" above "2. Upgrade". */
  above: ReadonlySet<string> | undefined;
}

export type HeadingReader = (id: number) => HeadingReading;

function readHeading(chunk: Chunk): HeadingReading {
  const heading = chunk.section[chunk.section.length - 1];
  const stems = heading === undefined ? [] : contentStems(heading.replace(HEADING_NUMBER, ''));
  if (stems.length === 0) return NO_HEADING;
  return { words: new Set(stems), above: chunk.section.length > 1 ? new Set(contentStems(chunk.section[0] ?? '')) : undefined };
}

const NO_HEADING: HeadingReading = { words: undefined, above: undefined };

/** The headings of the index's chunks, by id (`readingsByChunk`). */
export const headingsIn: (index: SearchIndex) => HeadingReader = readingsByChunk(readHeading);
