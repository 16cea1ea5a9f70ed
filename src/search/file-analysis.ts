import type { Chunk, NoteMeta } from '../types.js';
import { FieldTerms, TermTable } from './field-terms.js';
import { FIELD_WEIGHTS } from './fields.js';
import { IntList } from './growable.js';
import { PostingsBuilder } from './postings.js';

/** In a unit's word list, a word that stands for no term (a cross-reference's): no question term has this id. */
const NO_TERM = -1;

/** The parts of a chunk the index reads. */
export type IndexedChunk = Pick<Chunk, 'file' | 'text' | 'section' | 'unit'>;

/** Where the documents of analysed files go. Ids given to `analyze` index the builders; lengths are pushed in id order. */
export class Sinks {
  readonly chunkTf: PostingsBuilder;
  readonly unitTf: PostingsBuilder;
  readonly chunkLengths: number[] = [];
  readonly unitLengths: number[] = [];
  /**
   * The content words of each unit in order (term ids, `NO_TERM` for a cross-reference's), unit after unit;
   * `unitStarts` marks where each begins.
   */
  readonly unitTerms = new IntList();
  readonly unitStarts = new IntList();

  constructor(capacity?: number) {
    this.chunkTf = new PostingsBuilder(capacity);
    this.unitTf = new PostingsBuilder(capacity);
  }

  clear(): void {
    this.chunkTf.clear();
    this.unitTf.clear();
    for (const list of [this.chunkLengths, this.unitLengths]) list.length = 0;
    this.unitTerms.clear();
    this.unitStarts.clear();
  }
}

/** What one file added to the sinks. */
export interface FileDocuments {
  chunks: number;
  units: number;
  /** Unit of each chunk, counted from the file's first unit. */
  unitOfChunk: number[];
  /** Distinct content words of the file, by word id (see `FieldTerms`). */
  words: readonly number[];
}

interface Field {
  terms: Int32Array;
  words: number;
  wordIds: Int32Array;
}

/**
 * Turns the chunks of one note into the index's documents: each chunk and each unit (section), with
 * BM25F term frequencies and lengths. Files are analysed one at a time and whole, by the full build and by an
 * edit alike, so an edited note gets exactly the frequencies a fresh build would give it. Term and word ids
 * only grow: the same text always gets the same ids.
 */
export class FileAnalyzer {
  readonly terms = new TermTable();
  readonly fieldTerms = new FieldTerms(this.terms);
  /** The terms of a heading path or label, analysed once however many chunks share it. */
  private readonly sectionFields = new Map<string, Field>();
  /** Scratch lists, cleared for each text rather than made anew. */
  private readonly body = new IntList();
  private readonly references = new IntList();
  private readonly referenceWords = new IntList();
  private readonly otherTerms = new IntList();
  private readonly fieldWords = new IntList();
  private readonly unitLabels = new Set<string>();

  /**
   * Adds one file's documents to `sinks`: its chunks from id `first.chunk` and its units from `first.unit`.
   * `chunks` are the file's chunks in order.
   */
  analyze(chunks: readonly IndexedChunk[], meta: NoteMeta | undefined, first: { chunk: number; unit: number }, sinks: Sinks): FileDocuments {
    const { chunkTf, unitTf } = sinks;
    const fieldTerms = this.fieldTerms;
    fieldTerms.collectWords();
    const body = this.body;
    const references = this.references;
    const unitOfChunk: number[] = [];
    let unitCount = 0;
    let lastUnit = Number.NaN;
    let note: Int32Array | undefined;

    chunks.forEach((chunk, i) => {
      const id = first.chunk + i;
      body.clear();
      references.clear();
      const referenceWords = this.referenceWords;
      referenceWords.clear();
      const words = fieldTerms.add(chunk.text, body, undefined, references, referenceWords);
      const bodyTerms = body.view();
      // Cross-references stay in the text's word order (proximity, lengths): added as body words, then brought
      // down to their own weight.
      const referenceTerms = references.view();
      const referenceShortfall = FIELD_WEIGHTS.reference - FIELD_WEIGHTS.body;
      chunkTf.addAll(id, bodyTerms, FIELD_WEIGHTS.body);
      chunkTf.addAll(id, referenceTerms, referenceShortfall);
      const newUnit = chunk.unit !== lastUnit;
      lastUnit = chunk.unit;
      if (newUnit) {
        sinks.unitStarts.push(sinks.unitTerms.length);
        sinks.unitLengths.push(0);
        unitCount++;
        this.unitLabels.clear();
      }
      const unitId = first.unit + unitCount - 1;
      const unitSlot = sinks.unitLengths.length - 1;
      unitOfChunk.push(unitCount - 1);
      unitTf.addAll(unitId, bodyTerms, FIELD_WEIGHTS.body);
      unitTf.addAll(unitId, referenceTerms, referenceShortfall);
      // Proximity reads these words in order. A cross-reference's words keep their places but pair with none: they
      // count at a tenth in BM25, and a link titled with the question's words is not a passage that says them.
      for (let w = 0, next = 0; w < words; w++) {
        const inReference = next < referenceWords.length && referenceWords.at(next) === w;
        if (inReference) next++;
        sinks.unitTerms.push(inReference ? NO_TERM : body.at(w));
      }
      sinks.unitLengths[unitSlot] = (sinks.unitLengths[unitSlot] ?? 0) + words;

      const section = this.sectionField(chunk.section.join(' \n '));
      chunkTf.addAll(id, section.terms, FIELD_WEIGHTS.section);
      // A unit's headings field holds each heading and bullet label above any of its chunks, once.
      for (const label of chunk.section) {
        if (this.unitLabels.has(label)) continue;
        this.unitLabels.add(label);
        const field = this.sectionField(label);
        unitTf.addAll(unitId, field.terms, FIELD_WEIGHTS.section);
        sinks.unitLengths[unitSlot] = (sinks.unitLengths[unitSlot] ?? 0) + FIELD_WEIGHTS.section * field.words;
      }

      if (!note) {
        const noteWords = [fileWords(chunk.file), meta?.title ?? '', ...(meta?.aliases ?? []), ...(meta?.tags ?? [])];
        const terms = this.otherTerms;
        terms.clear();
        fieldTerms.add(noteWords.join(' \n '), terms);
        note = terms.view().slice();
      }
      chunkTf.addAll(id, note, FIELD_WEIGHTS.note);
      if (newUnit) unitTf.addAll(unitId, note, FIELD_WEIGHTS.note);
      sinks.chunkLengths.push(words + FIELD_WEIGHTS.section * section.words);
    });
    return { chunks: chunks.length, units: unitCount, unitOfChunk, words: fieldTerms.collectedWords };
  }

  private sectionField(text: string): Field {
    let field = this.sectionFields.get(text);
    if (!field) {
      const terms = this.otherTerms;
      const wordIds = this.fieldWords;
      terms.clear();
      wordIds.clear();
      const words = this.fieldTerms.add(text, terms, wordIds);
      field = { terms: terms.view().slice(), words, wordIds: wordIds.view().slice() };
      this.sectionFields.set(text, field);
    } else {
      for (const word of field.wordIds) this.fieldTerms.collect(word);
    }
    return field;
  }
}

/** "runbooks/deploy-rollback.md" → "runbooks deploy rollback". */
export function fileWords(file: string): string {
  return file.replace(/\.[a-z]+$/i, '').replace(/[_\-/.]+/g, ' ');
}
