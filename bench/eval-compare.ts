/**
 * lore against the plain BM25 reference, question by question: per set and half, and over every set's report half
 * together, the questions no setting was chosen on. About a hundred questions a half leave an interval of ±0.09;
 * pooled, the halves narrow it.
 */
import { pairedHitDifference, type PairedDifference } from './paired-stats.js';

export interface RankedRow {
  set: string;
  part: string;
  engine: string;
  field: string;
  ranks: readonly { id: string; rank: number }[];
}

export interface Comparison {
  set: string;
  part: string;
  field: string;
  n: number;
  hitAt1: PairedDifference;
  hitAt5: PairedDifference;
}

export const LORE = 'lore';
export const REFERENCE = 'plain BM25';
/** The `set` of the pooled comparison. */
export const EVERY_SET = 'every set';
const REPORT = 'report';

export function compareWithReference(rows: readonly RankedRow[]): Comparison[] {
  const comparisons: Comparison[] = [];
  const pooled = new Map<string, { a: number[]; b: number[]; sets: number }>();
  for (const lore of rows) {
    // The Fuse.js sample's 15 questions are too few to say anything by themselves.
    if (lore.engine !== LORE || lore.part.startsWith('sample')) continue;
    const reference = rows.find((row) => row.engine === REFERENCE && row.set === lore.set && row.part === lore.part && row.field === lore.field);
    if (!reference) continue;
    const byId = new Map(reference.ranks.map((r) => [r.id, r.rank]));
    const a = lore.ranks.map((r) => r.rank);
    const b = lore.ranks.map((r) => byId.get(r.id) ?? 0);
    comparisons.push(compare(lore.set, lore.part, lore.field, a, b));
    if (lore.part !== REPORT) continue;
    const pool = pooled.get(lore.field) ?? { a: [], b: [], sets: 0 };
    pool.a.push(...a);
    pool.b.push(...b);
    pool.sets++;
    pooled.set(lore.field, pool);
  }
  for (const [field, { a, b, sets }] of pooled) if (sets > 1) comparisons.push(compare(EVERY_SET, REPORT, field, a, b));
  return comparisons;
}

function compare(set: string, part: string, field: string, a: number[], b: number[]): Comparison {
  return { set, part, field, n: a.length, hitAt1: pairedHitDifference(a, b, 1), hitAt5: pairedHitDifference(a, b, 5) };
}
