import type { Chunk, NoteMeta } from '../types.js';
import type { Abbreviation } from './abbreviations.js';
import { AbbreviationTable } from './abbreviation-table.js';
import { DocPostings } from './doc-postings.js';
import { DocumentLayout } from './document-layout.js';
import { FileAnalyzer, Sinks } from './file-analysis.js';
import { runToEnd, type Steps } from '../steps.js';
import { NoteRanks } from './note-ranks.js';
import { NoteWords } from './note-words.js';
import { Vocabulary } from './vocabulary.js';

export type { Postings } from './postings.js';
import type { Postings } from './postings.js';

export interface IndexInput {
  /** Every chunk, note after note in the order of the notes, ids counting from 0. */
  chunks: Chunk[];
  /** Front matter of each file, by file. */
  meta: ReadonlyMap<string, NoteMeta>;
  abbreviations: Abbreviation[];
}

/** Notes to take out of the index and notes to put in (a changed note is both), applied as one edit. */
export interface IndexUpdate {
  removed: readonly string[];
  /** Each note's chunks as cut, `unit` counted from 0 within the note. */
  added: readonly { file: string; chunks: readonly Omit<Chunk, 'id' | 'file'>[]; meta: NoteMeta }[];
  /** Every abbreviation, built-in ones first, then those of each note in the order of the notes. */
  abbreviations: readonly Abbreviation[];
  /** The order of the notes, by path (see `compareNotePaths`). */
  order: (a: string, b: string) => number;
}

/**
 * The content words of every unit in order (term ids, stop words left out), for measuring how close the
 * question's words stand: unit `u` owns `terms[starts[u], starts[u + 1])`.
 */
export interface UnitWords {
  starts: Int32Array;
  terms: Int32Array;
  /** BM25 length normalisation of each unit, k1·(1 − b + b·length/average). */
  norms: Float64Array;
}

/** One note's documents: consecutive chunk and unit ids, and one file id. */
interface FileEntry {
  file: string;
  fileId: number;
  firstChunk: number;
  chunks: number;
  firstUnit: number;
  units: number;
  /** Distinct content words, by word id, for the typo speller's vocabulary (4 bytes each: kept for every note). */
  words: Int32Array;
  /** Front matter as indexed: taking the note out analyses it again. */
  meta: NoteMeta | undefined;
}

/** Chunks indexed between two pause points of a build. */
const CHUNKS_PER_STEP = 64;
/** Order keys: a note's rank above, a document id below (ids stay below this until a rebuild). */
const ORDER_SPAN = 2 ** 24;

/**
 * An inverted index over chunks, sections (units, see `Chunk.unit`) and files, scored with BM25F. It takes
 * edits: a changed note's documents are marked dead and its new ones added under fresh ids, and every global
 * figure (document counts, average lengths, document frequencies, the vocabulary, abbreviations) follows, so
 * a question gets the same hits, scores and order as from a fresh build of the same notes.
 *
 * Ids are handed out in the order documents are added, so after edits they no longer follow the notes;
 * `orderOfUnit`/`orderOfChunk` give the order of the notes, and postings come in it.
 */
export class SearchIndex {
  readonly vocabulary = new Vocabulary();
  /** Every chunk by id, including those of notes since edited or removed (see `isLiveChunk`). */
  readonly chunks: Chunk[] = [];
  /** File of each file id, in order of first chunk; `fileOf[chunkId]` indexes it. Edited notes get a new id. */
  readonly files: string[] = [];
  private readonly analyzer = new FileAnalyzer();
  private abbreviations = new AbbreviationTable([]);
  private chunkDocs!: DocPostings;
  private unitDocs!: DocPostings;
  private layout = new DocumentLayout();
  private readonly entries = new Map<string, FileEntry>();
  /** Live file ids in the order of the notes, and each one's place in it. */
  private readonly ranks = new NoteRanks();
  private readonly noteWords = new NoteWords(this.vocabulary, (id) => this.analyzer.fieldTerms.wordOf(id));
  private scratch: Sinks | undefined;
  private changes = 0;

