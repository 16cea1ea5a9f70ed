import { ensureSize, type IntList } from './growable.js';

/** One note's units as the analysis left them: its word sequences, unit by unit. */
export interface UnitSequences {
  unitTerms: IntList;
  /** Where each unit's words begin in `unitTerms`. */
  unitStarts: IntList;
}

/**
 * Where each document stands: the file and unit of every chunk, the first chunk of every unit (a unit's chunks
 * are consecutive), and the content words of every unit in order. It only grows; an edited note's new
 * documents are appended under fresh ids and its old ones stay, dead, until a rebuild.
 */
export class DocumentLayout {
  private fileOfChunk = new Int32Array(0);
  private unitOfChunk = new Int32Array(0);
  private firstChunkOfUnit = new Int32Array(1);
  private unitStarts = new Int32Array(1);
  private unitTermList = new Int32Array(0);
  private unitTermCount = 0;
  private chunks = 0;
  private units = 0;
  private views = this.makeViews();

  /** The layout of a whole build: each note's first chunk and its chunks' units, ids counting from 0. */
  static ofBuild(notes: readonly { unitOfChunk: readonly number[] }[], sequences: UnitSequences): DocumentLayout {
    const layout = new DocumentLayout();
    for (const [fileId, note] of notes.entries()) layout.appendChunks(fileId, note.unitOfChunk);
    layout.appendUnits(sequences);
    return layout;
  }

  /** Units allocated so far, dead ones included: the next unit's id. */
  get unitsAllocated(): number {
    return this.units;
  }

  /** File id of each chunk, by chunk id. */
  get fileOf(): Int32Array {
    return this.views.fileOf;
  }

  /** Unit of each chunk, by chunk id. */
  get unitOf(): Int32Array {
    return this.views.unitOf;
  }

  /** First chunk of each unit, by unit id, and one past the last unit. */
  get unitChunks(): Int32Array {
    return this.views.unitChunks;
  }

  /** Where each unit's words begin in `unitTerms`, by unit id, and one past the last unit. */
  get unitWordStarts(): Int32Array {
    return this.views.unitStarts;
  }

  get unitTerms(): Int32Array {
    return this.views.unitTerms;
  }

  fileOfChunkId(id: number): number {
    return this.fileOfChunk[id] ?? 0;
  }

  fileOfUnit(unit: number): number {
    return this.fileOfChunk[this.firstChunkOfUnit[unit] ?? 0] ?? 0;
  }

  /** Adds one note's new documents, whose chunks follow the last chunk laid out, and their units the last unit. */
  append(fileId: number, unitOfChunk: readonly number[], sequences: UnitSequences): void {
    this.appendChunks(fileId, unitOfChunk);
    this.appendUnits(sequences);
  }

  /** Lays out chunks after the last, of one file, each in its unit; their units follow the last unit. */
  private appendChunks(fileId: number, unitOfChunk: readonly number[]): void {
    const firstChunk = this.chunks;
    const end = firstChunk + unitOfChunk.length;
    this.fileOfChunk = ensureSize(this.fileOfChunk, end);
    this.unitOfChunk = ensureSize(this.unitOfChunk, end);
    let lastUnit = this.units;
    unitOfChunk.forEach((unit, i) => {
      this.fileOfChunk[firstChunk + i] = fileId;
      this.unitOfChunk[firstChunk + i] = unit;
      lastUnit = Math.max(lastUnit, unit);
    });
    this.firstChunkOfUnit = ensureSize(this.firstChunkOfUnit, lastUnit + 2);
    for (let i = unitOfChunk.length - 1; i >= 0; i--) this.firstChunkOfUnit[unitOfChunk[i] ?? 0] = firstChunk + i;
    this.chunks = end;
  }

  /** Adds the word sequences of the units after the last; their chunks must be laid out already. */
  private appendUnits(sequences: UnitSequences): void {
    const firstUnit = this.units;
    const units = sequences.unitStarts.length;
    this.unitStarts = ensureSize(this.unitStarts, firstUnit + units + 1);
    for (let u = 0; u < units; u++) this.unitStarts[firstUnit + u] = this.unitTermCount + sequences.unitStarts.at(u);
    this.unitTermList = ensureSize(this.unitTermList, this.unitTermCount + sequences.unitTerms.length);
    this.unitTermList.set(sequences.unitTerms.view(), this.unitTermCount);
    this.unitTermCount += sequences.unitTerms.length;
    this.units += units;
    this.firstChunkOfUnit = ensureSize(this.firstChunkOfUnit, this.units + 1);
    this.firstChunkOfUnit[this.units] = this.chunks;
    this.unitStarts[this.units] = this.unitTermCount;
    this.views = this.makeViews();
  }

  private makeViews() {
    return {
      fileOf: this.fileOfChunk.subarray(0, this.chunks),
      unitOf: this.unitOfChunk.subarray(0, this.chunks),
      unitChunks: this.firstChunkOfUnit.subarray(0, this.units + 1),
      unitStarts: this.unitStarts.subarray(0, this.units + 1),
      unitTerms: this.unitTermList.subarray(0, this.unitTermCount),
    };
  }
}
