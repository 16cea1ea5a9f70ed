import type { Chunk } from '../types.js';
import { contentStems } from './analyze.js';
import type { SearchIndex } from './index.js';
import type { AnalyzedQuery } from './query-terms.js';

export const NO_SHORT_FORMS: readonly ShortForm[] = [];

/** A short form the question asks about, with each of its long forms, as stems. */
export interface ShortForm {
  short: string;
  longs: readonly (readonly string[])[];
}

/**
 * The question's words that are short forms the notes (or the built-in list) define, where they and their long
 * forms' words are the whole `name` asked (its stems): "what is EKS?" asks what EKS stands for, "what is an EKS
 * nodegroup?" does not.
 */
export function shortForms(index: SearchIndex, query: AnalyzedQuery, name: readonly string[]): readonly ShortForm[] {
  const forms: ShortForm[] = [];
  for (const group of query.groups) {
    const short = group.terms[0]?.stem;
    if (short === undefined || group.terms[0]?.expansion) continue;
    const longs = index.expansionsOf(short);
    if (longs.length > 0) forms.push({ short, longs });
  }
  const named = name.every((stem) => forms.some(({ short, longs }) => short === stem || longs.some((long) => long.includes(stem))));
  return named ? forms : NO_SHORT_FORMS;
}

/**
 * Whether the chunk's own text holds a short form and one of its long forms written out, its words in order: its
 * definition. A table whose rows say "your EM", "all engineers" and "your manager" holds the words of
 * "engineering manager" without defining EM.
 */
export function definesOne(chunk: Chunk, forms: readonly ShortForm[]): boolean {
  const sequence = contentStems(chunk.text);
  const stems = new Set(sequence);
  return forms.some(({ short, longs }) => stems.has(short) && longs.some((long) => writesInOrder(sequence, long)));
}

/** Whether `words` stand next to each other in `sequence`, in that order. */
function writesInOrder(sequence: readonly string[], words: readonly string[]): boolean {
  for (let start = 0; start + words.length <= sequence.length; start++) {
    if (words.every((word, i) => sequence[start + i] === word)) return true;
  }
  return false;
}