  private constructor() {}

  static build(input: IndexInput): SearchIndex {
    return runToEnd(SearchIndex.steps(input));
  }

  /** The build as steps (see steps.ts), pausing every few chunks. */
  static *steps(input: IndexInput): Steps<SearchIndex> {
    const index = new SearchIndex();
    yield* index.buildSteps(input);
    return index;
  }

  /** Expansions of each abbreviation, by its stem. */
  get expansions(): ReadonlyMap<string, string[][]> {
    return this.abbreviations.expansions;
  }

  /** The long forms of an abbreviation, by its stem, each as stems. */
  expansionsOf(stem: string): readonly (readonly string[])[] {
    return this.abbreviations.expansionsOf(stem);
  }

  /** Abbreviations whose long form starts with this stem. */
  contractionsFrom(stem: string): readonly Abbreviation[] {
    return this.abbreviations.contractionsFrom(stem);
  }

  get fileOf(): Int32Array {
    return this.layout.fileOf;
  }

  /** Unit of each chunk, by chunk id. */
  get unitOf(): Int32Array {
    return this.layout.unitOf;
  }

  /** First chunk of each unit, by unit id, and one past the last unit: a unit's chunks are consecutive. */
  get unitChunks(): Int32Array {
    return this.layout.unitChunks;
  }

  get unitWords(): UnitWords {
    return { starts: this.layout.unitWordStarts, terms: this.layout.unitTerms, norms: this.unitDocs.lengthNorms() };
  }

  /** Live units (sections). */
  get unitCount(): number {
    return this.unitDocs.size;
  }

  /** Live chunks. */
  get chunkCount(): number {
    return this.chunkDocs.size;
  }

  /** Live files (notes with at least one chunk). */
  get fileCount(): number {
    return this.entries.size;
  }

  /** Term ids handed out so far, including terms no note uses any more (ids run below this). */
  get termCount(): number {
    return this.analyzer.terms.names.length;
  }

  /** Terms the live notes use. */
  get liveTermCount(): number {
    return this.chunkDocs.termCount;
  }

  /** The title a note's citations show first in their section path, if it has one apart from its headings (`NoteMeta.heading`). */
  headingOf(file: string): string | undefined {
    return this.entries.get(file)?.meta?.heading;
  }

  isLiveChunk(id: number): boolean {
    return this.chunkDocs.isLive(id);
  }

  /** The live chunks in the order of the notes. */
  *liveChunks(): Generator<Chunk> {
    for (const fileId of this.ranks.fileIds) {
      const entry = this.entries.get(this.files[fileId] ?? '');
      if (!entry) continue;
      for (let id = entry.firstChunk; id < entry.firstChunk + entry.chunks; id++) yield this.chunks[id] as Chunk;
    }
  }

  /** A number that sorts units in the order of the notes (and of a fresh build's ids). */
  orderOfUnit(unit: number): number {
    return this.ranks.rankOf(this.layout.fileOfUnit(unit)) * ORDER_SPAN + unit;
  }

  /** A number that sorts chunks in the order of the notes (and of a fresh build's ids). */
  orderOfChunk(id: number): number {
    return this.ranks.rankOf(this.layout.fileOfChunkId(id)) * ORDER_SPAN + id;
  }

  /** `unitPostings` of a term by id (from `idOf`): a question looks each of its stems up once. */
  unitPostingsOfTerm(term: number): Postings | undefined {
    return this.unitDocs.of(term);
  }

  /** Inverse document frequency among units. */
  unitIdf(stem: string): number {
    return this.unitIdfOfTerm(this.termId(stem));
  }

  unitIdfOfTerm(term: number): number {
    return idfOf(this.unitDocs.size, this.unitDocs.count(term));
  }

  /** The BM25 weight of a term (by its id, from `idOf`) in one chunk, 0 when absent. */
  weightOfTermIn(term: number, chunkId: number): number {
    return term < 0 ? 0 : this.chunkDocs.weightIn(term, chunkId);
  }

