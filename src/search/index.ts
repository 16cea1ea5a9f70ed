import type { Chunk, NoteMeta } from '../types.js';
import { type Abbreviation } from './abbreviations.js';
import { FieldTerms, TermTable } from './field-terms.js';
import { FIELD_WEIGHTS } from './fields.js';
import { PostingsBuilder, type FlatPostings, type Postings } from './postings.js';
import { Vocabulary } from './vocabulary.js';

export type { Postings } from './postings.js';

export interface IndexInput {
  chunks: Chunk[];
  /** Front matter of each file, by file. */
  meta: ReadonlyMap<string, NoteMeta>;
  abbreviations: Abbreviation[];
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
  private readonly termIds: ReadonlyMap<string, number>;
  private readonly chunkPostings: FlatPostings;
  /** The same terms over whole files, so a chunk also gains from the note it belongs to. */
  private readonly filePostingsByTerm: FlatPostings;

  constructor(input: IndexInput) {
    this.chunks = input.chunks;
    for (const abbreviation of input.abbreviations) this.addAbbreviation(abbreviation);

    const terms = new TermTable();
    const fieldTerms = new FieldTerms(terms);
    const chunkTf = new PostingsBuilder();
    const fileTf = new PostingsBuilder();
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
      const words = fieldTerms.add(chunk.text, body);
      chunkTf.addAll(id, body, FIELD_WEIGHTS.body);
      fileTf.addAll(fileId, body, FIELD_WEIGHTS.body);
      fileLengths[fileId] = (fileLengths[fileId] ?? 0) + words;

      const sectionKey = chunk.section.join(' \n ');
      let section = sectionFields.get(sectionKey);
      if (!section) {
        const terms: number[] = [];
        section = { terms, words: fieldTerms.add(sectionKey, terms) };
        sectionFields.set(sectionKey, section);
      }
      chunkTf.addAll(id, section.terms, FIELD_WEIGHTS.section);

      let note = noteFields.get(chunk.file);
      if (!note) {
        note = [];
        const meta = input.meta.get(chunk.file);
        const noteWords = [fileWords(chunk.file), meta?.title ?? '', ...(meta?.aliases ?? []), ...(meta?.tags ?? [])];
        fieldTerms.add(noteWords.join(' \n '), note);
        noteFields.set(chunk.file, note);
        fileTf.addAll(fileId, note, FIELD_WEIGHTS.note);
      }
      chunkTf.addAll(id, note, FIELD_WEIGHTS.note);
      lengths[id] = words + FIELD_WEIGHTS.section * section.words;
    });

    for (const [word, stem] of fieldTerms.stems()) {
      this.stemOf.set(word, stem);
      this.vocabulary.add(word);
    }
    this.termIds = terms.ids;
    this.chunkPostings = chunkTf.finish(terms.names.length, lengths);
    this.filePostingsByTerm = fileTf.finish(terms.names.length, Float64Array.from(fileLengths));
  }

  get termCount(): number {
    return this.termIds.size;
  }

  has(stem: string): boolean {
    return this.termIds.has(stem);
  }

  /** Number of chunks containing the term. */
  df(stem: string): number {
    return this.chunkPostings.count(this.termId(stem));
  }

  /** Inverse document frequency; a term no chunk has gets the highest. */
  idf(stem: string): number {
    const n = this.chunks.length;
    const df = this.df(stem);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  postings(stem: string): Postings | undefined {
    return this.chunkPostings.of(this.termId(stem));
  }

  filePostings(stem: string): Postings | undefined {
    return this.filePostingsByTerm.of(this.termId(stem));
  }

  /** Inverse document frequency among files. */
  fileIdf(stem: string): number {
    const n = this.files.length;
    const df = this.filePostingsByTerm.count(this.termId(stem));
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** The BM25 weight of a term in one chunk, 0 when absent. */
  weightIn(stem: string, chunkId: number): number {
    return this.chunkPostings.weightIn(this.termId(stem), chunkId);
  }

  private termId(stem: string): number {
    return this.termIds.get(stem) ?? -1;
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
}

/** "runbooks/deploy-rollback.md" → "runbooks deploy rollback". */
function fileWords(file: string): string {
  return file.replace(/\.[a-z]+$/i, '').replace(/[_\-/.]+/g, ' ');
}
