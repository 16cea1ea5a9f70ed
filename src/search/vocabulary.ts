import { editDistance } from './distance.js';

/** How far a word may be from a known word and still be taken for it. */
export function allowedEdits(word: string): number {
  if (word.length < 4) return 0;
  return word.length >= 8 ? 2 : 1;
}

/**
 * The words of the notes, as written, with a trigram index to find the known words closest to a
 * misspelt one without scanning the whole vocabulary.
 */
export class Vocabulary {
  private readonly words: string[] = [];
  private readonly ids = new Map<string, number>();
  /** Word ids by trigram, then by word length: a lookup reads only lengths within reach of the edits. */
  private readonly grams = new Map<string, number[][]>();
  private counts: Uint16Array = new Uint16Array(0);

  add(word: string): void {
    if (this.ids.has(word) || word.length < 3 || /\d/.test(word)) return;
    const id = this.words.length;
    this.words.push(word);
    this.ids.set(word, id);
    for (const gram of trigrams(word)) {
      let byLength = this.grams.get(gram);
      if (!byLength) this.grams.set(gram, (byLength = []));
      const list = (byLength[word.length] ??= []);
      if (list.at(-1) !== id) list.push(id);
    }
  }

  has(word: string): boolean {
    return this.ids.has(word);
  }

  get size(): number {
    return this.words.length;
  }

  /** Known words within `maxEdits` of `word`, closest first. */
  closest(word: string, maxEdits: number): { word: string; distance: number }[] {
    if (maxEdits <= 0 || this.words.length === 0) return [];
    if (this.counts.length < this.words.length) this.counts = new Uint16Array(this.words.length);
    const grams = [...new Set(trigrams(word))];
    // One edit spoils up to 3 trigrams, a swap of neighbours up to 4: ask for what survives the worst case.
    const needed = Math.max(1, word.length + 2 - 4 * maxEdits);
    const touched: number[] = [];
    // Words further apart in length than `maxEdits` can never be close enough, so their lists are skipped.
    const shortest = Math.max(3, word.length - maxEdits);
    for (const gram of grams) {
      const byLength = this.grams.get(gram);
      if (!byLength) continue;
      for (let length = shortest; length <= word.length + maxEdits; length++) {
        for (const id of byLength[length] ?? []) {
          if (this.counts[id] === 0) touched.push(id);
          this.counts[id] = (this.counts[id] ?? 0) + 1;
        }
      }
    }
    const found: { word: string; distance: number }[] = [];
    for (const id of touched) {
      const shared = this.counts[id] ?? 0;
      this.counts[id] = 0;
      if (shared < needed) continue;
      const candidate = this.words[id] ?? '';
      const distance = editDistance(word, candidate, maxEdits);
      if (distance <= maxEdits && distance > 0) found.push({ word: candidate, distance });
    }
    return found.sort((a, b) => a.distance - b.distance || (a.word < b.word ? -1 : 1));
  }
}

function trigrams(word: string): string[] {
  const padded = `^^${word}$$`;
  const grams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) grams.push(padded.slice(i, i + 3));
  return grams;
}
