import type { SearchIndex } from './index.js';
import { slotOfTerm, type AnalyzedQuery, type QueryGroup, type QueryTerm } from './query-terms.js';

/** A term of the question with what the scoring loops need, looked up once per question. */
export interface ResolvedTerm extends QueryTerm {
  /** weight × IDF among chunks: what one unit of BM25 weight in a chunk is worth. */
  chunkFactor: number;
  /** The first question word (group) the term stands for, -1 for a joined phrase. */
  group: number;
}

/** The question's terms (and joined phrases), each stem once at its highest weight, with ids and factors. */
export function resolveTerms(index: SearchIndex, query: AnalyzedQuery, phrases: boolean): ResolvedTerm[] {
  // Plain loops over the question's few terms: each array method or map called here is more code to bring back
  // into the processor's caches, which other work empties between questions.
  const resolved: ResolvedTerm[] = [];
  const { groups } = query;
  for (let g = 0; g < groups.length; g++) {
    const { terms } = groups[g] as QueryGroup;
    for (let t = 0; t < terms.length; t++) mergeTerm(resolved, terms[t] as QueryTerm, g);
  }
  if (phrases) for (let p = 0; p < query.phrases.length; p++) mergeTerm(resolved, query.phrases[p] as QueryTerm, -1);
  for (const term of resolved) term.chunkFactor = term.weight * index.idfOfTerm(term.id);
  return resolved;
}

/** Keeps each stem once, at the highest weight asked for it, with the first group that asked. */
function mergeTerm(resolved: ResolvedTerm[], term: QueryTerm, group: number): void {
  const at = slotOfTerm(resolved, term.id);
  if (at === -1) resolved.push({ stem: term.stem, id: term.id, weight: term.weight, group, chunkFactor: 0 });
  else (resolved[at] as ResolvedTerm).weight = Math.max((resolved[at] as ResolvedTerm).weight, term.weight);
}
