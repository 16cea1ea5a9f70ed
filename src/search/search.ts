import type { Chunk } from '../types.js';
import type { Postings, SearchIndex } from './index.js';
import { asksYesOrNo, opensWithYesOrNo } from './answer-cues.js';
import { analyzeQuery, type AnalyzedQuery, type QueryTerm } from './query.js';

export interface SearchOptions {
  /** How many hits to return. */
  limit?: number;
  /** Keep only chunks of files under these folders (relative, `/`-separated). */
  folders?: string[];
  /** An earlier question of the same conversation, weighed less than the question itself. */
  previousQuestion?: string;
}

export interface Hit {
  chunk: Chunk;
  score: number;
  /** Share of the question's weight (by IDF) that this chunk matches, 0–1. */
  coverage: number;
  /** Stems of the question found in this chunk. */
  matched: string[];
}

export interface SearchResult {
  query: AnalyzedQuery;
  hits: Hit[];
}

/** Candidates rescored with coverage; enough to reorder the head of the ranking. */
const RESCORE = 64;
/** How much the whole note's relevance adds to each of its chunks. */
const FILE_WEIGHT = 0.5;
/** How much matching more of the question (rather than one word many times) reorders the head. */
const COVERAGE_WEIGHT = 0.4;
/** How much a passage that opens with "Yes"/"No" gains on a yes/no question. */
const DIRECT_ANSWER_BOOST = 1.3;

/** Sums weight × IDF × BM25 weight over the terms' postings, for the documents `keep` admits. */
function accumulate(
  terms: QueryTerm[],
  postingsOf: (stem: string) => Postings | undefined,
  idfOf: (stem: string) => number,
  keep?: (id: number) => boolean,
): Map<number, number> {
  const scores = new Map<number, number>();
  for (const term of terms) {
    const postings = postingsOf(term.stem);
    if (!postings) continue;
    const factor = term.weight * idfOf(term.stem);
    const { ids, weights } = postings;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] ?? 0;
      if (keep && !keep(id)) continue;
      scores.set(id, (scores.get(id) ?? 0) + factor * (weights[i] ?? 0));
    }
  }
  return scores;
}

/** Ranks chunks for a question: BM25F over the index, then reordered by how much of the question each covers. */
export function search(index: SearchIndex, question: string, options: SearchOptions = {}): SearchResult {
  const limit = options.limit ?? 10;
  const query = analyzeQuery(index, question, options.previousQuestion);
  const terms = mergeTerms([...query.groups.flatMap((group) => group.terms), ...query.phrases]);
  if (terms.length === 0) return { query, hits: [] };

  const allowedFiles = options.folders?.length ? filesUnder(index, options.folders) : undefined;
  const scores = accumulate(
    terms,
    (stem) => index.postings(stem),
    (stem) => index.idf(stem),
    allowedFiles && ((id) => allowedFiles.has(index.fileOf[id] ?? -1)),
  );
  const fileScores = accumulate(
    terms,
    (stem) => index.filePostings(stem),
    (stem) => index.fileIdf(stem),
    allowedFiles && ((id) => allowedFiles.has(id)),
  );
  for (const [id, score] of scores) scores.set(id, score + FILE_WEIGHT * (fileScores.get(index.fileOf[id] ?? 0) ?? 0));
  const top = topK([...scores], Math.max(RESCORE, limit));
  const totalImportance = query.groups.reduce((sum, group) => sum + group.importance, 0) || 1;
  const hits: Hit[] = top.map(([id, bm25]) => {
    let covered = 0;
    const matched: string[] = [];
    for (const group of query.groups) {
      let best = 0;
      let strongest = 0;
      for (const term of group.terms) {
        strongest = Math.max(strongest, term.weight);
        if (index.weightIn(term.stem, id) > 0) {
          matched.push(term.stem);
          best = Math.max(best, term.weight);
        }
      }
      // Importance already carries the word's weight: a corrected typo covers its word in full.
      if (strongest > 0) covered += group.importance * (best / strongest);
    }
    const coverage = covered / totalImportance;
    return { chunk: index.chunks[id] as Chunk, score: bm25 * (1 - COVERAGE_WEIGHT + COVERAGE_WEIGHT * coverage), coverage, matched };
  });
  if (asksYesOrNo(question)) for (const hit of hits) if (opensWithYesOrNo(hit.chunk.text)) hit.score *= DIRECT_ANSWER_BOOST;
  hits.sort((a, b) => b.score - a.score || a.chunk.id - b.chunk.id);
  return { query, hits: hits.slice(0, limit) };
}

function mergeTerms(terms: QueryTerm[]): QueryTerm[] {
  const merged = new Map<string, number>();
  for (const term of terms) merged.set(term.stem, Math.max(merged.get(term.stem) ?? 0, term.weight));
  return [...merged].map(([stem, weight]) => ({ stem, weight }));
}

/** Ids of the files under any of the folders, decided once per question rather than per posting. */
function filesUnder(index: SearchIndex, folders: string[]): Set<number> {
  const prefixes = folders.map((folder) => folder.replace(/^\.?\/+|\/+$/g, '')).map((folder) => (folder ? `${folder}/` : ''));
  const ids = new Set<number>();
  index.files.forEach((file, id) => {
    if (prefixes.some((prefix) => file.startsWith(prefix))) ids.add(id);
  });
  return ids;
}

/** The k highest entries, best first, without sorting everything. */
function topK(entries: [number, number][], k: number): [number, number][] {
  if (entries.length <= k) return entries.sort((a, b) => b[1] - a[1]);
  let threshold = 0;
  const sample = entries.slice(0, k).sort((a, b) => b[1] - a[1]);
  threshold = sample[k - 1]?.[1] ?? 0;
  const kept = sample;
  for (let i = k; i < entries.length; i++) {
    const entry = entries[i];
    if (entry && entry[1] > threshold) {
      kept.push(entry);
      if (kept.length >= 4 * k) {
        kept.sort((a, b) => b[1] - a[1]).length = k;
        threshold = kept[k - 1]?.[1] ?? 0;
      }
    }
  }
  return kept.sort((a, b) => b[1] - a[1]).slice(0, k);
}
