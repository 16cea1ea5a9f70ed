import type { SearchIndex } from './index.js';
import { WordStore } from './kept-by-word.js';
import type { QueryTerm } from './query-terms.js';

/**
 * What each word of a question was read as (`termsOfWord` in `word-terms.ts`: the notes' terms it stands for, its likeliest
 * corrections, or nothing), kept per index until the notes change. A team asks about the same few words again and
 * again, and reading a word afresh (its slips among the notes' words and English's, its stem's forms, its parts)
 * costs more than the rest of a one-word search. A word's reading depends on the word and the index alone.
 */
interface Kept {
  generation: number;
  readings: WordStore<readonly QueryTerm[] | undefined>;
}

const keptByIndex = new WeakMap<SearchIndex, Kept>();

/** The reading of `word` in `index`, worked out by `read` only the first time it is asked since the notes last changed. */
export function readingOf(index: SearchIndex, word: string, read: () => QueryTerm[] | undefined): QueryTerm[] | undefined {
  let kept = keptByIndex.get(index);
  if (!kept || kept.generation !== index.generation) {
    kept = { generation: index.generation, readings: new WordStore() };
    keptByIndex.set(index, kept);
  }
  // Handed out as copies: a question weighs its terms in place (a follow-up's borrowed words, words asked as the
  // answer's form). What `read` returns is its own, kept as it is.
  return copyOf(kept.readings.get(word, read));
}

function copyOf(terms: readonly QueryTerm[] | undefined): QueryTerm[] | undefined {
  return terms && terms.map((term) => ({ ...term }));
}
