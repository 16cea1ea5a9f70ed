/** Ranking metrics for the retrieval eval: pure functions over ranked file lists. */

/** Metrics of one engine over one set of questions. */
export interface RankSummary {
  n: number;
  hitAt1: number;
  hitAt5: number;
  mrr: number;
}

/** Files in order of their first appearance, each once. */
export function distinctInOrder(files: Iterable<string>): string[] {
  return [...new Set(files)];
}

/** 1-based position of `gold` in `ranking`, or 0 when it is absent. */
export function rankOf(ranking: readonly string[], gold: string): number {
  return ranking.indexOf(gold) + 1;
}

/** True when the gold item is among the first `k` (rank from `rankOf`). */
export function hitAt(rank: number, k: number): boolean {
  return rank >= 1 && rank <= k;
}

/** 1/rank, 0 when absent. */
export function reciprocalRank(rank: number): number {
  return rank >= 1 ? 1 / rank : 0;
}

/** hit@1, hit@5 and MRR over ranks from `rankOf`; all 0 for no questions. */
export function summarizeRanks(ranks: readonly number[]): RankSummary {
  const n = ranks.length;
  if (n === 0) return { n, hitAt1: 0, hitAt5: 0, mrr: 0 };
  let hit1 = 0;
  let hit5 = 0;
  let mrr = 0;
  for (const rank of ranks) {
    if (hitAt(rank, 1)) hit1++;
    if (hitAt(rank, 5)) hit5++;
    mrr += reciprocalRank(rank);
  }
  return { n, hitAt1: hit1 / n, hitAt5: hit5 / n, mrr: mrr / n };
}

/** Indexes of `count` items spread evenly over `length` (the middle of each stride), in increasing order. */
export function evenSample(length: number, count: number): number[] {
  if (count >= length) return Array.from({ length }, (_, i) => i);
  return Array.from({ length: Math.max(0, count) }, (_, i) => Math.floor(((i + 0.5) * length) / count));
}
