import { ensureSize } from './growable.js';
import { FNV_OFFSET, FNV_PRIME } from './hash.js';

/**
 * Words by their one-letter deletions (the symmetric delete of SymSpell), for finding the words one edit from a
 * typo. Two words one edit apart share a key, a key being a word itself or the word with one letter dropped:
 * a letter changed at i leaves both the same with i dropped; a letter added or dropped makes one the other with a
 * letter dropped; two neighbours swapped leave both the same with one of the two dropped.
 *
 * Keys are kept as 32-bit hashes in an open-addressing table, each with the chain of word ids that have it, all in
 * flat arrays: a lookup reads a slot and a chain per key rather than lists scattered over the heap. A hash shared by
 * two keys only adds candidates, and every candidate is checked against the typo.
 */
export class DeletionIndex {
  /** Per slot: a key's hash, and the first entry of its chain (-1 for an empty slot). */
  private hashes = new Int32Array(1 << 10);
  private heads = new Int32Array(1 << 10).fill(-1);
  private keys = 0;
  /** Per entry: a word id, and the next entry of the same key (-1 at the end). */
  private ids = new Int32Array(1 << 10);
  private next = new Int32Array(1 << 10);
  private entries = 0;

  /** Makes room for `words` more words of about `letters` letters in all, so that adding them rehashes nothing. */
  reserve(words: number, letters: number): void {
    const entries = this.entries + words + letters;
    let size = this.heads.length;
    while (size < 2 * entries) size *= 2;
    if (size > this.heads.length) this.rehash(size);
    this.ids = ensureSize(this.ids, entries);
    this.next = ensureSize(this.next, entries);
  }

  /** Adds a word's keys under its id. */
  add(word: string, id: number): void {
    this.put(hashWithout(word, -1), id);
    for (let drop = 0; drop < word.length; drop++) {
      // Dropping either of two equal neighbours gives the same key: store it once.
      if (drop > 0 && word.charCodeAt(drop) === word.charCodeAt(drop - 1)) continue;
      this.put(hashWithout(word, drop), id);
    }
  }

  /** Calls `visit` with the id of every word sharing a key with `word` (a word may come more than once). */
  candidates(word: string, visit: (id: number) => void): void {
    for (let drop = -1; drop < word.length; drop++) {
      if (drop > 0 && word.charCodeAt(drop) === word.charCodeAt(drop - 1)) continue;
      const slot = this.slotOf(hashWithout(word, drop));
      for (let entry = this.heads[slot] ?? -1; entry !== -1; entry = this.next[entry] ?? -1) visit(this.ids[entry] ?? 0);
    }
  }

  private put(hash: number, id: number): void {
    if (2 * (this.keys + 1) > this.heads.length) this.rehash(2 * this.heads.length);
    let slot = this.slotOf(hash);
    if (this.heads[slot] === -1) {
      this.hashes[slot] = hash;
      this.keys++;
    }
    this.ids = ensureSize(this.ids, this.entries + 1);
    this.next = ensureSize(this.next, this.entries + 1);
    const entry = this.entries++;
    this.ids[entry] = id;
    this.next[entry] = this.heads[slot] ?? -1;
    this.heads[slot] = entry;
  }

  /** The slot holding `hash`, or the empty slot where it would go. */
  private slotOf(hash: number): number {
    const mask = this.heads.length - 1;
    let slot = hash & mask;
    while (this.heads[slot] !== -1 && this.hashes[slot] !== hash) slot = (slot + 1) & mask;
    return slot;
  }

  private rehash(size: number): void {
    const { hashes, heads } = this;
    this.hashes = new Int32Array(size);
    this.heads = new Int32Array(size).fill(-1);
    for (let old = 0; old < heads.length; old++) {
      if (heads[old] === -1) continue;
      const slot = this.slotOf(hashes[old] ?? 0);
      this.hashes[slot] = hashes[old] ?? 0;
      this.heads[slot] = heads[old] ?? -1;
    }
  }
}

/**
 * FNV-1a of `word` with the letter at `drop` left out (-1: none), as a signed 32-bit number. FNV's low bits,
 * which pick the slot, depend only on the letters' low bits, so they are mixed with the high ones (murmur3's
 * finaliser) to keep runs of taken slots short.
 */
function hashWithout(word: string, drop: number): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) if (i !== drop) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}
