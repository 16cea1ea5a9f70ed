import { BM25 } from './fields.js';
import { ensureSize } from './growable.js';
import type { GatheredFrequencies, Postings, TermFrequencies } from './postings.js';
import { StoredFrequencies } from './stored-frequencies.js';

/** Postings kept worked out between edits, in all terms together (8 bytes each, 32 MB at most). */
const CACHED_POSTINGS = 1 << 22;

/** A document's place in the order of the notes; see `SearchIndex.orderOf*`. */
export type OrderKey = (doc: number) => number;

/** Postings added after the build, for one term, in increasing document id. */
interface Added {
  ids: number[];
  tfs: number[];
}

/**
 * The postings of one kind of document (chunks, sections or files) for an index that takes edits. What the
 * full build made stays in three flat arrays (no object per term, so a large index costs the garbage
 * collector nothing); documents added later are kept per term beside them, and removed ones are marked dead.
 *
 * Term frequencies are stored, not weights: BM25 weights depend on the average length of the live documents,
 * which every edit changes, so they are worked out when a term is looked up. The expression is the one the
 * build used to store, rounded to 32 bits as the stored weights were, so scores do not depend on the history
 * of edits; lengths are sums of halves, so their total is exact whatever the order of edits.
 */
export class DocPostings {
  private readonly added = new Map<number, Added>();
  private lengths: Float64Array;
  private live: Uint8Array;
  private df: Int32Array;
  private docCount: number;
  private liveCount: number;
  private totalLength = 0;
  private readonly builtPostings: number;
  private changedPostings = 0;
  private termsInUse = 0;
  /** Postings worked out since the last edit, by term, up to CACHED_POSTINGS in all: questions repeat terms. */
  private readonly cache = new Map<number, Postings>();
  private cachedPostings = 0;
  private average = Number.NaN;
  /** BM25 length normalisation of every document for the current average, worked out on first use after an edit. */
  private norms: Float64Array | undefined;

  /** The build's postings by term (see `TermFrequencies`); their frequencies are in `builtTfs`. */
  private readonly built: Pick<TermFrequencies, 'starts' | 'ids'>;
  private readonly builtTfs: StoredFrequencies;

  constructor(
    built: TermFrequencies,
    lengths: Float64Array,
    private readonly orderKey: OrderKey,
  ) {
    this.built = { starts: built.starts, ids: built.ids };
    this.builtTfs = new StoredFrequencies(built.tfs);
    this.lengths = lengths;
    this.docCount = this.liveCount = lengths.length;
    this.live = new Uint8Array(lengths.length).fill(1);
    for (const length of lengths) this.totalLength += length;
    const terms = built.starts.length - 1;
    this.df = new Int32Array(terms);
    for (let term = 0; term < terms; term++) {
      const df = (built.starts[term + 1] ?? 0) - (built.starts[term] ?? 0);
      this.df[term] = df;
      if (df > 0) this.termsInUse++;
    }
    this.builtPostings = built.ids.length;
  }

  /** Live documents: the N of the IDF. */
  get size(): number {
    return this.liveCount;
  }

  /** Ids handed out so far, live or not. */
  get allocated(): number {
    return this.docCount;
  }

  isLive(doc: number): boolean {
    return this.live[doc] === 1;
  }

  /** Average length of the live documents, as the build computed it. */
  averageLength(): number {
    if (Number.isNaN(this.average)) this.average = this.totalLength / Math.max(1, this.liveCount) || 1;
    return this.average;
  }

  lengthOf(doc: number): number {
    return this.lengths[doc] ?? 0;
  }

  /** Terms that some live document holds. */
  get termCount(): number {
    return this.termsInUse;
  }

  /** Live documents holding the term. */
  count(term: number): number {
    return term < 0 ? 0 : (this.df[term] ?? 0);
  }

  /**
   * The live postings of a term in the order of the notes, with their BM25 weights; undefined when no live
   * document holds it. The arrays may be shared: read them, never write.
   */
  of(term: number): Postings | undefined {
    const count = this.count(term);
    if (count === 0) return undefined;
    let postings = this.cache.get(term);
    if (!postings) {
      postings = this.workOut(term, count);
      if (this.cachedPostings + count > CACHED_POSTINGS) this.forget();
      this.cache.set(term, postings);
      this.cachedPostings += count;
    }
    return postings;
  }

