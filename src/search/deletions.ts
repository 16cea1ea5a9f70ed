import { ensureSize } from './growable.js';

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
    const count = keysOf(word);
    for (let k = 0; k < count; k++) this.put(scratch.keys[k] ?? 0, id);
  }

  /** Calls `visit` with the id of every word sharing a key with `word` (a word may come more than once). */
  candidates(word: string, visit: (id: number) => void): void {
    const count = keysOf(word);
    for (let k = 0; k < count; k++) {
      const slot = this.slotOf(scratch.keys[k] ?? 0);
      for (let entry = this.heads[slot] ?? -1; entry !== -1; entry = this.next[entry] ?? -1) visit(this.ids[entry] ?? 0);
    }
  }

  private put(hash: number, id: number): void {
    if (2 * (this.keys + 1) > this.heads.length) this.rehash(2 * this.heads.length);
    const slot = this.slotOf(hash);
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

/** Keys of the last word passed to `keysOf`, and the powers of the hash's base, reused from word to word. */
const BASE = 0x01000193;
const scratch = { keys: new Int32Array(0), suffix: new Int32Array(0), powers: new Int32Array(0) };

/**
 * Writes the hashes of `word`'s keys to `scratch.keys` (the word itself first, then each letter dropped, once for a
 * run of equal letters, which all drop to the same key) and returns how many. A polynomial hash, so each key's hash
 * comes from the hashes of the prefix before the dropped letter and the suffix after it: linear in the word's
 * length, however long, instead of a pass over the word per key. The hashes are then mixed (murmur3's
 * finaliser), since their low bits, which pick a slot, depend only on the letters' low bits.
 */
function keysOf(word: string): number {
  const n = word.length;
  if (scratch.powers.length <= n + 1) {
    scratch.keys = new Int32Array(Math.max(64, 2 * n + 2));
    scratch.suffix = new Int32Array(scratch.keys.length);
    const powers = new Int32Array(scratch.keys.length);
    powers[0] = 1;
    for (let k = 1; k < powers.length; k++) powers[k] = Math.imul(powers[k - 1] ?? 0, BASE);
    scratch.powers = powers;
  }
  const { keys, suffix, powers } = scratch;
  // suffix[i]: the hash of word[i…], its letters weighted as in the whole word.
  suffix[n] = 0;
  for (let i = n - 1; i >= 0; i--) suffix[i] = (Math.imul(word.charCodeAt(i), powers[n - 1 - i] ?? 0) + (suffix[i + 1] ?? 0)) | 0;
  keys[0] = mix(suffix[0] ?? 0);
  let count = 1;
  let prefix = 0;
  for (let drop = 0; drop < n; drop++) {
    if (drop === 0 || word.charCodeAt(drop) !== word.charCodeAt(drop - 1)) {
      keys[count++] = mix((Math.imul(prefix, powers[n - 1 - drop] ?? 0) + (suffix[drop + 1] ?? 0)) | 0);
    }
    prefix = (Math.imul(prefix, BASE) + word.charCodeAt(drop)) | 0;
  }
  return count;
}

function mix(hash: number): number {
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}
