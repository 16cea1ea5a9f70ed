import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { EmbeddingCache, textKey } from '../../src/rerank/embedding-cache.js';
import { tempFiles } from './temp-folders.js';

const tempFile = tempFiles('lore-vectors-');
const path = () => tempFile('nested/vectors.bin');

describe('the embedding cache', () => {
  it('keeps vectors by text across a save and a load', async () => {
    const file = await path();
    const cache = new EmbeddingCache();
    cache.set(textKey('first section'), Float32Array.from([0.5, -1, 2]));
    cache.set(textKey('second section'), Float32Array.from([3, 0, -0.25]));
    await cache.save(file);
    const loaded = await EmbeddingCache.load(file);
    expect(loaded.size).toBe(2);
    expect([...(loaded.get(textKey('first section')) ?? [])]).toEqual([0.5, -1, 2]);
    expect([...(loaded.get(textKey('second section')) ?? [])]).toEqual([3, 0, -0.25]);
    expect(loaded.get(textKey('a section never embedded'))).toBeUndefined();
  });

  it('reads a missing file as an empty cache, and an empty cache back as empty', async () => {
    const file = await path();
    expect((await EmbeddingCache.load(file)).size).toBe(0);
    await new EmbeddingCache().save(file);
    expect((await EmbeddingCache.load(file)).size).toBe(0);
  });

  it('refuses a file that is not a cache, or is cut short', async () => {
    const file = await path();
    const cache = new EmbeddingCache();
    cache.set(textKey('text'), Float32Array.from([1, 2, 3, 4]));
    await cache.save(file);
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length - 3));
    await expect(EmbeddingCache.load(file)).rejects.toThrow(/truncated or damaged/);
    await writeFile(file, 'hello, world, this is text');
    await expect(EmbeddingCache.load(file)).rejects.toThrow(/not a lore embedding cache/);
  });

  it('keeps only the texts it is told to', () => {
    const cache = new EmbeddingCache();
    for (const text of ['a', 'b', 'c']) cache.set(textKey(text), Float32Array.from([1]));
    cache.keepOnly(['b', 'c', 'd'].map(textKey));
    expect(cache.size).toBe(2);
    expect(cache.get(textKey('a'))).toBeUndefined();
    expect(cache.get(textKey('b'))).toBeDefined();
  });
});
