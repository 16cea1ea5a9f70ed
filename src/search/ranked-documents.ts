import type { Postings, SearchIndex } from './index.js';

/** What is ranked: sections (units) or chunks, seen through the same few questions. */
export interface Documents {
  /** By term id. */
  postings(term: number): Postings | undefined;
  idf(term: number): number;
  fileOf(id: number): number;
  /** Sorts documents in the order of the notes, for ties: ids follow it only in a fresh build. */
  order(id: number): number;
}

export class SectionDocuments implements Documents {
  constructor(private readonly index: SearchIndex) {}
  postings(term: number): Postings | undefined {
    return this.index.unitPostingsOfTerm(term);
  }
  idf(term: number): number {
    return this.index.unitIdfOfTerm(term);
  }
  fileOf(unit: number): number {
    return this.index.fileOf[this.index.unitChunks[unit] ?? 0] ?? -1;
  }
  order(unit: number): number {
    return this.index.orderOfUnit(unit);
  }
}

export class ChunkDocuments implements Documents {
  constructor(private readonly index: SearchIndex) {}
  postings(term: number): Postings | undefined {
    return this.index.postingsOfTerm(term);
  }
  idf(term: number): number {
    return this.index.idfOfTerm(term);
  }
  fileOf(id: number): number {
    return this.index.fileOf[id] ?? -1;
  }
  order(id: number): number {
    return this.index.orderOfChunk(id);
  }
}
