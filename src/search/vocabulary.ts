import { hasDigit } from './ascii.js';
import { DeletionIndex } from './deletions.js';
import { editDistance, lettersApart, oneEditApart } from './distance.js';
import { ensureSize } from './growable.js';
import { StringTable } from './intern.js';

/**
 * How far a word may be from a known word and still be taken for it. A three-letter word gets one edit: typed in
 * a hurry, a four-letter word loses a letter ("dta", "wrk"); which edits a short word may take is `isLikelySlip`'s
 * to say.
 */
export function allowedEdits(word: string): number {
  if (word.length < 3) return 0;
  return word.length >= 8 ? 2 : 1;
}

/**
 * The words of the notes, as written, with two indexes to find the known words closest to a misspelt one
 * without scanning the whole vocabulary: one-letter deletions for words one edit away, trigrams for two.
 * Each is built on its first lookup (and extended on later ones), so a build that is never asked about a
 * typo never pays for it.
 */
export class Vocabulary {
  /** Word ids in order of first appearance (a hash table: cheaper than a `Map` for a build's many words). */
  private readonly table = new StringTable();
  private readonly words = this.table.strings;
  /** Word ids by trigram, then by word length: a lookup reads only lengths within reach of the edits. */
  private readonly grams = new Map<number, number[][]>();
  /** Words before this id are in `grams`. */
  private indexed = 0;
  private counts: Uint16Array = new Uint16Array(0);
  /** The ids a two-edit lookup has counted, to reset their counts after it. */
  private touched: Int32Array = new Int32Array(0);
  /** Words by their one-letter deletions, for one-edit lookups; words before this id are in it. */
  private readonly deletions = new DeletionIndex();
  private deletionsIndexed = 0;
  /** Words already looked at by the current one-edit lookup carry its number. */
  private stamps = new Uint32Array(0);
  private generation = 0;
  /** Words taken out (no note uses them any more) keep their id, deletions and trigrams, and are skipped. */
  private removed = new Uint8Array(0);
  private removedCount = 0;

  add(word: string): void {
    if (word.length < 3 || hasDigit(word)) return;
    const known = this.table.size;
    const id = this.table.idOf(word, 0, word.length);
    if (id < known && this.removed[id] === 1) {
      this.removed[id] = 0;
      this.removedCount--;
    }
  }

  /** Takes a word out, when the last note using it is edited or removed. */
  remove(word: string): void {
    const id = this.table.find(word);
    if (id === -1 || this.removed[id] === 1) return;
    if (this.removed.length <= id) this.removed = ensureSize(this.removed, this.words.length);
    this.removed[id] = 1;
    this.removedCount++;
  }

  has(word: string): boolean {
    const id = this.table.find(word);
    return id !== -1 && this.removed[id] !== 1;
  }

  get size(): number {
    return this.words.length - this.removedCount;
  }

  /**
   * The known words nearest to `word`, at most `maxEdits` away: all those at the smallest distance found, in
   * alphabetical order. One edit is looked for first, as its lookup reads a few keys rather than lists of
   * candidates; two only when one finds nothing.
   */
  nearest(word: string, maxEdits: number): { word: string; distance: number }[] {
    if (maxEdits <= 0 || this.words.length === 0) return [];
    const close = this.oneEdit(word);
    return close.length > 0 || maxEdits === 1 ? close : this.within(word, maxEdits);
  }

  /** `nearest(word, 2)` for a word the caller found no known word one edit from: the two-edit lookup alone. */
  twoEditsFrom(word: string): { word: string; distance: number }[] {
    return this.words.length === 0 ? [] : this.within(word, 2);
  }

  /** Known words that begin with `word` and run on by 1 to `maxExtra` letters ("mongo" → "mongodb"), in alphabetical order. */
  extending(word: string, maxExtra: number): string[] {
    if (word.length < 2) return [];
    this.indexNewWords();
    // Every such word has the trigram of `^` and the word's first two letters; the lists are kept by length.
    const byLength = this.grams.get(trigrams(word.slice(0, 2))[1] ?? 0);
    const found: string[] = [];
    for (let length = word.length + 1; length <= word.length + maxExtra; length++) {
      for (const id of byLength?.[length] ?? []) {
        const candidate = this.words[id] ?? '';
        if (this.removed[id] !== 1 && candidate.startsWith(word)) found.push(candidate);
      }
    }
    return found.sort();
  }

