import type { Chunk, NoteMeta } from '../types.js';
import { type Abbreviation } from './abbreviations.js';
import { FieldTerms, TermTable } from './field-terms.js';
import { BM25, FIELD_WEIGHTS } from './fields.js';
import { PostingsBuilder, type FlatPostings, type Postings } from './postings.js';
import { runToEnd, type Steps } from '../steps.js';
import { Vocabulary } from './vocabulary.js';

export type { Postings } from './postings.js';

export interface IndexInput {
  chunks: Chunk[];
  /** Front matter of each file, by file. */
  meta: ReadonlyMap<string, NoteMeta>;
  abbreviations: Abbreviation[];
}

/** What a build makes, handed whole to the index. */
interface Built {
  stemOf: Map<string, string>;
  vocabulary: Vocabulary;
  expansions: Map<string, string[][]>;
  contractions: Abbreviation[];
  files: string[];
  fileOf: Int32Array;
  termIds: ReadonlyMap<string, number>;
  chunkPostings: FlatPostings;
  filePostings: FlatPostings;
  unitPostings: FlatPostings;
  unitOf: Int32Array;
  units: UnitWords;
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

/** Chunks indexed between two pause points of a build. */
const CHUNKS_PER_STEP = 64;

/**
 * An inverted index over chunks with BM25F weights computed at build time, so that a query only adds
 * precomputed numbers. Immutable once built; a rebuild makes a new one.
 */
export class SearchIndex {
  readonly chunks: readonly Chunk[];
  readonly vocabulary: Vocabulary;
  /** Stem of every word seen, by its written form. */
  readonly stemOf: ReadonlyMap<string, string>;
  /** Expansions of each abbreviation, by its stem. */
  readonly expansions: ReadonlyMap<string, string[][]>;
  /** Abbreviations whose long form is a run of these stems. */
  readonly contractions: readonly Abbreviation[];
  /** Files in order of first chunk; `fileOf[chunkId]` indexes it. */
  readonly files: readonly string[];
  readonly fileOf: Int32Array;
  private readonly termIds: ReadonlyMap<string, number>;
  private readonly chunkPostings: FlatPostings;
  /** The same terms over whole files, so a chunk also gains from the note it belongs to. */
  private readonly filePostingsByTerm: FlatPostings;
  /** The same terms over units (see `Chunk.unit`), the sections answers are ranked by. */
  private readonly unitPostingsByTerm: FlatPostings;
  /** Unit of each chunk, by chunk id; units are numbered from 0 in chunk order. */
  readonly unitOf: Int32Array;
  /** First chunk of each unit, by unit id, and one past the last unit. */
  readonly unitChunks: Int32Array;
  readonly unitWords: UnitWords;

  private constructor(chunks: readonly Chunk[], built: Built) {
    this.chunks = chunks;
    this.vocabulary = built.vocabulary;
    this.stemOf = built.stemOf;
    this.expansions = built.expansions;
    this.contractions = built.contractions;
    this.files = built.files;
    this.fileOf = built.fileOf;
    this.termIds = built.termIds;
    this.chunkPostings = built.chunkPostings;
    this.filePostingsByTerm = built.filePostings;
    this.unitPostingsByTerm = built.unitPostings;
    this.unitOf = built.unitOf;
    this.unitWords = built.units;
    const unitCount = built.units.starts.length - 1;
    this.unitChunks = new Int32Array(unitCount + 1);
    for (let id = chunks.length - 1; id >= 0; id--) this.unitChunks[this.unitOf[id] ?? 0] = id;
    this.unitChunks[unitCount] = chunks.length;
  }

  get unitCount(): number {
    return this.unitChunks.length - 1;
  }

  unitPostings(stem: string): Postings | undefined {
    return this.unitPostingsByTerm.of(this.termId(stem));
  }

