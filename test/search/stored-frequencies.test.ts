import { describe, expect, it } from 'vitest';
import { StoredFrequencies } from '../../src/search/stored-frequencies.js';

describe('stored term frequencies', () => {
  // Sums of field weights in the order the build adds them: whole, half, and with the note's 0.35.
  const tfs = Float64Array.from([1, 0.35, 2.5, 0.35 + 0.35, 3, 1 + 0.35 + 1, 0.5, 7, 0.35, 0.35 + 0.35 + 0.35 + 1]);
  const stored = new StoredFrequencies(tfs);

  it('gives back every frequency exactly, one at a time', () => {
    expect(Array.from(tfs, (_, i) => stored.at(i))).toEqual([...tfs]);
  });

  it.each([
    [0, tfs.length],
    [1, 4],
    [2, 3],
    [4, 4],
    [8, 10],
  ])('gives back positions %i to %i exactly, in order', (from, to) => {
    const seen: [number, number][] = [];
    stored.forRange(from, to, (i, tf) => seen.push([i, tf]));
    expect(seen).toEqual([...tfs.subarray(from, to)].map((tf, n) => [from + n, tf]));
  });
});