  /**
   * `within(word, 1)` through the deletion index: the words sharing a key with `word`, each compared with it
   * directly. Its keys sit in a few flat arrays, where trigram lists are scattered over the heap: between
   * questions, other lookups push those out of the processor's caches, and reading them again cost a typo
   * question more than the rest of its search did.
   */
  private oneEdit(word: string): { word: string; distance: number }[] {
    this.indexDeletions();
    if (this.stamps.length < this.words.length) this.stamps = new Uint32Array(this.words.length);
    if (this.generation === 0xffffffff) this.stamps.fill((this.generation = 0));
    const stamp = ++this.generation;
    const found: { word: string; distance: number }[] = [];
    this.deletions.candidates(word, (id) => {
      if (this.stamps[id] === stamp) return;
      this.stamps[id] = stamp;
      if (this.removed[id] === 1) return;
      const candidate = this.words[id] ?? '';
      if (oneEditApart(word, candidate)) found.push({ word: candidate, distance: 1 });
    });
    return found.sort((a, b) => (a.word < b.word ? -1 : 1));
  }

  /** Known words within `maxEdits` of `word`, closest first. */
  private within(word: string, maxEdits: number): { word: string; distance: number }[] {
    this.indexNewWords();
    if (this.counts.length < this.words.length) {
      this.counts = new Uint16Array(this.words.length);
      this.touched = new Int32Array(this.words.length);
    }
    const { counts, touched } = this;
    const grams = trigrams(word);
    // One edit spoils up to 3 trigrams, a swap of neighbours up to 4: ask for what survives the worst case. One
    // shared trigram is no likeness ("^^f", every word that begins with f), and comparing each such word with a short
    // one would cost more than the rest of its question.
    const needed = Math.max(2, word.length + 2 - 4 * maxEdits);
    let touchedCount = 0;
    // Words further apart in length than `maxEdits` can never be close enough, so their lists are skipped.
    const shortest = Math.max(3, word.length - maxEdits);
    // Plain loops: a word the notes lack reads a few hundred ids here, and each is counted.
    for (let g = 0; g < grams.length; g++) {
      const gram = grams[g] as number;
      if (grams.indexOf(gram) < g) continue;
      const byLength = this.grams.get(gram);
      if (!byLength) continue;
      const longest = Math.min(word.length + maxEdits, byLength.length - 1);
      for (let length = shortest; length <= longest; length++) {
        const list = byLength[length];
        if (list === undefined) continue;
        for (let i = 0; i < list.length; i++) {
          const id = list[i] as number;
          const count = counts[id] as number;
          if (count === 0) touched[touchedCount++] = id;
          counts[id] = count + 1;
        }
      }
    }
    const found: { word: string; distance: number }[] = [];
    for (let t = 0; t < touchedCount; t++) {
      const id = touched[t] as number;
      const shared = counts[id] as number;
      counts[id] = 0;
      if (shared < needed || this.removed[id] === 1) continue;
      const candidate = this.words[id] ?? '';
      if (lettersApart(word, candidate) > maxEdits) continue;
      const distance = editDistance(word, candidate, maxEdits);
      if (distance <= maxEdits && distance > 0) found.push({ word: candidate, distance });
    }
    return found.sort((a, b) => a.distance - b.distance || (a.word < b.word ? -1 : 1));
  }

  private indexDeletions(): void {
    const { words } = this;
    if (this.deletionsIndexed === words.length) return;
    let letters = 0;
    for (let id = this.deletionsIndexed; id < words.length; id++) letters += words[id]?.length ?? 0;
    this.deletions.reserve(words.length - this.deletionsIndexed, letters);
    for (; this.deletionsIndexed < words.length; this.deletionsIndexed++) this.deletions.add(words[this.deletionsIndexed] ?? '', this.deletionsIndexed);
  }

  private indexNewWords(): void {
    for (; this.indexed < this.words.length; this.indexed++) {
      const id = this.indexed;
      const word = this.words[id] ?? '';
      for (const gram of trigrams(word)) {
        let byLength = this.grams.get(gram);
        if (!byLength) this.grams.set(gram, (byLength = []));
        const list = (byLength[word.length] ??= []);
        if (list.at(-1) !== id) list.push(id);
      }
    }
  }
}

const START = '^'.charCodeAt(0);
const END = '$'.charCodeAt(0);

/** The trigrams of `^^word$$`, each as one number: three UTF-16 code units of 16 bits. */
function trigrams(word: string): number[] {
  const grams: number[] = [];
  let a = START;
  let b = START;
  for (let i = 0; i <= word.length + 1; i++) {
    const c = i < word.length ? word.charCodeAt(i) : END;
    grams.push(a * 2 ** 32 + b * 2 ** 16 + c);
    a = b;
    b = c;
  }
  return grams;
}
