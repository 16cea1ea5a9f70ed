import { describe, expect, it } from 'vitest';
import { pairedHitDifference, signTest } from '../../bench/paired-stats.js';

describe('sign test', () => {
  it.each([
    [0, 0, 1],
    [1, 0, 1],
    [7, 1, 0.0703125], // 2 · (1 + 8) / 256
    [1, 7, 0.0703125],
    [10, 0, 2 / 1024],
    [5, 5, 1],
  ])('%i wins, %i losses: p = %f', (wins, losses, p) => {
    expect(signTest(wins, losses)).toBeCloseTo(p, 10);
  });
});

describe('paired hit difference', () => {
  it('counts the questions only one engine finds, and their mean difference', () => {
    // hit@1: a finds questions 0, 1, 2; b finds 0 and 3.
    const a = [1, 1, 1, 4, 0, 2];
    const b = [1, 3, 0, 1, 0, 2];
    const d = pairedHitDifference(a, b, 1);
    expect(d.onlyA).toBe(2);
    expect(d.onlyB).toBe(1);
    expect(d.difference).toBeCloseTo(1 / 6, 10);
    const at5 = pairedHitDifference(a, b, 5);
    expect([at5.onlyA, at5.onlyB]).toEqual([1, 0]);
  });

  it('brackets the difference with its bootstrap interval, wide for few questions and narrow for many', () => {
    const few = pairedHitDifference([1, 1, 1, 0], [0, 0, 1, 1], 1);
    expect(few.low).toBeLessThanOrEqual(few.difference);
    expect(few.high).toBeGreaterThanOrEqual(few.difference);
    expect(few.low).toBeLessThan(0);

    const ranksA = Array.from({ length: 400 }, (_, i) => (i % 4 === 0 ? 0 : 1));
    const ranksB = Array.from({ length: 400 }, (_, i) => (i % 2 === 0 ? 0 : 1));
    const many = pairedHitDifference(ranksA, ranksB, 1);
    expect(many.difference).toBeCloseTo(0.25, 10);
    expect(many.low).toBeGreaterThan(0.15);
    expect(many.high).toBeLessThan(0.35);
    expect(many.p).toBeLessThan(0.001);
  });

  it('gives no difference and p = 1 for identical rankings', () => {
    const same = pairedHitDifference([1, 2, 0], [1, 2, 0], 1);
    expect(same).toMatchObject({ difference: 0, low: 0, high: 0, onlyA: 0, onlyB: 0, p: 1 });
  });

  it('refuses rankings of different questions', () => {
    expect(() => pairedHitDifference([1], [1, 2], 1)).toThrow(/differ in length/);
  });
});