  private workOut(term: number, count: number): Postings {
    const ids = new Int32Array(count);
    const weights = new Float32Array(count);
    const norms = this.lengthNorms();
    const { starts, ids: builtIds } = this.built;
    const from = starts[term] ?? 0;
    const to = term + 1 < starts.length ? (starts[term + 1] ?? 0) : from;
    const added = this.added.get(term);
    let k = 0;
    const put = (doc: number, tf: number) => {
      ids[k] = doc;
      weights[k++] = weight(tf, norms[doc] ?? 0);
    };
    if (!added) {
      this.builtTfs.forRange(from, to, (i, tf) => {
        const doc = builtIds[i] ?? 0;
        if (this.live[doc] === 1) put(doc, tf);
      });
      return { ids, weights };
    }
    // Added documents belong among the built ones by their place in the notes: merge by order key.
    const extra: number[] = [];
    for (let j = 0; j < added.ids.length; j++) if (this.live[added.ids[j] ?? 0] === 1) extra.push(j);
    const keyOf = extra.map((j) => this.orderKey(added.ids[j] ?? 0));
    const order = extra.map((_, n) => n).sort((a, b) => (keyOf[a] ?? 0) - (keyOf[b] ?? 0));
    let next = 0;
    this.builtTfs.forRange(from, to, (i, tf) => {
      const doc = builtIds[i] ?? 0;
      if (this.live[doc] !== 1) return;
      const key = this.orderKey(doc);
      while (next < order.length && (keyOf[order[next] ?? 0] ?? 0) < key) {
        const j = extra[order[next++] ?? 0] ?? 0;
        put(added.ids[j] ?? 0, added.tfs[j] ?? 0);
      }
      put(doc, tf);
    });
    while (next < order.length) {
      const j = extra[order[next++] ?? 0] ?? 0;
      put(added.ids[j] ?? 0, added.tfs[j] ?? 0);
    }
    return { ids, weights };
  }

  /** The BM25 weight of a term in one document, 0 when absent or dead. */
  weightIn(term: number, doc: number): number {
    if (this.count(term) === 0 || this.live[doc] !== 1) return 0;
    const { starts, ids } = this.built;
    if (term + 1 < starts.length) {
      const end = starts[term + 1] ?? 0;
      const at = lowerBound(ids, starts[term] ?? 0, end, doc);
      if (at < end && ids[at] === doc) return weight(this.builtTfs.at(at), this.lengthNorms()[doc] ?? 0);
    }
    const added = this.added.get(term);
    if (!added) return 0;
    const at = lowerBound(added.ids, 0, added.ids.length, doc);
    return added.ids[at] === doc ? weight(added.tfs[at] ?? 0, this.lengthNorms()[doc] ?? 0) : 0;
  }

  /**
   * The BM25 weights of a term in the live documents `from` to `to` (exclusive), written to
   * `out[(doc − from) · stride + slot]`; other slots are left alone. One search for where the range starts, then a
   * walk of the postings inside it: cheaper than a search per document when the documents are neighbours (a section's chunks).
   */
  weightsIn(term: number, from: number, to: number, out: Float64Array, stride: number, slot: number): void {
    if (this.count(term) === 0) return;
    if (this.added.size === 0) {
      // With no document added since the build, the worked-out postings are the live ones in increasing id order,
      // weights included: reading one costs a line of memory, where working it out reads a frequency, perhaps a
      // search among the exact ones, and a length norm, each elsewhere and cold between questions.
      const { ids, weights } = this.of(term) as Postings;
      for (let i = lowerBound(ids, 0, ids.length, from); i < ids.length; i++) {
        const doc = ids[i] as number;
        if (doc >= to) break;
        out[(doc - from) * stride + slot] = weights[i] as number;
      }
      return;
    }
    const norms = this.lengthNorms();
    const { starts, ids } = this.built;
    // Until an edit, every document is live and none was added: two reads fewer per call.
    const allLive = this.liveCount === this.docCount;
    if (term + 1 < starts.length) {
      const end = starts[term + 1] ?? 0;
      for (let i = lowerBound(ids, starts[term] ?? 0, end, from); i < end; i++) {
        const doc = ids[i] ?? 0;
        if (doc >= to) break;
        if (allLive || this.live[doc] === 1) out[(doc - from) * stride + slot] = weight(this.builtTfs.at(i), norms[doc] ?? 0);
      }
    }
    const added = this.added.get(term);
    if (!added) return;
    for (let i = lowerBound(added.ids, 0, added.ids.length, from); i < added.ids.length; i++) {
      const doc = added.ids[i] ?? 0;
      if (doc >= to) break;
      if (this.live[doc] === 1) out[(doc - from) * stride + slot] = weight(added.tfs[i] ?? 0, norms[doc] ?? 0);
    }
  }

