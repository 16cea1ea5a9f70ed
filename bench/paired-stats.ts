/**
 * How sure a difference between two engines is, on the same questions. A dev set of about a hundred questions
 * moves by 0.01 per question, so a gap of a few hundredths may be chance: each difference is printed with a
 * paired bootstrap interval and an exact sign test.
 */
import { hitAt } from './eval-metrics.js';
import { seeded } from './random.js';

export interface PairedDifference {
  /** Mean of (a hit) − (b hit) over the questions: a's hit@k minus b's. */
  difference: number;
  /** 95% percentile bootstrap interval of `difference`, resampling questions. */
  low: number;
  high: number;
  /** Questions only a hits, only b hits. */
  onlyA: number;
  onlyB: number;
  /** Two-sided exact sign test over the questions where exactly one hits. */
  p: number;
}

const RESAMPLES = 10_000;
const SEED = 20_240_601;

/** `a` and `b` are ranks of the same questions in the same order (1-based, 0 when absent, as `rankOf`). */
export function pairedHitDifference(a: readonly number[], b: readonly number[], k: number): PairedDifference {
  if (a.length !== b.length) throw new Error(`paired ranks differ in length: ${a.length} and ${b.length}`);
  const n = a.length;
  const deltas = new Int8Array(n);
  let onlyA = 0;
  let onlyB = 0;
  for (let i = 0; i < n; i++) {
    const delta = Number(hitAt(a[i] ?? 0, k)) - Number(hitAt(b[i] ?? 0, k));
    deltas[i] = delta;
    if (delta > 0) onlyA++;
    else if (delta < 0) onlyB++;
  }
  if (n === 0) return { difference: 0, low: 0, high: 0, onlyA, onlyB, p: 1 };
  const [low, high] = bootstrapInterval(deltas);
  return { difference: (onlyA - onlyB) / n, low, high, onlyA, onlyB, p: signTest(onlyA, onlyB) };
}

function bootstrapInterval(deltas: Int8Array): [number, number] {
  const n = deltas.length;
  const random = seeded(SEED);
  const means = new Float64Array(RESAMPLES);
  for (let r = 0; r < RESAMPLES; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += deltas[Math.floor(random.next() * n)] ?? 0;
    means[r] = sum / n;
  }
  means.sort();
  return [means[Math.floor(0.025 * RESAMPLES)] ?? 0, means[Math.ceil(0.975 * RESAMPLES) - 1] ?? 0];
}

/** P(a split at least this uneven | each discordant question is a fair coin), both tails, at most 1. */
export function signTest(wins: number, losses: number): number {
  const n = wins + losses;
  if (n === 0) return 1;
  const fewer = Math.min(wins, losses);
  let tail = 0;
  let term = Math.pow(0.5, n); // C(n, 0) / 2^n
  for (let i = 0; i <= fewer; i++) {
    tail += term;
    term = (term * (n - i)) / (i + 1);
  }
  return Math.min(1, 2 * tail);
}
