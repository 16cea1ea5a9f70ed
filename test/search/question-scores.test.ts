import { describe, expect, it } from 'vitest';
import { QuestionScores } from '../../src/search/question-scores.js';

describe('QuestionScores', () => {
  it('sums what is added per document and lists documents in the order they were first reached', () => {
    const scores = new QuestionScores();
    scores.add(5, 1, 0);
    scores.add(2, 3, 0);
    scores.add(5, 0.5, 1);
    expect(scores.reached).toEqual([5, 2]);
    expect(scores.score(5)).toBe(1.5);
    expect(scores.score(9)).toBe(0);
  });

  it('tells a document holding two question words from one holding one word twice', () => {
    const scores = new QuestionScores();
    scores.add(1, 1, 0);
    scores.add(1, 1, 0);
    scores.add(2, 1, 0);
    scores.add(2, 1, 3);
    scores.add(3, 1, -1);
    scores.add(3, 1, 0);
    expect([1, 2, 3].map((id) => scores.holdsTwoGroups(id))).toEqual([false, true, false]);
  });

  it('forgets everything on reset, however large the ids grew', () => {
    const scores = new QuestionScores();
    scores.add(100_000, 2, 0);
    scores.add(100_000, 2, 1);
    scores.reset();
    expect(scores.reached).toEqual([]);
    expect(scores.score(100_000)).toBe(0);
    expect(scores.holdsTwoGroups(100_000)).toBe(false);
    scores.add(100_000, 1, 0);
    expect(scores.score(100_000)).toBe(1);
    expect(scores.holdsTwoGroups(100_000)).toBe(false);
    scores.add(100_000, 1, 1);
    expect(scores.holdsTwoGroups(100_000)).toBe(true);
  });

  it('forgets the last question when its stamps run out, and goes on counting afresh', () => {
    const scores = new QuestionScores(0x7fffffff - 1);
    for (let question = 0; question < 4; question++) {
      scores.add(7, 2, 0);
      scores.add(3, 1, 1);
      scores.add(7, 1, 1);
      expect(scores.reached).toEqual([7, 3]);
      expect([scores.score(7), scores.score(3), scores.score(4)]).toEqual([3, 1, 0]);
      expect([scores.holdsTwoGroups(7), scores.holdsTwoGroups(3)]).toEqual([true, false]);
      scores.reset();
      expect([scores.score(7), scores.score(3)]).toEqual([0, 0]);
    }
  });

  it('returns the same top k as sorting every document by score, the first reached first on ties', () => {
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const scores = new QuestionScores();
    for (const [count, k] of [[5, 10], [50, 10], [2_000, 100], [2_000, 7], [300, 1]] as const) {
      scores.reset();
      // Few distinct values, so that ties are common and the cut falls among them.
      for (let i = 0; i < count; i++) scores.add(Math.floor(next() * 5 * count), Math.floor(next() * 20), 0);
      const expected = [...scores.reached].sort((a, b) => scores.score(b) - scores.score(a)).slice(0, k);
      expect(scores.top(k)).toEqual(expected);
    }
  });
});
