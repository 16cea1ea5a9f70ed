import { describe, expect, it } from 'vitest';
import { compareWithReference, EVERY_SET, type RankedRow } from '../../bench/eval-compare.js';

const ranks = (...values: number[]) => values.map((rank, i) => ({ id: `q${i}`, rank }));
const row = (set: string, part: string, engine: string, ...values: number[]): RankedRow => ({ set, part, engine, field: 'question', ranks: ranks(...values) });

describe('lore against the reference', () => {
  it('compares each set and half, and every report half together', () => {
    const rows = [
      row('a', 'tune', 'lore', 1, 1),
      row('a', 'tune', 'plain BM25', 2, 2),
      row('a', 'report', 'lore', 1, 0, 3),
      row('a', 'report', 'plain BM25', 0, 1, 3),
      row('b', 'report', 'lore', 1),
      row('b', 'report', 'plain BM25', 4),
    ];
    const comparisons = compareWithReference(rows);
    expect(comparisons.map((c) => [c.set, c.part, c.n])).toEqual([
      ['a', 'tune', 2],
      ['a', 'report', 3],
      ['b', 'report', 1],
      [EVERY_SET, 'report', 4],
    ]);
    const pooled = comparisons.at(-1);
    // hit@1: lore alone on a's q0 and b's q0, the reference alone on a's q1.
    expect([pooled?.hitAt1.onlyA, pooled?.hitAt1.onlyB]).toEqual([2, 1]);
    expect(pooled?.hitAt1.difference).toBeCloseTo(1 / 4, 10);
    // hit@5: b's q0 is found by both.
    expect([pooled?.hitAt5.onlyA, pooled?.hitAt5.onlyB]).toEqual([1, 1]);
  });

  it('pairs questions by id, skips the Fuse.js sample, and pools nothing from one report half', () => {
    const lore = row('a', 'report', 'lore', 1, 5);
    const reference: RankedRow = { ...row('a', 'report', 'plain BM25'), ranks: [{ id: 'q1', rank: 1 }, { id: 'q0', rank: 0 }] };
    const comparisons = compareWithReference([lore, reference, row('a', 'sample 15', 'lore', 1), row('a', 'sample 15', 'plain BM25', 0)]);
    expect(comparisons).toHaveLength(1);
    expect([comparisons[0]?.hitAt1.onlyA, comparisons[0]?.hitAt1.onlyB]).toEqual([1, 1]);
  });
});
