import type { Chunk, NoteMeta } from '../types.js';
import { type Abbreviation } from './abbreviations.js';
import { compounds, tokenize, type Token } from './analyze.js';
import { BM25, FIELD_WEIGHTS } from './fields.js';
import { Vocabulary } from './vocabulary.js';

export interface IndexInput {
  chunks: Chunk[];
  /** Front matter of each file, by file. */
  meta: ReadonlyMap<string, NoteMeta>;
  abbreviations: Abbreviation[];
}

/** Postings of one term: chunk ids in increasing order and the BM25 weight of the term in each. */
export interface Postings {
  ids: Int32Array;
  weights: Float32Array;
}

/**
 * An inverted index over chunks with BM25F weights computed at build time, so that a query only adds
 * precomputed numbers. Immutable once built; a rebuild makes a new one.
 */
export class SearchIndex {
  readonly chunks: readonly Chunk[];
  readonly vocabulary = new Vocabulary();
  /** Stem of every word seen, by its written form. */
  readonly stemOf = new Map<string, string>();
  /** Expansions of each abbreviation, by its stem. */
  readonly expansions = new Map<string, string[][]>();
  /** Abbreviations whose long form is a run of these stems. */
  readonly contractions: Abbreviation[] = [];
  /** Files in order of first chunk; `fileOf[chunkId]` indexes it. */
  readonly files: string[] = [];
  readonly fileOf: Int32Array;
  private readonly terms = new Map<string, Postings>();
  /** The same terms over whole files, so a chunk also gains from the note it belongs to. */
  private readonly fileTerms = new Map<string, Postings>();
  private readonly termIds = new Map<string, number>();
  private readonly termNames: string[] = [];

  constructor(input: IndexInput) {
    this.chunks = input.chunks;
    for (const abbreviation of input.abbreviations) this.addAbbreviation(abbreviation);

    const chunkTf = new TermFrequencies();
    const fileTf = new TermFrequencies();
    const lengths = new Float64Array(input.chunks.length);
    const fileLengths: number[] = [];
    const noteFields = new Map<string, number[]>();
    const sectionFields = new Map<string, { terms: number[]; words: number }>();
    const fileIds = new Map<string, number>();
    this.fileOf = new Int32Array(input.chunks.length);
    const body: number[] = [];

    input.chunks.forEach((chunk, id) => {
      let fileId = fileIds.get(chunk.file);
      if (fileId === undefined) {
        fileId = this.files.length;
        fileIds.set(chunk.file, fileId);
        this.files.push(chunk.file);
        fileLengths.push(0);
      }
      this.fileOf[id] = fileId;
      body.length = 0;
      const words = this.fieldTerms(chunk.text, FIELD_WEIGHTS.body, body);
      chunkTf.addAll(id, body);
      fileTf.addAll(fileId, body);
      fileLengths[fileId] = (fileLengths[fileId] ?? 0) + words;

      const sectionKey = chunk.section.join(' \n ');
      let section = sectionFields.get(sectionKey);
      if (!section) {
        const terms: number[] = [];
        section = { terms, words: this.fieldTerms(sectionKey, FIELD_WEIGHTS.section, terms) };
        sectionFields.set(sectionKey, section);
      }
      chunkTf.addAll(id, section.terms);

      let note = noteFields.get(chunk.file);
      if (!note) {
        note = [];
        const meta = input.meta.get(chunk.file);
        const noteWords = [fileWords(chunk.file), meta?.title ?? '', ...(meta?.aliases ?? []), ...(meta?.tags ?? [])];
        this.fieldTerms(noteWords.join(' \n '), FIELD_WEIGHTS.note, note);
        noteFields.set(chunk.file, note);
        fileTf.addAll(fileId, note);
      }
      chunkTf.addAll(id, note);
      lengths[id] = words + FIELD_WEIGHTS.section * section.words;
    });

    chunkTf.toPostings(this.termNames, lengths, this.terms);
    fileTf.toPostings(this.termNames, Float64Array.from(fileLengths), this.fileTerms);
  }

  get termCount(): number {
    return this.terms.size;
  }

  has(stem: string): boolean {
    return this.terms.has(stem);
  }

  /** Number of chunks containing the term. */
  df(stem: string): number {
    return this.terms.get(stem)?.ids.length ?? 0;
  }