  /** Inverse document frequency among units. */
  unitIdf(stem: string): number {
    const n = this.unitCount;
    const df = this.unitPostingsByTerm.count(this.termId(stem));
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** The BM25 weight of a term in one unit, 0 when absent. */
  weightInUnit(stem: string, unit: number): number {
    return this.unitPostingsByTerm.weightIn(this.termId(stem), unit);
  }

  /** The term id of a stem, -1 when the notes lack it (for matching against `unitWords`). */
  idOf(stem: string): number {
    return this.termId(stem);
  }

  static build(input: IndexInput): SearchIndex {
    return runToEnd(SearchIndex.steps(input));
  }

  /** The build as steps (see steps.ts), pausing every few chunks. */
  static *steps(input: IndexInput): Steps<SearchIndex> {
    return new SearchIndex(input.chunks, yield* buildSteps(input));
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
}

function* buildSteps(input: IndexInput): Steps<Built> {
  const expansions = new Map<string, string[][]>();
  const contractions: Abbreviation[] = [];
  for (const abbreviation of input.abbreviations) addAbbreviation(abbreviation, expansions, contractions);

  const terms = new TermTable();
  const fieldTerms = new FieldTerms(terms);
  const chunkTf = new PostingsBuilder();
  const fileTf = new PostingsBuilder();
  const lengths = new Float64Array(input.chunks.length);
  const files: string[] = [];
  const fileLengths: number[] = [];
  const noteFields = new Map<string, number[]>();
  const sectionFields = new Map<string, { terms: number[]; words: number }>();
  /** The terms of a heading path or label, analysed once however many chunks share it. */
  const sectionField = (text: string): { terms: number[]; words: number } => {
    let field = sectionFields.get(text);
    if (!field) {
      const ids: number[] = [];
      field = { terms: ids, words: fieldTerms.add(text, ids) };
      sectionFields.set(text, field);
    }
    return field;
  };
  const fileIds = new Map<string, number>();
  const fileOf = new Int32Array(input.chunks.length);
  const body: number[] = [];
  const unitTf = new PostingsBuilder();
  const unitOf = new Int32Array(input.chunks.length);
  const unitLengths: number[] = [];
  const unitStarts: number[] = [];
  const unitTerms: number[] = [];
  let lastUnit = -1;
  const unitLabels = new Set<string>();

  for (let id = 0; id < input.chunks.length; id++) {
    if (id % CHUNKS_PER_STEP === CHUNKS_PER_STEP - 1) yield;
    const chunk = input.chunks[id] as Chunk;
    let fileId = fileIds.get(chunk.file);
    if (fileId === undefined) {
      fileId = files.length;
      fileIds.set(chunk.file, fileId);
      files.push(chunk.file);
      fileLengths.push(0);
    }
    fileOf[id] = fileId;
    body.length = 0;
    const words = fieldTerms.add(chunk.text, body);
    chunkTf.addAll(id, body, FIELD_WEIGHTS.body);
    fileTf.addAll(fileId, body, FIELD_WEIGHTS.body);
    fileLengths[fileId] = (fileLengths[fileId] ?? 0) + words;
    const newUnit = chunk.unit !== lastUnit || id === 0;
    lastUnit = chunk.unit;
    if (newUnit) {
      unitStarts.push(unitTerms.length);
      unitLengths.push(0);
    }
    const unitId = unitLengths.length - 1;
    unitOf[id] = unitId;
    unitTf.addAll(unitId, body, FIELD_WEIGHTS.body);
    for (let i = 0; i < words; i++) unitTerms.push(body[i] ?? 0);
    unitLengths[unitId] = (unitLengths[unitId] ?? 0) + words;

    const section = sectionField(chunk.section.join(' \n '));
    chunkTf.addAll(id, section.terms, FIELD_WEIGHTS.section);
    // A unit's headings field holds each heading and bullet label above any of its chunks, once.
    if (newUnit) unitLabels.clear();
    for (const label of chunk.section) {
      if (unitLabels.has(label)) continue;
      unitLabels.add(label);
      const field = sectionField(label);
      unitTf.addAll(unitId, field.terms, FIELD_WEIGHTS.section);
      unitLengths[unitId] = (unitLengths[unitId] ?? 0) + FIELD_WEIGHTS.section * field.words;
    }

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
    if (newUnit) unitTf.addAll(unitId, note, FIELD_WEIGHTS.note);
    lengths[id] = words + FIELD_WEIGHTS.section * section.words;
  }
  yield;

  const stemOf = new Map<string, string>();
  const vocabulary = new Vocabulary();
  for (const [word, stemmed] of fieldTerms.stems()) {
    stemOf.set(word, stemmed);
    vocabulary.add(word);
  }
  yield;
  const chunkPostings = chunkTf.finish(terms.names.length, lengths);
  yield;
  const filePostings = fileTf.finish(terms.names.length, Float64Array.from(fileLengths));
  yield;
  const unitLengthArray = Float64Array.from(unitLengths);
  const unitPostings = unitTf.finish(terms.names.length, unitLengthArray);
  unitStarts.push(unitTerms.length);
  const units = { starts: Int32Array.from(unitStarts), terms: Int32Array.from(unitTerms), norms: lengthNorms(unitLengthArray) };
  return { stemOf, vocabulary, expansions, contractions, files, fileOf, termIds: terms.ids, chunkPostings, filePostings, unitPostings, unitOf, units };
}

function lengthNorms(lengths: Float64Array): Float64Array {
  let total = 0;
  for (const length of lengths) total += length;
  const average = total / Math.max(1, lengths.length) || 1;
  return lengths.map((length) => BM25.k1 * (1 - BM25.b + (BM25.b * length) / average));
}

function addAbbreviation(abbreviation: Abbreviation, expansions: Map<string, string[][]>, contractions: Abbreviation[]): void {
  if (abbreviation.long.length === 0) return;
  const list = expansions.get(abbreviation.short) ?? [];
  if (!list.some((long) => long.join(' ') === abbreviation.long.join(' '))) {
    list.push(abbreviation.long);
    expansions.set(abbreviation.short, list);
    contractions.push(abbreviation);
  }
}

/** "runbooks/deploy-rollback.md" → "runbooks deploy rollback". */
function fileWords(file: string): string {
  return file.replace(/\.[a-z]+$/i, '').replace(/[_\-/.]+/g, ' ');
}
