/** The most words a store keeps: past it, the kept readings are dropped and kept afresh, a bound on memory. */
const MAX_WORDS_KEPT = 4096;

/** Readings of words, each worked out the first time its word is asked and kept (at most `max` words). */
export class WordStore<T> {
  private readonly kept = new Map<string, T>();

  constructor(private readonly max = MAX_WORDS_KEPT) {}

  get(word: string, read: (word: string) => T): T {
    if (this.kept.has(word)) return this.kept.get(word) as T;
    const value = read(word);
    if (this.kept.size >= this.max) this.kept.clear();
    this.kept.set(word, value);
    return value;
  }
}

/**
 * `read`, kept word by word: for a pure reading of a word (what it is a slip of), asked again with every question
 * that holds the word, as a team's questions share their words.
 */
export function keptByWord<T>(read: (word: string) => T, max = MAX_WORDS_KEPT): (word: string) => T {
  const store = new WordStore<T>(max);
  return (word) => store.get(word, read);
}