  /** Inverse document frequency; a term no chunk has gets the highest. */
  idf(stem: string): number {
    const n = this.chunks.length;
    const df = this.df(stem);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  postings(stem: string): Postings | undefined {
    return this.terms.get(stem);
  }

  filePostings(stem: string): Postings | undefined {
    return this.fileTerms.get(stem);
  }

  /** Inverse document frequency among files. */
  fileIdf(stem: string): number {
    const n = this.files.length;
    const df = this.fileTerms.get(stem)?.ids.length ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** The BM25 weight of a term in one chunk, 0 when absent. */
  weightIn(stem: string, chunkId: number): number {
    const postings = this.terms.get(stem);
    if (!postings) return 0;
    let lo = 0;
    let hi = postings.ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const id = postings.ids[mid] ?? 0;
      if (id === chunkId) return postings.weights[mid] ?? 0;
      if (id < chunkId) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  private addAbbreviation(abbreviation: Abbreviation): void {
    if (abbreviation.long.length === 0) return;
    const list = this.expansions.get(abbreviation.short) ?? [];
    if (!list.some((long) => long.join(' ') === abbreviation.long.join(' '))) {
      list.push(abbreviation.long);
      this.expansions.set(abbreviation.short, list);
      this.contractions.push(abbreviation);
    }
  }

  /** Appends (term id, weight) pairs for a field's words and joined neighbours; returns how many words it has. */
  private fieldTerms(text: string, weight: number, out: number[]): number {
    const tokens = tokenize(text);
    let count = 0;
    for (const token of tokens) {
      if (token.stop) continue;
      count++;
      out.push(this.termId(token.stem), weight);
      if (!this.stemOf.has(token.surface)) {
        this.stemOf.set(token.surface, token.stem);
        this.vocabulary.add(token.surface);
      }
    }
    // Joined pairs are index terms but not vocabulary: a misspelt joined word is found by splitting it (see query.ts).
    for (const pair of compounds(tokens satisfies Token[], text)) out.push(this.termId(pair.stem), weight);
    return count;
  }

  private termId(stem: string): number {
    let id = this.termIds.get(stem);
    if (id === undefined) {
      id = this.termNames.length;
      this.termIds.set(stem, id);
      this.termNames.push(stem);
    }
    return id;
  }
}

/**
 * Term frequencies per document, gathered without a map per document: documents arrive in order,
 * so a term's last posting is the current document's or a new one.
 */
class TermFrequencies {
  private readonly docs: number[][] = [];
  private readonly tfs: number[][] = [];

  /** Adds flattened (term id, weight) pairs to a document. */
  addAll(doc: number, pairs: readonly number[]): void {
    for (let i = 0; i < pairs.length; i += 2) {
      const term = pairs[i] ?? 0;
      const weight = pairs[i + 1] ?? 0;
      let docs = this.docs[term];
      let tfs = this.tfs[term];
      if (!docs || !tfs) {
        docs = this.docs[term] = [];
        tfs = this.tfs[term] = [];
      }
      const last = docs.length - 1;
      if (docs[last] === doc) tfs[last] = (tfs[last] ?? 0) + weight;
      else {
        docs.push(doc);
        tfs.push(weight);
      }
    }
  }

  /** BM25 weights of every term in every document it occurs in. */
  toPostings(names: readonly string[], lengths: Float64Array, into: Map<string, Postings>): void {
    let total = 0;
    for (const length of lengths) total += length;
    const average = total / Math.max(1, lengths.length) || 1;
    this.docs.forEach((docs, term) => {
      const tfs = this.tfs[term] ?? [];
      const weights = new Float32Array(docs.length);
      for (let i = 0; i < docs.length; i++) {
        const tf = tfs[i] ?? 0;
        const norm = BM25.k1 * (1 - BM25.b + (BM25.b * (lengths[docs[i] ?? 0] ?? 0)) / average);
        weights[i] = (tf * (BM25.k1 + 1)) / (tf + norm);
      }
      into.set(names[term] ?? '', { ids: Int32Array.from(docs), weights });
    });
  }
}

/** "runbooks/deploy-rollback.md" → "runbooks deploy rollback". */
function fileWords(file: string): string {
  return file.replace(/\.[a-z]+$/i, '').replace(/[_\-/.]+/g, ' ');
}