  /** The BM25 weights of a term (by id) in chunks `from` to `to` (exclusive): see `DocPostings.weightsIn`. */
  weightsOfTermIn(term: number, from: number, to: number, out: Float64Array, stride: number, slot: number): void {
    if (term >= 0) this.chunkDocs.weightsIn(term, from, to, out, stride, slot);
  }

  /** The term id of a stem, -1 when the notes never had it; the `…OfTerm` lookups take it. */
  idOf(stem: string): number {
    return this.termId(stem);
  }

  /** The stem of a content word the notes have (or had before an edit), as written; undefined for others. */
  stemOf(word: string): string | undefined {
    return this.analyzer.fieldTerms.stemOf(word);
  }

  has(stem: string): boolean {
    return this.heldTermId(stem) !== -1;
  }

  /** The term id of a stem some live chunk has, -1 otherwise: `has` and `idOf` in one look-up. */
  heldTermId(stem: string): number {
    const term = this.termId(stem);
    return this.chunkDocs.count(term) > 0 ? term : -1;
  }

  /** Number of chunks containing the term. */
  df(stem: string): number {
    return this.chunkDocs.count(this.termId(stem));
  }

  /** Inverse document frequency; a term no chunk has gets the highest. */
  idf(stem: string): number {
    return this.idfOfTerm(this.termId(stem));
  }

  idfOfTerm(term: number): number {
    return idfOf(this.chunkDocs.size, this.chunkDocs.count(term));
  }

  /** How many live notes use a word, as written (lower-cased). */
  notesUsing(word: string): number {
    return this.noteWords.notesUsing(this.analyzer.fieldTerms.wordIdOf(word));
  }

  /** How many live chunks hold a term (by id). */
  chunksWithTerm(term: number): number {
    return this.chunkDocs.count(term);
  }

  postings(stem: string): Postings | undefined {
    return this.postingsOfTerm(this.termId(stem));
  }

  postingsOfTerm(term: number): Postings | undefined {
    return this.chunkDocs.of(term);
  }

  /** Counts the edits applied since the build: what was worked out from the index before an edit may no longer hold. */
  get generation(): number {
    return this.changes;
  }

  /**
   * Postings added or made dead by edits, as a share of those the build made. Edits make lookups slower
   * as it grows (dead postings are skipped one by one), so past some share a fresh build pays.
   */
  get churn(): number {
    return Math.max(this.chunkDocs.churn, this.unitDocs.churn);
  }

  /** Applies an edit at once: the index answers as a fresh build of the notes after it would. */
  update(change: IndexUpdate): void {
    const sinks = (this.scratch ??= new Sinks(1 << 12));
    for (const file of change.removed) {
      const entry = this.entries.get(file);
      if (!entry) continue;
      sinks.clear();
      const chunks = this.chunks.slice(entry.firstChunk, entry.firstChunk + entry.chunks);
      this.analyzer.analyze(chunks, entry.meta, { chunk: 0, unit: 0 }, sinks);
      this.chunkDocs.removeDocuments(entry.firstChunk, entry.chunks, sinks.chunkTf.gathered());
      this.unitDocs.removeDocuments(entry.firstUnit, entry.units, sinks.unitTf.gathered());
      this.noteWords.release(entry.words);
      this.entries.delete(file);
      this.ranks.remove(entry.fileId);
    }
    for (const { file, chunks: drafts, meta } of change.added) {
      if (this.entries.has(file)) throw new Error(`${file} is already indexed; remove it in the same update`);
      if (drafts.length === 0) continue;
      sinks.clear();
      const first = { chunk: this.chunks.length, unit: this.layout.unitsAllocated, file: this.files.length };
      const chunks = toChunks(file, drafts, first.chunk, first.unit);
      const docs = this.analyzer.analyze(chunks, meta, { chunk: 0, unit: 0 }, sinks);
      this.chunkDocs.addDocuments(first.chunk, sinks.chunkLengths, sinks.chunkTf.gathered());
      this.unitDocs.addDocuments(first.unit, sinks.unitLengths, sinks.unitTf.gathered());
      this.files.push(file);
      this.chunks.push(...chunks);
      this.layout.append(first.file, docs.unitOfChunk.map((unit) => first.unit + unit), sinks);
      this.noteWords.retain(docs.words);
      const entry: FileEntry = { file, fileId: first.file, firstChunk: first.chunk, chunks: chunks.length, firstUnit: first.unit, units: docs.units, words: Int32Array.from(docs.words), meta };
      this.entries.set(file, entry);
      this.ranks.insert(entry.fileId, (id) => this.files[id] ?? '', change.order);
    }
    this.abbreviations = new AbbreviationTable(change.abbreviations);
    this.afterChange();
  }

