import { IntList } from './growable.js';
import { FNV_OFFSET, hashOf } from './hash.js';

/**
 * Distinct strings, each with an id in order of first appearance, found by a range of a larger text
 * without cutting it out first: a word seen before costs a hash and a comparison, no new string.
 */
export class StringTable {
  readonly strings: string[] = [];
  /**
   * Open addressing over pairs of slots: a string's hash, then its id + 1 (0 when empty); the number of pairs is a
   * power of two. The hash beside the id spares a read elsewhere in memory for every slot probed.
   */
  private slots = new Int32Array(2 << 12);

  /** The id of `text[start, end)`, added if new (then it equals the previous `size`). */
  idOf(text: string, start: number, end: number): number {
    return this.idOfHashed(text, start, end, hashOf(text, start, end, FNV_OFFSET));
  }

  /** `idOf` for a range whose hash (`hashOf` from FNV_OFFSET) is known already. */
  idOfHashed(text: string, start: number, end: number, hashed: number): number {
    // Hashes are kept as 32-bit integers; only the empty string's (the offset itself) is not one already.
    const hash = hashed | 0;
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = (slots[2 * slot + 1] as number) - 1;
      if (id === -1) return this.insert(text.slice(start, end), hash, slot);
      if (slots[2 * slot] === hash && sameAs(this.strings[id] as string, text, start, end)) return id;
    }
  }

  /** The id of `left + right`, added if new, without joining them unless it is new. */
  idOfJoined(left: string, right: string): number {
    const hash = hashOf(right, 0, right.length, hashOf(left, 0, left.length, FNV_OFFSET)) | 0;
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = (slots[2 * slot + 1] as number) - 1;
      if (id === -1) return this.insert(left + right, hash, slot);
      if (slots[2 * slot] !== hash) continue;
      const value = this.strings[id] as string;
      if (value.length === left.length + right.length && value.startsWith(left) && value.endsWith(right)) return id;
    }
  }

  /** The id of `value`, or -1 when it is not in the table. */
  find(value: string): number {
    const hash = hashOf(value, 0, value.length, FNV_OFFSET) | 0;
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = (slots[2 * slot + 1] as number) - 1;
      if (id === -1 || (slots[2 * slot] === hash && this.strings[id] === value)) return id;
    }
  }

  get size(): number {
    return this.strings.length;
  }

  private insert(value: string, hash: number, slot: number): number {
    const id = this.strings.length;
    this.strings.push(value);
    this.slots[2 * slot] = hash;
    this.slots[2 * slot + 1] = id + 1;
    if (this.strings.length * 4 > this.slots.length) this.rehash();
    return id;
  }

  /** Doubles the table, moving each entry with the hash kept beside it. */
  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    const mask = (this.slots.length >> 1) - 1;
    for (let from = 0; from < old.length; from += 2) {
      const entry = old[from + 1] as number;
      if (entry === 0) continue;
      const hash = old[from] as number;
      let slot = hash & mask;
      while (this.slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      this.slots[2 * slot] = hash;
      this.slots[2 * slot + 1] = entry;
    }
  }
}

/** Distinct pairs of non-negative integers, each with an id in order of first appearance. */
export class PairTable {
  private readonly firsts = new IntList();
  private readonly seconds = new IntList();
  private slots = new Int32Array(1 << 12);

  /** The id of the pair, added if new (then it equals the previous `size`). */
  idOf(first: number, second: number): number {
    const hash = pairHash(first, second);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = (this.slots[slot] ?? 0) - 1;
      if (id === -1) return this.insert(first, second, slot);
      if (this.firsts.at(id) === first && this.seconds.at(id) === second) return id;
    }
  }

  get size(): number {
    return this.firsts.length;
  }

  private insert(first: number, second: number, slot: number): number {
    const id = this.firsts.length;
    this.firsts.push(first);
    this.seconds.push(second);
    this.slots[slot] = id + 1;
    if (this.firsts.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.firsts.length; id++) {
      let slot = pairHash(this.firsts.at(id), this.seconds.at(id)) & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = id + 1;
    }
  }
}

function pairHash(first: number, second: number): number {
  const hash = Math.imul(first, 0x9e3779b1) ^ Math.imul(second + 0x7f4a7c15, 0x85ebca77);
  return hash ^ (hash >>> 15);
}

function sameAs(value: string, text: string, start: number, end: number): boolean {
  if (value.length !== end - start) return false;
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}
