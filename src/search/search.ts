import type { Chunk } from '../types.js';
import type { Postings, SearchIndex } from './index.js';
import { asksYesOrNo, opensWithYesOrNo } from './answer-cues.js';
import { proximityScorer } from './proximity.js';
import { analyzeQuery, type AnalyzedQuery, type QueryTerm } from './query.js';
import { DEFAULT_RANKING, type RankingOptions } from './ranking-options.js';

export interface SearchOptions {
  /** How many hits to return: one per section, or per chunk when sections are off. */
  limit?: number;
  /** Keep only chunks of files under these folders (relative, `/`-separated). */
  folders?: string[];
  /** An earlier question of the same conversation, weighed less than the question itself. */
  previousQuestion?: string;
  /** Overrides of the tuning constants (for the eval); the defaults are what lore ships with. */
  ranking?: Partial<RankingOptions>;
}

export interface Hit {
  /** The chunk to quote: the best-matching chunk of the section that ranked. */
  chunk: Chunk;
  score: number;
  /** Share of the question's weight (by IDF) that the quoted chunk matches, 0–1. */
  coverage: number;
  /** Stems of the question found in the quoted chunk. */
  matched: string[];
}

export interface SearchResult {
  query: AnalyzedQuery;
  hits: Hit[];
}

/** What is ranked: sections (units) or chunks, seen through the same few questions. */
interface Documents {
  postings(stem: string): Postings | undefined;
  idf(stem: string): number;
  weightIn(stem: string, id: number): number;
  fileOf(id: number): number;
  /** Sorts documents in the order of the notes, for ties: ids follow it only in a fresh build. */
  order(id: number): number;
}

function sectionDocuments(index: SearchIndex): Documents {
  return {
    postings: (stem) => index.unitPostings(stem),
    idf: (stem) => index.unitIdf(stem),
    weightIn: (stem, unit) => index.weightInUnit(stem, unit),
    fileOf: (unit) => index.fileOf[index.unitChunks[unit] ?? 0] ?? -1,
    order: (unit) => index.orderOfUnit(unit),
  };
}

function chunkDocuments(index: SearchIndex): Documents {
  return {
    postings: (stem) => index.postings(stem),
    idf: (stem) => index.idf(stem),
    weightIn: (stem, id) => index.weightIn(stem, id),
    fileOf: (id) => index.fileOf[id] ?? -1,
    order: (id) => index.orderOfChunk(id),
  };
}

