import { ensureSize } from './growable.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * How many notes use each word (by word id), keeping the typo speller's vocabulary to the words of the live
 * notes: a word joins with the first note that uses it and leaves with the last.
 */
export class NoteWords {
  private notesOf = new Int32Array(0);

  constructor(
    private readonly vocabulary: Vocabulary,
    private readonly wordOf: (id: number) => string,
  ) {}

  /** A note using these distinct words came in. */
  retain(words: ArrayLike<number>): void {
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as number;
      this.notesOf = ensureSize(this.notesOf, word + 1);
      const count = this.notesOf[word] ?? 0;
      this.notesOf[word] = count + 1;
      if (count === 0) this.vocabulary.add(this.wordOf(word));
    }
  }

  /** How many live notes use a word (by word id). */
  notesUsing(word: number): number {
    return word >= 0 ? (this.notesOf[word] ?? 0) : 0;
  }

  /** A note using these distinct words went out. */
  release(words: ArrayLike<number>): void {
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as number;
      const count = (this.notesOf[word] ?? 0) - 1;
      this.notesOf[word] = count;
      if (count === 0) this.vocabulary.remove(this.wordOf(word));
    }
  }
}
