/**
 * The term frequencies of a build, stored in half the memory without changing any of them. Frequencies are
 * sums of field weights (1, 0.5, 0.35 and 0.1): most are whole or half numbers, which a 32-bit float holds
 * exactly; the others (about one in nine, those that count the note's title, tags or file name, or a
 * cross-reference) are kept beside them at 64 bits, by position.
 */
export class StoredFrequencies {
  /**
   * Each frequency at 32 bits, negated where it is not exact: reading one then costs a search among the exact
   * values only for those, not for the eight in nine that are whole or half numbers.
   */
  private readonly rounded: Float32Array;
  /** Positions whose frequency a 32-bit float cannot hold, increasing, and their exact values. */
  private readonly exactAt: Int32Array;
  private readonly exact: Float64Array;

  /** The frequencies must be positive, as sums of the (positive) field weights are: the sign marks the inexact ones. */
  constructor(tfs: Float64Array) {
    this.rounded = Float32Array.from(tfs);
    let count = 0;
    for (let i = 0; i < tfs.length; i++) if ((this.rounded[i] as number) !== tfs[i]) count++;
    this.exactAt = new Int32Array(count);
    this.exact = new Float64Array(count);
    let k = 0;
    for (let i = 0; i < tfs.length; i++) {
      const tf = tfs[i] as number;
      if ((this.rounded[i] as number) === tf) continue;
      this.rounded[i] = -(this.rounded[i] as number);
      this.exactAt[k] = i;
      this.exact[k++] = tf;
    }
  }

  get length(): number {
    return this.rounded.length;
  }

  /** The frequency at position `i`. */
  at(i: number): number {
    const rounded = this.rounded[i] as number;
    return rounded > 0 ? rounded : (this.exact[this.firstExactFrom(i)] as number);
  }

  /**
   * Calls `each(i, tf)` for the positions `from…to - 1` in order: at most one search for the first exact value,
   * then a walk, so a whole term's postings cost about what reading a plain array would.
   */
  forRange(from: number, to: number, each: (i: number, tf: number) => void): void {
    let k = -1;
    for (let i = from; i < to; i++) {
      const rounded = this.rounded[i] as number;
      if (rounded > 0) {
        each(i, rounded);
        continue;
      }
      if (k === -1) k = this.firstExactFrom(i);
      each(i, this.exact[k++] as number);
    }
  }

  /** The first k with exactAt[k] ≥ i (exactAt.length when none). */
  private firstExactFrom(i: number): number {
    let lo = 0;
    let hi = this.exactAt.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.exactAt[mid] as number) < i) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
