/**
 * How often the speller takes a typo'd word for the word meant, read from the `typo_ops` the dev-set builders
 * record ("del:pull->pll"). Ranks move for many reasons; this counts the speller alone, word by word.
 */
import { isStopWord, stem } from '../src/search/analyze.js';
import type { SearchIndex } from '../src/search/index.js';
import { analyzeQuery } from '../src/search/query.js';
import { halvesOf, type EvalQuestion } from './eval-input.js';

export interface TypoOp {
  kind: string;
  meant: string;
  typed: string;
}

export interface SpellerCount {
  part: string;
  /** Typo'd words in the part's typo questions. */
  words: number;
  /** Of them, taken for the word meant: its stem is among those looked for, or, for a stop word, nothing is. */
  fixed: number;
}

/** `kind:meant->typed`; undefined for anything else. */
export function parseTypoOp(op: string): TypoOp | undefined {
  const match = /^(\w+):([^\s>]+)->(\S+)$/.exec(op);
  return match ? { kind: match[1] ?? '', meant: match[2] ?? '', typed: match[3] ?? '' } : undefined;
}

/** Whether the typo question's words, as analysed against `index`, take `op.typed` for `op.meant`. */
export function takenForMeant(index: SearchIndex, typoQuestion: string, op: TypoOp): boolean {
  const typed = op.typed.toLowerCase();
  const meant = op.meant.toLowerCase();
  const group = analyzeQuery(index, typoQuestion).groups.find((g) => g.word.toLowerCase() === typed);
  if (isStopWord(meant)) return group === undefined;
  const wanted = stem(meant);
  return group?.terms.some((term) => term.stem === wanted) ?? false;
}

/** The counts by half (or `all` for a set without halves), over questions that record their typos. */
export function countSpellerFixes(index: SearchIndex, questions: readonly EvalQuestion[]): SpellerCount[] {
  return halvesOf(questions).map(([part, inPart]) => {
    let words = 0;
    let fixed = 0;
    for (const q of inPart) {
      if (!q.question_typo) continue;
      for (const op of (q.typo_ops ?? []).map(parseTypoOp)) {
        if (!op) continue;
        words++;
        if (takenForMeant(index, q.question_typo, op)) fixed++;
      }
    }
    return { part, words, fixed };
  });
}