/** Sums weight × IDF × BM25 weight over the terms' postings, for the documents `keep` admits. */
function accumulate(terms: QueryTerm[], postingsOf: (stem: string) => Postings | undefined, idfOf: (stem: string) => number, keep?: (id: number) => boolean): Map<number, number> {
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

/**
 * Ranks the notes' sections for a question with BM25F, adds a bounded bonus where the question's words stand
 * close together (BM25TP), and returns, for each of the best sections, the chunk inside it to quote.
 */
export function search(index: SearchIndex, question: string, options: SearchOptions = {}): SearchResult {
  const ranking: RankingOptions = { ...DEFAULT_RANKING, ...options.ranking };
  const limit = options.limit ?? 10;
  const query = analyzeQuery(index, question, options.previousQuestion);
  const terms = mergeTerms([...query.groups.flatMap((group) => group.terms), ...(ranking.phrases ? query.phrases : [])]);
  if (terms.length === 0) return { query, hits: [] };

  const docs = ranking.sections ? sectionDocuments(index) : chunkDocuments(index);
  const allowedFiles = options.folders?.length ? filesUnder(index, options.folders) : undefined;
  const scores = accumulate(terms, docs.postings, docs.idf, allowedFiles && ((id) => allowedFiles.has(docs.fileOf(id))));
  if (ranking.fileWeight > 0) {
    const fileScores = accumulate(terms, (stem) => index.filePostings(stem), (stem) => index.fileIdf(stem), allowedFiles && ((id) => allowedFiles.has(id)));
    for (const [id, score] of scores) scores.set(id, score + ranking.fileWeight * (fileScores.get(docs.fileOf(id)) ?? 0));
  }

  const top = topK([...scores], Math.max(ranking.rescore, limit));
  const totalImportance = query.groups.reduce((sum, group) => sum + group.importance, 0) || 1;
  const yesNo = ranking.directAnswerBoost !== 1 && asksYesOrNo(question);
  const proximity = ranking.sections && ranking.proximityWeight > 0 ? proximityScorer(index, query.groups, ranking.proximityWindow) : undefined;
  const ranked = top.map(([id, bm25]) => {
    // Coverage is read on the chunk to quote: a long section matching the question's words far apart is no answer.
    const best = ranking.sections
      ? bestChunkOf(index, id, terms, query, totalImportance, ranking.coverageWeight)
      : { chunk: index.chunks[id] as Chunk, score: 0, ...coverageOf(query, (stem) => index.weightIn(stem, id), totalImportance) };
    const { coverage, matched } = best;
    let score = bm25;
    score += ranking.passageWeight * best.score;
    if (proximity) score += ranking.proximityWeight * proximity.score(id);
    score *= 1 - ranking.coverageWeight + ranking.coverageWeight * coverage;
    const lead = ranking.sections ? index.chunks[index.unitChunks[id] ?? 0] : index.chunks[id];
    if (yesNo && lead && opensWithYesOrNo(lead.text)) score *= ranking.directAnswerBoost;
    return { id, score, coverage, matched, chunk: best.chunk };
  });
  proximity?.release();
  ranked.sort((a, b) => b.score - a.score || docs.order(a.id) - docs.order(b.id));
  const hits = ranked.slice(0, limit).map(({ chunk, score, coverage, matched }): Hit => ({ chunk, score, coverage, matched }));
  return { query, hits };
}

/** How much of the question (by importance) a document matches, and which stems. */
function coverageOf(query: AnalyzedQuery, weightIn: (stem: string) => number, totalImportance: number): { coverage: number; matched: string[] } {
  let covered = 0;
  const matched: string[] = [];
  for (const group of query.groups) {
    let best = 0;
    let strongest = 0;
    for (const term of group.terms) {
      strongest = Math.max(strongest, term.weight);
      if (weightIn(term.stem) > 0) {
        matched.push(term.stem);
        best = Math.max(best, term.weight);
      }
    }
    // Importance already carries the word's weight: a corrected typo covers its word in full.
    if (strongest > 0) covered += group.importance * (best / strongest);
  }
  return { coverage: covered / totalImportance, matched };
}

/**
 * The chunk of a section to quote: the one whose BM25 score, scaled by its coverage of the question as the
 * section's own score is, is highest; the first on a tie. Choosing by the same measure that ranks the section
 * keeps a chunk that repeats a few of the words from beating the one that holds the whole question.
 */
function bestChunkOf(
  index: SearchIndex,
  unit: number,
  terms: QueryTerm[],
  query: AnalyzedQuery,
  totalImportance: number,
  coverageWeight: number,
): { chunk: Chunk; score: number; coverage: number; matched: string[] } {
  const from = index.unitChunks[unit] ?? 0;
  const to = index.unitChunks[unit + 1] ?? from + 1;
  const factors = terms.map((term) => term.weight * index.idf(term.stem));
  let best = { id: from, score: 0, value: -1, coverage: 0, matched: [] as string[] };
  for (let id = from; id < to; id++) {
    let score = 0;
    terms.forEach((term, i) => (score += (factors[i] ?? 0) * index.weightIn(term.stem, id)));
    // Coverage only scales a score down, so a chunk scoring no more than the best value so far cannot win.
    if (best.value >= 0 && score <= best.value) continue;
    const { coverage, matched } = coverageOf(query, (stem) => index.weightIn(stem, id), totalImportance);
    const value = score * (1 - coverageWeight + coverageWeight * coverage);
    if (value > best.value) best = { id, score, value, coverage, matched };
  }
  return { chunk: index.chunks[best.id] as Chunk, score: best.score, coverage: best.coverage, matched: best.matched };
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
  const kept = entries.slice(0, k).sort((a, b) => b[1] - a[1]);
  let threshold = kept[k - 1]?.[1] ?? 0;
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