  private *buildSteps(input: IndexInput): Steps<void> {
    this.abbreviations = new AbbreviationTable(input.abbreviations);
    let characters = 0;
    for (const chunk of input.chunks) characters += chunk.text.length;
    // Room for the postings a typical text makes (one per 10 characters or so), so the lists rarely grow.
    const sinks = new Sinks(Math.max(1 << 12, Math.ceil(characters / 8)));
    const notes: { file: string; firstChunk: number; units: number; unitOfChunk: number[]; words: Int32Array }[] = [];
    let sinceStep = 0;
    let unitCount = 0;
    for (let start = 0; start < input.chunks.length; ) {
      const file = (input.chunks[start] as Chunk).file;
      let end = start + 1;
      while (end < input.chunks.length && (input.chunks[end] as Chunk).file === file) end++;
      const chunks = input.chunks.slice(start, end);
      const docs = this.analyzer.analyze(chunks, input.meta.get(file), { chunk: start, unit: unitCount }, sinks);
      notes.push({ file, firstChunk: start, units: docs.units, unitOfChunk: docs.unitOfChunk.map((unit) => unitCount + unit), words: Int32Array.from(docs.words) });
      this.noteWords.retain(docs.words);
      unitCount += docs.units;
      sinceStep += end - start;
      start = end;
      if (sinceStep >= CHUNKS_PER_STEP) {
        sinceStep = 0;
        yield;
      }
    }
    yield;
    const termCount = this.termCount;
    const chunkKey = (id: number) => this.orderOfChunk(id);
    this.chunkDocs = new DocPostings(sinks.chunkTf.byTerm(termCount), Float64Array.from(sinks.chunkLengths), chunkKey);
    yield;
    this.unitDocs = new DocPostings(sinks.unitTf.byTerm(termCount), Float64Array.from(sinks.unitLengths), (unit) => this.orderOfUnit(unit));
    yield;
    this.chunks.push(...input.chunks);
    for (const [fileId, entry] of notes.entries()) {
      const nextFirst = notes[fileId + 1]?.firstChunk ?? input.chunks.length;
      const meta = input.meta.get(entry.file);
      this.files.push(entry.file);
      const { file, firstChunk, units, words } = entry;
      this.entries.set(file, { file, fileId, firstChunk, chunks: nextFirst - firstChunk, firstUnit: entry.unitOfChunk[0] ?? 0, units, words, meta });
      this.ranks.append(fileId);
    }
    this.layout = DocumentLayout.ofBuild(notes, sinks);
    this.afterChange();
  }

  private afterChange(): void {
    this.changes++;
    this.ranks.settle(this.files.length);
  }

  private termId(stem: string): number {
    return this.analyzer.terms.find(stem);
  }
}

function idfOf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

function toChunks(file: string, drafts: readonly Omit<Chunk, 'id' | 'file'>[], firstId: number, firstUnit: number): Chunk[] {
  const units = new Map<number, number>();
  return drafts.map((draft, i) => {
    const unit = units.get(draft.unit) ?? firstUnit + units.size;
    units.set(draft.unit, unit);
    return { ...draft, id: firstId + i, file, unit };
  });
}
