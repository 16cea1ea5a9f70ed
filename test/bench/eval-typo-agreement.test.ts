import { describe, expect, it } from 'vitest';
import type { RankedRow } from '../../bench/eval-compare.js';
import { typoAgreement } from '../../bench/eval-typo-agreement.js';

const row = (engine: string, field: string, part: string, ranks: Record<string, number>): RankedRow => ({
  set: 'a',
  part,
  engine,
  field,
  ranks: Object.entries(ranks).map(([id, rank]) => ({ id, rank })),
});

describe('typo agreement', () => {
  it('counts the typo questions whose gold file ranks as it does clean, engine by engine', () => {
    const rows = [
      row('lore', 'question', 'tune', { q1: 1, q2: 3, q3: 0, q4: 2 }),
      row('lore', 'question_typo', 'tune', { q1: 1, q2: 1, q3: 0, q4: 5 }),
      row('plain BM25', 'question', 'tune', { q1: 1, q2: 1 }),
      row('plain BM25', 'question_typo', 'tune', { q1: 0, q2: 1 }),
    ];
    expect(typoAgreement(rows)).toEqual([
      // q1 and q3 rank the same; q2 is first only with typos, q4 first neither way.
      { set: 'a', part: 'tune', engine: 'lore', n: 4, sameRank: 2, sameFirst: 3 },
      { set: 'a', part: 'tune', engine: 'plain BM25', n: 2, sameRank: 1, sameFirst: 1 },
    ]);
  });

  it('pairs by id and leaves out the Fuse.js sample and questions with no typo form', () => {
    const rows = [
      row('lore', 'question', 'report', { q1: 2, q2: 4 }),
      row('lore', 'question_typo', 'report', { q2: 4 }),
      row('lore', 'question', 'sample 15', { q1: 2 }),
      row('lore', 'question_typo', 'sample 15', { q1: 2 }),
    ];
    expect(typoAgreement(rows)).toEqual([{ set: 'a', part: 'report', engine: 'lore', n: 1, sameRank: 1, sameFirst: 1 }]);
  });
});
