import { describe, expect, it } from 'vitest';
import { countChunks, generateCorpus } from '../../bench/corpus.js';
import { makeQueries } from '../../bench/queries.js';
import { zipf, seeded } from '../../bench/random.js';

describe('generateCorpus', () => {
  const base = [{ file: 'real.md', text: '# Real note\n\nSome text about deploys.\n' }];

  it('is deterministic for a seed', () => {
    const a = generateCorpus({ chunks: 300, seed: 7, vocabulary: 5000, base });
    const b = generateCorpus({ chunks: 300, seed: 7, vocabulary: 5000, base });
    expect(b.files).toEqual(a.files);
    expect(b.words).toEqual(a.words);
    expect(makeQueries(b.words, 7)).toEqual(makeQueries(a.words, 7));
  });

  it('differs for another seed', () => {
    const a = generateCorpus({ chunks: 300, seed: 7, vocabulary: 5000 });
    const b = generateCorpus({ chunks: 300, seed: 8, vocabulary: 5000 });
    expect(b.files.map((file) => file.text)).not.toEqual(a.files.map((file) => file.text));
  });

  it('makes roughly the requested number of chunks, base notes included and kept as they are', () => {
    const { files } = generateCorpus({ chunks: 400, seed: 3, vocabulary: 5000, base });
    expect(files[0]).toEqual(base[0]);
    const chunks = countChunks(files);
    expect(chunks).toBeGreaterThan(400 * 0.85);
    expect(chunks).toBeLessThan(400 * 1.15);
  });

  it('writes Markdown with headings, nested bullets and unique paths', () => {
    const { files } = generateCorpus({ chunks: 200, seed: 5, vocabulary: 5000 });
    const text = files.map((file) => file.text).join('\n');
    expect(text).toMatch(/^# /m);
    expect(text).toMatch(/^## /m);
    expect(text).toMatch(/^ {2}- /m);
    expect(new Set(files.map((file) => file.file)).size).toBe(files.length);
  });
});

describe('makeQueries', () => {
  it('mixes about 50 queries of every kind from the start of the list', () => {
    const queries = makeQueries(generateCorpus({ chunks: 100, seed: 1, vocabulary: 5000 }).words, 1);
    expect(queries.length).toBeGreaterThanOrEqual(45);
    expect(new Set(queries.slice(0, 4).map((query) => query.kind))).toEqual(new Set(['word', 'typo', 'question', 'no-match']));
  });
});

describe('zipf', () => {
  it('draws low ranks far more often than high ones', () => {
    const draw = zipf(1000, 1.25);
    const random = seeded(1);
    const counts = new Array<number>(1000).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const rank = draw(random);
      counts[rank] = (counts[rank] ?? 0) + 1;
    }
    expect(counts[0]).toBeGreaterThan(10 * (counts[99] ?? 0));
  });
});
