import type { SearchIndex } from './index.js';
import type { QueryTerm } from './query.js';

/**
 * What each word of a question was read as (`resolve` in `query.ts`: the notes' terms it stands for, its likeliest
 * corrections, or nothing), kept per index until the notes change. A team asks about the same few words again and
 * again, and reading a word afresh (its slips among the notes' words and English's, its stem's forms, its parts)
 * costs more than the rest of a one-word search. A word's reading depends on the word and the index alone.
 */
interface Kept {
  generation: number;
  readings: Map<string, readonly QueryTerm[] | undefined>;
}

/** Past this many words, the kept readings are dropped and kept afresh: a bound on memory, not a cache policy. */
const MAX_WORDS_KEPT = 4096;

const keptByIndex = new WeakMap<SearchIndex, Kept>();

/** The reading of `word` in `index`, worked out by `read` only the first time it is asked since the notes last changed. */
export function readingOf(index: SearchIndex, word: string, read: () => QueryTerm[] | undefined): QueryTerm[] | undefined {
  let kept = keptByIndex.get(index);
  if (!kept || kept.generation !== index.generation) {
    kept = { generation: index.generation, readings: new Map() };
    keptByIndex.set(index, kept);
  }
  // Copies kept and handed out: a question weighs its terms in place (a follow-up's borrowed words, words asked as
  // the answer's form).
  const reading = kept.readings.get(word);
  if (reading !== undefined || kept.readings.has(word)) return reading && reading.map((term) => ({ ...term }));
  const fresh = read();
  if (kept.readings.size >= MAX_WORDS_KEPT) kept.readings.clear();
  kept.readings.set(word, fresh && fresh.map((term) => ({ ...term })));
  return fresh;
}
