import { BM25 } from './fields.js';

/** Postings of one term: document ids in increasing order and the BM25 weight of the term in each. */
export interface Postings {
  ids: Int32Array;
  weights: Float32Array;
}

/**
 * The postings of every term in three flat arrays: term `t` owns `ids` and `weights` from `starts[t]`
 * to `starts[t + 1]`. No object per term, so a large index costs the garbage collector nothing.
 */
export class FlatPostings {
  constructor(
    private readonly starts: Int32Array,
    private readonly ids: Int32Array,
    private readonly weights: Float32Array,
  ) {}

  /** Number of documents holding the term. */
  count(term: number): number {
    return term < 0 || term + 1 >= this.starts.length ? 0 : (this.starts[term + 1] ?? 0) - (this.starts[term] ?? 0);
  }

  /** Views (not copies) of one term's postings; undefined when no document holds it. */
  of(term: number): Postings | undefined {
    if (this.count(term) === 0) return undefined;
    const start = this.starts[term] ?? 0;
    const end = this.starts[term + 1] ?? 0;
    return { ids: this.ids.subarray(start, end), weights: this.weights.subarray(start, end) };
  }

  /** The weight of a term in one document, 0 when absent. */
  weightIn(term: number, doc: number): number {
    if (this.count(term) === 0) return 0;
    let lo = this.starts[term] ?? 0;
    let hi = (this.starts[term + 1] ?? 0) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const id = this.ids[mid] ?? 0;
      if (id === doc) return this.weights[mid] ?? 0;
      if (id < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }
}

/**
 * Gathers term frequencies document by document, then turns them into BM25 weights. Documents are
 * expected in runs (all of a chunk's terms, then the next chunk's); a document that comes back after
 * another gets a second posting, as a term map per document would not, so callers keep runs whole.
 */
export class PostingsBuilder {
  private terms = new Int32Array(1 << 16);
  private docs = new Int32Array(1 << 16);
  private tfs = new Float64Array(1 << 16);
  private length = 0;
  /** Frequencies of the open document's terms, by term id; `touched` lists the non-zero ones in order. */
  private open = new Float64Array(1 << 12);
  private readonly touched: number[] = [];
  private openDoc = -1;

  /** Adds one occurrence of `term`, worth `weight`, to `doc`. */
  add(doc: number, term: number, weight: number): void {
    if (doc !== this.openDoc) this.close(doc);
    if (term >= this.open.length) this.open = grow(this.open, term + 1);
    if (this.open[term] === 0) this.touched.push(term);
    this.open[term] = (this.open[term] ?? 0) + weight;
  }

  /** Adds every term of a list to `doc`, each worth `weight`. */
  addAll(doc: number, terms: readonly number[], weight: number): void {
    for (const term of terms) this.add(doc, term, weight);
  }

  /** BM25 weights from the frequencies and each document's length (indexed by document id). */
  finish(termCount: number, lengths: Float64Array, { k1, b }: { k1: number; b: number } = BM25): FlatPostings {
    this.close(-1);
    let total = 0;
    for (const length of lengths) total += length;
    const average = total / Math.max(1, lengths.length) || 1;
    const starts = new Int32Array(termCount + 1);
    for (let i = 0; i < this.length; i++) {
      const slot = (this.terms[i] ?? 0) + 1;
      starts[slot] = (starts[slot] ?? 0) + 1;
    }
    for (let term = 0; term < termCount; term++) starts[term + 1] = (starts[term + 1] ?? 0) + (starts[term] ?? 0);
    const next = starts.slice(0, termCount);
    const ids = new Int32Array(this.length);
    const weights = new Float32Array(this.length);
    for (let i = 0; i < this.length; i++) {
      const term = this.terms[i] ?? 0;
      const at = next[term] ?? 0;
      next[term] = at + 1;
      const doc = this.docs[i] ?? 0;
      const tf = this.tfs[i] ?? 0;
      const norm = k1 * (1 - b + (b * (lengths[doc] ?? 0)) / average);
      ids[at] = doc;
      weights[at] = (tf * (k1 + 1)) / (tf + norm);
    }
    return new FlatPostings(starts, ids, weights);
  }

  private close(nextDoc: number): void {
    const needed = this.length + this.touched.length;
    if (needed > this.terms.length) {
      const size = Math.max(needed, this.terms.length * 2);
      this.terms = grow(this.terms, size);
      this.docs = grow(this.docs, size);
      this.tfs = grow(this.tfs, size);
    }
    for (const term of this.touched) {
      this.terms[this.length] = term;
      this.docs[this.length] = this.openDoc;
      this.tfs[this.length] = this.open[term] ?? 0;
      this.length++;
      this.open[term] = 0;
    }
    this.touched.length = 0;
    this.openDoc = nextDoc;
  }
}

function grow<T extends Int32Array | Float64Array>(array: T, size: number): T {
  const larger = new (array.constructor as new (length: number) => T)(Math.max(size, array.length * 2));
  larger.set(array);
  return larger;
}