  /** Adds documents `first…` with their lengths and frequencies (document ids relative to `first`). */
  addDocuments(first: number, lengths: readonly number[], frequencies: GatheredFrequencies): void {
    const end = first + lengths.length;
    if (first !== this.docCount) throw new Error(`documents must be added in order: expected id ${this.docCount}, got ${first}`);
    this.lengths = ensureSize(this.lengths, end);
    this.live = ensureSize(this.live, end);
    lengths.forEach((length, i) => {
      this.lengths[first + i] = length;
      this.live[first + i] = 1;
      this.totalLength += length;
    });
    this.docCount = end;
    this.liveCount += lengths.length;
    const { terms, docs, tfs, length } = frequencies;
    for (let i = 0; i < length; i++) {
      const term = terms[i] ?? 0;
      this.df = ensureSize(this.df, term + 1);
      const df = (this.df[term] ?? 0) + 1;
      this.df[term] = df;
      if (df === 1) this.termsInUse++;
      let list = this.added.get(term);
      if (!list) this.added.set(term, (list = { ids: [], tfs: [] }));
      list.ids.push(first + (docs[i] ?? 0));
      list.tfs.push(tfs[i] ?? 0);
    }
    this.changedPostings += length;
    this.forget();
  }

  /** Marks documents `first…` dead; `frequencies` are their terms as gathered again (ids relative to `first`). */
  removeDocuments(first: number, count: number, frequencies: GatheredFrequencies): void {
    for (let doc = first; doc < first + count; doc++) {
      if (this.live[doc] !== 1) throw new Error(`document ${doc} is not live`);
      this.live[doc] = 0;
      this.totalLength -= this.lengths[doc] ?? 0;
    }
    this.liveCount -= count;
    const { terms, length } = frequencies;
    for (let i = 0; i < length; i++) {
      const term = terms[i] ?? 0;
      const df = (this.df[term] ?? 0) - 1;
      this.df[term] = df;
      if (df === 0) this.termsInUse--;
    }
    this.changedPostings += length;
    this.forget();
  }

  private forget(): void {
    this.cache.clear();
    this.cachedPostings = 0;
    this.average = Number.NaN;
    this.norms = undefined;
  }

  /** Postings added or made dead since the build, as a share of those it made: when large, a rebuild pays. */
  get churn(): number {
    return this.changedPostings / Math.max(1, this.builtPostings);
  }

  /** k1·(1 − b + b·length/average) of every document, by id. */
  lengthNorms(): Float64Array {
    if (!this.norms) {
      const { k1, b } = BM25;
      const average = this.averageLength();
      const norms = new Float64Array(this.docCount);
      for (let doc = 0; doc < norms.length; doc++) norms[doc] = k1 * (1 - b + (b * (this.lengths[doc] ?? 0)) / average);
      this.norms = norms;
    }
    return this.norms;
  }
}

/** The first index in `lo…hi` of sorted `ids` whose id is at least `id`. */
function lowerBound(ids: ArrayLike<number>, lo: number, hi: number, id: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ids[mid] ?? 0) < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function weight(tf: number, norm: number): number {
  return Math.fround((tf * (BM25.k1 + 1)) / (tf + norm));
}
