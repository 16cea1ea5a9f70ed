import { BM25 } from './fields.js';
import type { SearchIndex } from './index.js';
import type { QueryGroup, QueryTerm } from './query-terms.js';

/**
 * Group of each term id while the sections of a question with many terms are scanned; -1 elsewhere. Reset by
 * `release`.
 */
let groupOfTerm = new Int32Array(0).fill(-1);
/**
 * Up to this many terms, a section's words are compared with the question's term ids directly: a scan of a few
 * numbers costs less than a read at a scattered place of `groupOfTerm` for every word, which is cold in the
 * processor's caches between questions.
 */
const FEW_TERMS = 16;

/**
 * The BM25TP proximity bonus (Rasolofo and Savoy, 2003) for one question: for every pair of question words
 * whose occurrences in a section stand at most `window` content words apart, the sum of 1/gap² saturates like a
 * BM25 term frequency and is weighted by the rarer word's importance. Words of one group (a word and its
 * corrections or expansions) do not pair with each other. Weights and the term lookup are set up once per
 * question; undefined for a question of one word, which has no pairs.
 */
export function proximityScorer(index: SearchIndex, groups: readonly QueryGroup[], window: number): ProximityScorer | undefined {
  return groups.length < 2 ? undefined : new ProximityScorer(index, groups, window);
}

export class ProximityScorer {
  private readonly weights: Float64Array;
  /** The question's term ids, each with the first group that has it (`groupOf`). */
  private readonly ids: number[] = [];
  private readonly groupOf: number[] = [];
  /** Whether the ids are marked in `groupOfTerm` (a question of many terms) rather than compared directly. */
  private readonly marked: boolean;
  private readonly last: number[];
  private readonly near: Float64Array;

  constructor(
    private readonly index: SearchIndex,
    groups: readonly QueryGroup[],
    private readonly window: number,
  ) {
    // Plain loops over the question's few terms, with the ids analysis found: see `slotOfTerm` in query-terms.ts.
    this.weights = new Float64Array(groups.length);
    let termCount = 0;
    for (let g = 0; g < groups.length; g++) {
      const { terms } = groups[g] as QueryGroup;
      let weight = 0;
      for (let t = 0; t < terms.length; t++) {
        const term = terms[t] as QueryTerm;
        weight = Math.max(weight, term.weight * index.unitIdfOfTerm(term.id));
      }
      this.weights[g] = weight;
      termCount += terms.length;
    }
    this.marked = termCount > FEW_TERMS;
    if (this.marked && groupOfTerm.length < index.termCount) groupOfTerm = new Int32Array(index.termCount).fill(-1);
    for (let g = 0; g < groups.length; g++) {
      const { terms } = groups[g] as QueryGroup;
      for (let t = 0; t < terms.length; t++) {
        const { id } = terms[t] as QueryTerm;
        if (id < 0 || (this.marked ? groupOfTerm[id] !== -1 : this.ids.includes(id))) continue;
        if (this.marked) groupOfTerm[id] = g;
        this.ids.push(id);
        this.groupOf.push(g);
      }
    }
    this.last = new Array<number>(groups.length);
    this.near = new Float64Array(groups.length * groups.length);
  }

  /** The bonus of one section. */
  score(unit: number): number {
    const { last, near, weights, window, ids, groupOf, marked } = this;
    const count = last.length;
    const { starts, terms, norms } = this.index.unitWords;
    last.fill(-Infinity);
    near.fill(0);
    const end = starts[unit + 1] ?? 0;
    for (let position = starts[unit] ?? 0; position < end; position++) {
      const term = terms[position] ?? 0;
      let g = -1;
      if (marked) g = groupOfTerm[term] ?? -1;
      else for (let k = 0; k < ids.length && g < 0; k++) if (ids[k] === term) g = groupOf[k] ?? -1;
      if (g < 0) continue;
      for (let h = 0; h < count; h++) {
        const gap = position - (last[h] ?? -Infinity);
        const slot = Math.min(g, h) * count + Math.max(g, h);
        if (h !== g && gap <= window) near[slot] = (near[slot] ?? 0) + 1 / (gap * gap);
      }
      last[g] = position;
    }
    const norm = norms[unit] ?? BM25.k1;
    let bonus = 0;
    for (let g = 0; g < count; g++) {
      for (let h = g + 1; h < count; h++) {
        const acc = near[g * count + h] ?? 0;
        if (acc > 0) bonus += (Math.min(weights[g] ?? 0, weights[h] ?? 0) * ((BM25.k1 + 1) * acc)) / (acc + norm);
      }
    }
    return bonus;
  }

  /** Frees the shared lookup table; call once the question's sections are scored. */
  release(): void {
    if (this.marked) for (const id of this.ids) groupOfTerm[id] = -1;
  }
}
