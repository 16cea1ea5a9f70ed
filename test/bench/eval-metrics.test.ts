import { describe, expect, it } from 'vitest';
import { distinctInOrder, evenSample, hitAt, rankOf, reciprocalRank, summarizeRanks } from '../../bench/eval-metrics.js';
import { EvalInputError, parseQuestions } from '../../bench/eval-input.js';

describe('ranking metrics', () => {
  const ranking = distinctInOrder(['a.md', 'b.md', 'a.md', 'c.md', 'b.md', 'd.md', 'e.md', 'f.md']);

  it('keeps files in order of first appearance, once each', () => {
    expect(ranking).toEqual(['a.md', 'b.md', 'c.md', 'd.md', 'e.md', 'f.md']);
  });

  it.each([
    ['a.md', 1],
    ['c.md', 3],
    ['f.md', 6],
    ['missing.md', 0],
  ])('ranks %s at %i', (gold, rank) => {
    expect(rankOf(ranking, gold)).toBe(rank);
  });

  it.each([
    [1, 1, true],
    [2, 1, false],
    [5, 5, true],
    [6, 5, false],
    [0, 5, false],
  ])('rank %i is a hit@%i: %s', (rank, k, hit) => {
    expect(hitAt(rank, k)).toBe(hit);
  });

  it('gives 1/rank, and 0 when absent', () => {
    expect(reciprocalRank(1)).toBe(1);
    expect(reciprocalRank(4)).toBe(0.25);
    expect(reciprocalRank(0)).toBe(0);
  });

  it('summarises hand-made rankings', () => {
    // Gold first, third, sixth and absent.
    const summary = summarizeRanks([1, 3, 6, 0]);
    expect(summary.n).toBe(4);
    expect(summary.hitAt1).toBe(0.25);
    expect(summary.hitAt5).toBe(0.5);
    expect(summary.mrr).toBeCloseTo((1 + 1 / 3 + 1 / 6 + 0) / 4, 10);
  });

  it('summarises no questions as zeros', () => {
    expect(summarizeRanks([])).toEqual({ n: 0, hitAt1: 0, hitAt5: 0, mrr: 0 });
  });
});

describe('evenSample', () => {
  it('spreads the sample over the whole list, deterministically', () => {
    expect(evenSample(45, 15)).toEqual([1, 4, 7, 10, 13, 16, 19, 22, 25, 28, 31, 34, 37, 40, 43]);
    expect(evenSample(10, 3)).toEqual([1, 5, 8]);
  });

  it('takes everything when asked for more than there is, and nothing for 0', () => {
    expect(evenSample(3, 10)).toEqual([0, 1, 2]);
    expect(evenSample(10, 0)).toEqual([]);
  });
});

describe('parseQuestions', () => {
  it('reads valid lines and skips blank ones', () => {
    const text = '{"id":"a","question":"What?","gold":"x.md","docset":"d"}\n\n{"id":"b","question":"Why?","question_typo":"Wy?","gold":"y.md"}\n';
    expect(parseQuestions(text, 'q.jsonl')).toEqual([
      { id: 'a', question: 'What?', gold: 'x.md' },
      { id: 'b', question: 'Why?', question_typo: 'Wy?', gold: 'y.md' },
    ]);
  });

  it('reports every bad line with its number', () => {
    const text = ['{"id":"a","question":"What?","gold":"x.md"}', 'not json', '{"id":"b","question":""}', '{"id":"a","question":"Again","gold":"x.md"}'].join('\n');
    const error = (() => {
      try {
        parseQuestions(text, 'q.jsonl');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(EvalInputError);
    const message = (error as Error).message;
    expect(message).toContain('3 bad line(s)');
    expect(message).toContain('line 2: not valid JSON');
    expect(message).toMatch(/line 3: .*question/);
    expect(message).toMatch(/line 3: .*gold/);
    expect(message).toContain('line 4: duplicate id a');
  });
});
