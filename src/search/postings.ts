import { ensureSize, IntList } from './growable.js';

/** Postings of one term: document ids in the order of the notes and the BM25 weight of the term in each. */
export interface Postings {
  ids: Int32Array;
  weights: Float32Array;
}

/** Term frequencies of one kind of document, term by term: term `t` owns `ids` and `tfs` from `starts[t]` to `starts[t + 1]`. */
export interface TermFrequencies {
  starts: Int32Array;
  ids: Int32Array;
  tfs: Float64Array;
}

/** Term frequencies in the order they were gathered: document by document, each document's terms in order of first use. */
export interface GatheredFrequencies {
  terms: Int32Array;
  docs: Int32Array;
  tfs: Float64Array;
  length: number;
}

/**
 * Gathers term frequencies document by document, then sorts them by term. Documents are
 * expected in runs (all of a chunk's terms, then the next chunk's); a document that comes back after
 * another gets a second posting, as a term map per document would not, so callers keep runs whole.
 */
export class PostingsBuilder {
  private terms: Int32Array;
  private docs: Int32Array;
  private tfs: Float64Array;
  private length = 0;
  /** Frequencies of the open document's terms, by term id; `touched` lists the non-zero ones in order. */
  private open = new Float64Array(1 << 12);
  private readonly touched = new IntList(1 << 8);
  private openDoc = -1;

  /** `capacity`: postings to make room for at first (the arrays grow as needed). */
  constructor(capacity = 1 << 16) {
    this.terms = new Int32Array(capacity);
    this.docs = new Int32Array(capacity);
    this.tfs = new Float64Array(capacity);
  }

  /** Adds one occurrence of `term`, worth `weight`, to `doc`. */
  add(doc: number, term: number, weight: number): void {
    if (doc !== this.openDoc) this.close(doc);
    if (term >= this.open.length) this.open = ensureSize(this.open, term + 1);
    if (this.open[term] === 0) this.touched.push(term);
    this.open[term] = (this.open[term] ?? 0) + weight;
  }

  /** Adds every term of a list to `doc`, each worth `weight`: `add` for each, in order. */
  addAll(doc: number, terms: Int32Array, weight: number): void {
    if (doc !== this.openDoc) this.close(doc);
    let open = this.open;
    const touched = this.touched;
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i] as number;
      if (term >= open.length) open = this.open = ensureSize(open, term + 1);
      const value = open[term] as number;
      if (value === 0) touched.push(term);
      open[term] = value + weight;
    }
  }

  /** The frequencies sorted by term (documents in increasing order within each term). */
  byTerm(termCount: number): TermFrequencies {
    const { terms, docs, tfs: gathered, length } = this.gathered();
    const starts = new Int32Array(termCount + 1);
    for (let i = 0; i < length; i++) {
      const slot = (terms[i] ?? 0) + 1;
      starts[slot] = (starts[slot] ?? 0) + 1;
    }
    for (let term = 0; term < termCount; term++) starts[term + 1] = (starts[term + 1] ?? 0) + (starts[term] ?? 0);
    const next = starts.slice(0, termCount);
    const ids = new Int32Array(length);
    const tfs = new Float64Array(length);
    for (let i = 0; i < length; i++) {
      const term = terms[i] ?? 0;
      const at = next[term] ?? 0;
      next[term] = at + 1;
      ids[at] = docs[i] ?? 0;
      tfs[at] = gathered[i] ?? 0;
    }
    return { starts, ids, tfs };
  }

  /** The frequencies as gathered, document by document; valid until the next `add` or `clear`. */
  gathered(): GatheredFrequencies {
    this.close(-1);
    return { terms: this.terms, docs: this.docs, tfs: this.tfs, length: this.length };
  }

  /** Forgets what was gathered, keeping the arrays for the next use. */
  clear(): void {
    this.close(-1);
    this.length = 0;
  }

  private close(nextDoc: number): void {
    const needed = this.length + this.touched.length;
    if (needed > this.terms.length) {
      const size = Math.max(needed, this.terms.length * 2);
      this.terms = ensureSize(this.terms, size);
      this.docs = ensureSize(this.docs, size);
      this.tfs = ensureSize(this.tfs, size);
    }
    const touched = this.touched;
    for (let i = 0; i < touched.length; i++) {
      const term = touched.at(i);
      this.terms[this.length] = term;
      this.docs[this.length] = this.openDoc;
      this.tfs[this.length] = this.open[term] ?? 0;
      this.length++;
      this.open[term] = 0;
    }
    touched.clear();
    this.openDoc = nextDoc;
  }
}
