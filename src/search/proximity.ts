import { BM25 } from './fields.js';
import type { SearchIndex } from './index.js';
import type { QueryGroup } from './query.js';

/** Group of each term id while one question's sections are scanned; -1 elsewhere. Reset by `release`. */
let groupOfTerm = new Int32Array(0).fill(-1);

export interface ProximityScorer {
  /** The bonus of one section. */
  score(unit: number): number;
  /** Frees the shared lookup table; call once the question's sections are scored. */
  release(): void;
}

/**
 * The BM25TP proximity bonus (Rasolofo and Savoy, 2003) for one question: for every pair of question words
 * whose occurrences in a section stand at most `window` content words apart, the sum of 1/gap² saturates like a
 * BM25 term frequency and is weighted by the rarer word's importance. Words of one group (a word and its
 * corrections or expansions) do not pair with each other. Weights and the term lookup are set up once per question.
 */
export function proximityScorer(index: SearchIndex, groups: readonly QueryGroup[], window: number): ProximityScorer {
  if (groups.length < 2) return { score: () => 0, release: () => undefined };
  if (groupOfTerm.length < index.termCount) groupOfTerm = new Int32Array(index.termCount).fill(-1);
  const weights = groups.map((group) => Math.max(0, ...group.terms.map((term) => term.weight * index.unitIdf(term.stem))));
  const ids: number[] = [];
  groups.forEach((group, g) => {
    for (const term of group.terms) {
      const id = index.idOf(term.stem);
      if (id >= 0 && groupOfTerm[id] === -1) {
        groupOfTerm[id] = g;
        ids.push(id);
      }
    }
  });
  const count = groups.length;
  const last = new Array<number>(count);
  const near = new Float64Array(count * count);
  const { starts, terms, norms } = index.unitWords;

  const score = (unit: number): number => {
    last.fill(-Infinity);
    near.fill(0);
    const end = starts[unit + 1] ?? 0;
    for (let position = starts[unit] ?? 0; position < end; position++) {
      const g = groupOfTerm[terms[position] ?? 0] ?? -1;
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
  };
  return { score, release: () => ids.forEach((id) => (groupOfTerm[id] = -1)) };
}
