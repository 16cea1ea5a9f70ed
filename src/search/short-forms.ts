import type { Chunk } from '../types.js';
import { tokenize } from './analyze.js';
import type { SearchIndex } from './index.js';
import type { AnalyzedQuery } from './query.js';

export const NO_SHORT_FORMS: readonly ShortForm[] = [];

/** A short form the question asks about, with each of its long forms, as stems. */
export interface ShortForm {
  short: string;
  longs: readonly (readonly string[])[];
}

/** The question's words that are short forms the notes (or the built-in list) define. */
export function shortForms(index: SearchIndex, query: AnalyzedQuery): ShortForm[] {
  const forms: ShortForm[] = [];
  for (const group of query.groups) {
    const short = group.terms[0]?.stem;
    if (short === undefined || group.terms[0]?.expansion) continue;
    const longs = index.expansionsOf(short);
    if (longs.length > 0) forms.push({ short, longs });
  }
  return forms;
}

/** Whether the chunk's own text holds a short form and every word of one of its long forms: its definition. */
export function definesOne(chunk: Chunk, forms: readonly ShortForm[]): boolean {
  const stems = new Set(tokenize(chunk.text).map((token) => token.stem));
  return forms.some(({ short, longs }) => stems.has(short) && longs.some((long) => long.every((word) => stems.has(word))));
}
