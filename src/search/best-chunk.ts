import type { Chunk } from '../types.js';
import { coverageOfRow, rankingShare, uncoveredShare, type CoverageGroup } from './coverage.js';
import type { SearchIndex } from './index.js';
import type { ResolvedTerm } from './resolved-terms.js';

/** Reused from question to question, so that a question allocates no table of its own. */
let weights = new Float64Array(1 << 10);

/**
 * The weights of the question's terms in chunks `from` to `to` (exclusive), a row of `terms.length` per chunk, in a
 * table reused from question to question.
 */
function chunkWeights(index: SearchIndex, from: number, to: number, terms: readonly ResolvedTerm[]): Float64Array {
  const size = (to - from) * terms.length;
  if (weights.length < size) weights = new Float64Array(Math.max(size, 2 * weights.length));
  const table = weights;
  // Plain loops: a section has a few chunks, and a question a few terms.
  for (let i = 0; i < size; i++) table[i] = 0;
  for (let slot = 0; slot < terms.length; slot++) index.weightsOfTermIn((terms[slot] as ResolvedTerm).id, from, to, table, terms.length, slot);
  return table;
}

/** A section's chunk to quote, with its BM25 score and coverage, and the table of term weights its row is read from. */
export interface BestChunk {
  id: number;
  score: number;
  coverage: number;
  record: boolean;
  /** The weights of the question's terms in the section's chunks, a row per chunk (`chunkWeights`). */
  table: Float64Array;
}

/**
 * The chunk of a section to quote: the one whose BM25 score, scaled by its coverage of the question as the
 * section's own score is, is highest; the first on a tie. Choosing by the same measure that ranks the section
 * keeps a chunk that repeats a few of the words from beating the one that holds the whole question.
 */
export function bestChunkOf(
  index: SearchIndex,
  unit: number,
  terms: readonly ResolvedTerm[],
  groups: readonly CoverageGroup[],
  totalImportance: number,
  coverageWeight: number,
  knownScale: number,
  records?: { answers: (chunk: Chunk) => boolean; boost: number },
  values?: { groups: readonly CoverageGroup[]; holds: (chunk: Chunk) => boolean },
  pointerFactor = 1,
  pointsElsewhere?: (id: number) => boolean,
): BestChunk {
  const from = index.unitChunks[unit] ?? 0;
  const to = index.unitChunks[unit + 1] ?? from + 1;
  const table = chunkWeights(index, from, to, terms);
  const stride = terms.length;
  let best = { id: from, score: 0, value: -1, coverage: 0, record: false, table };
  for (let id = from; id < to; id++) {
    const row = (id - from) * stride;
    let score = 0;
    for (let t = 0; t < stride; t++) score += (terms[t] as ResolvedTerm).chunkFactor * (table[row + t] ?? 0);
    // Coverage only scales a score down, so a chunk scoring no more than the best value so far cannot win.
    if (best.value >= 0 && score * (records?.boost ?? 1) <= best.value) continue;
    const record = records !== undefined && records.answers(index.chunks[id] as Chunk);
    const boost = record ? (records?.boost ?? 1) : 1;
    if (best.value >= 0 && score * boost <= best.value) continue;
    // A row that answers holds the whole question, as where sections are ranked.
    let coverage = record ? 1 : coverageOfRow(table, row, groups, totalImportance);
    if (!record && values?.holds(index.chunks[id] as Chunk)) coverage += uncoveredShare(table, row, values.groups, totalImportance);
    // A piece that only points elsewhere ("For more information around browser support, see …") names the topic
    // and says nothing of it: another piece of the section that does is the one to quote.
    const pointer = pointsElsewhere?.(id) ? pointerFactor : 1;
    const value = pointer * score * boost * (1 - coverageWeight + coverageWeight * rankingShare(coverage, knownScale));
    if (value > best.value) best = { id, score, value, coverage, record, table };
  }
  return best;
}

/** A chunk ranked by itself, where chunks are ranked rather than sections: the chunk to quote, with its coverage. */
export function chunkItself(index: SearchIndex, id: number, terms: readonly ResolvedTerm[], groups: readonly CoverageGroup[], totalImportance: number, record: boolean): BestChunk {
  const table = chunkWeights(index, id, id + 1, terms);
  return { id, score: 0, coverage: coverageOfRow(table, 0, groups, totalImportance), record, table };
}
