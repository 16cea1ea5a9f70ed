import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { couldAnswer } from '../../src/answer/compose.js';
import { silentLogger } from '../../src/logger.js';
import { EmbeddingCache } from '../../src/rerank/embedding-cache.js';
import { SectionReranker } from '../../src/rerank/reranker.js';
import { search } from '../../src/search/search.js';
import { capturingLogger } from '../capturing-logger.js';
import { ConceptEncoder } from './concept-encoder.js';
import { BUNDLE_NOTES, SIZE_CONCEPT, TOO_BIG } from './notes.js';
import { tempFiles } from './temp-folders.js';
import { indexOf } from '../search/notes-index.js';

const files = (result: { hits: { chunk: { file: string } }[] }) => result.hits.map((hit) => hit.chunk.file);

const tempFile = tempFiles('lore-rerank-');
const cacheFile = () => tempFile('data/section-vectors.bin');

describe('re-ranking sections with a sentence encoder', () => {
  const index = indexOf(BUNDLE_NOTES);

  it('puts first the section closest in meaning, among the sections that match the words', async () => {
    const result = search(index, TOO_BIG, { limit: 32 });
    expect(result.ranks).toBe('sections');
    expect(files(result).slice(0, 2)).toEqual(['bundle-limits.md', 'trimming.md']);
    const reranker = new SectionReranker(new ConceptEncoder(SIZE_CONCEPT), new EmbeddingCache(), silentLogger());
    const reranked = await reranker.rerank(index, TOO_BIG, result);
    expect(files(reranked).slice(0, 2)).toEqual(['trimming.md', 'bundle-limits.md']);
    expect(reranked.hits).toHaveLength(result.hits.length);
    expect(reranked.questionWeight).toBe(result.questionWeight);
  });

  it('changes nothing when the encoder sees no difference in meaning', async () => {
    const result = search(index, TOO_BIG, { limit: 32 });
    const reranker = new SectionReranker(new ConceptEncoder([]), new EmbeddingCache(), silentLogger());
    expect(files(await reranker.rerank(index, TOO_BIG, result))).toEqual(files(result));
  });

  it('never puts first a section that could not be the answer when the lexical first could', async () => {
    const result = search(index, TOO_BIG, { limit: 32 });
    const reranker = new SectionReranker(new ConceptEncoder(SIZE_CONCEPT), new EmbeddingCache(), silentLogger());
    const onlyLimits = (hit: { chunk: { file: string } }) => hit.chunk.file === 'bundle-limits.md';
    expect(files(await reranker.rerank(index, TOO_BIG, result, onlyLimits))[0]).toBe('bundle-limits.md');
    // Both can be answers here, so the encoder's choice stands.
    expect(couldAnswer(result.hits[1]!, result, index)).toBe(true);
    expect(files(await reranker.rerank(index, TOO_BIG, result, (hit) => couldAnswer(hit, result, index)))[0]).toBe('trimming.md');
  });

  it('leaves a ranking alone, without asking the encoder, when its first section could not be the answer', async () => {
    const result = search(index, TOO_BIG, { limit: 32 });
    const encoder = new ConceptEncoder(SIZE_CONCEPT);
    const reranked = await new SectionReranker(encoder, new EmbeddingCache(), silentLogger()).rerank(index, TOO_BIG, result, () => false);
    expect(reranked).toBe(result);
    expect(encoder.calls).toEqual([]);
  });

  it('answers by words alone when the encoder is too slow, and keeps the vectors that come late', async () => {
    const encoder = new ConceptEncoder(SIZE_CONCEPT);
    let release = () => {};
    encoder.holdUrgent = new Promise((resolve) => (release = resolve));
    const { logger, lines } = capturingLogger();
    const reranker = new SectionReranker(encoder, new EmbeddingCache(), logger, undefined, { waitMs: 20 });
    const result = search(index, TOO_BIG, { limit: 32 });
    expect(await reranker.rerank(index, TOO_BIG, result)).toBe(result);
    expect(lines.some((line) => line.level === 40 && line.msg?.includes('too slow; answered by words alone'))).toBe(true);
    release();
    encoder.holdUrgent = undefined;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(files(await reranker.rerank(index, TOO_BIG, result))[0]).toBe('trimming.md');
    expect(encoder.calls.at(-1)?.texts).toEqual([TOO_BIG]);
  });

  it('leaves chunk rankings (notes of fewer than 50 sections) alone, without asking the encoder', async () => {
    const small = indexOf({ 'bundle-limits.md': BUNDLE_NOTES['bundle-limits.md']!, 'trimming.md': BUNDLE_NOTES['trimming.md']! });
    const result = search(small, TOO_BIG, { limit: 32 });
    expect(result.ranks).toBe('chunks');
    const encoder = new ConceptEncoder(SIZE_CONCEPT);
    const reranked = await new SectionReranker(encoder, new EmbeddingCache(), silentLogger()).rerank(small, TOO_BIG, result);
    expect(reranked).toBe(result);
    expect(encoder.calls).toEqual([]);
  });

  it('asks for the question and the sections it lacks before any background work, and embeds a section once', async () => {
    const encoder = new ConceptEncoder(SIZE_CONCEPT);
    const reranker = new SectionReranker(encoder, new EmbeddingCache(), silentLogger(), undefined, { depth: 5 });
    const result = search(index, TOO_BIG, { limit: 32 });
    await reranker.rerank(index, TOO_BIG, result);
    await reranker.rerank(index, TOO_BIG, result);
    expect(encoder.calls.map((call) => call.urgent)).toEqual([true, true]);
    expect(encoder.calls[0]?.texts[0]).toBe(TOO_BIG);
    expect(encoder.calls[0]?.texts.length).toBe(1 + Math.min(5, result.hits.length));
    expect(encoder.calls[1]?.texts).toEqual([TOO_BIG]);
  });

  it('embeds every section in the background, saves them, and reads them back after a restart', async () => {
    const file = await cacheFile();
    const encoder = new ConceptEncoder(SIZE_CONCEPT);
    const { logger, lines } = capturingLogger();
    const reranker = await SectionReranker.open(encoder, logger, file, { batch: 7 });
    await reranker.warm(index);
    const embedded = encoder.embedded();
    expect(new Set(embedded).size).toBe(index.unitCount);
    expect(encoder.calls.every((call) => !call.urgent && call.texts.length <= 7)).toBe(true);
    expect(lines.some((line) => line.msg === 'sections embedded for re-ranking' && line.embedded === index.unitCount)).toBe(true);

    expect((await EmbeddingCache.load(file)).size).toBe(index.unitCount);
    const again = new ConceptEncoder(SIZE_CONCEPT);
    const restarted = await SectionReranker.open(again, silentLogger(), file);
    await restarted.warm(index);
    await restarted.rerank(index, TOO_BIG, search(index, TOO_BIG, { limit: 32 }));
    expect(again.embedded()).toEqual([TOO_BIG]);
  });

  it('drops the vectors of sections the notes no longer hold', async () => {
    const file = await cacheFile();
    const reranker = await SectionReranker.open(new ConceptEncoder(SIZE_CONCEPT), silentLogger(), file);
    await reranker.warm(index);
    const { 'trimming.md': _gone, ...rest } = BUNDLE_NOTES;
    await reranker.warm(indexOf(rest));
    expect((await EmbeddingCache.load(file)).size).toBe(index.unitCount - 1);
  });

  it('starts afresh, with a warning, from a damaged cache file', async () => {
    const file = await cacheFile();
    await new EmbeddingCache().save(file);
    await writeFile(file, 'not vectors');
    const { logger, lines } = capturingLogger();
    const encoder = new ConceptEncoder(SIZE_CONCEPT);
    const reranker = await SectionReranker.open(encoder, logger, file);
    expect(lines.some((line) => line.msg?.includes('embedding cache unreadable'))).toBe(true);
    await reranker.warm(index);
    expect((await EmbeddingCache.load(file)).size).toBe(index.unitCount);
  });

  it('keeps, when closed, the vectors it has not saved yet', async () => {
    const file = await cacheFile();
    const encoder = new ConceptEncoder(SIZE_CONCEPT);
    const reranker = await SectionReranker.open(encoder, silentLogger(), file, { depth: 5 });
    await reranker.rerank(index, TOO_BIG, search(index, TOO_BIG, { limit: 32 }));
    await reranker.close();
    expect(encoder.closed).toBe(true);
    expect((await EmbeddingCache.load(file)).size).toBe(Math.min(5, search(index, TOO_BIG, { limit: 32 }).hits.length));
  });

  it('ends a background pass quietly when closed while a batch is out', async () => {
    const encoder = new ConceptEncoder(SIZE_CONCEPT);
    let release = () => {};
    encoder.hold = new Promise((resolve) => (release = resolve));
    const reranker = new SectionReranker(encoder, new EmbeddingCache(), silentLogger());
    const pass = reranker.warm(index);
    await reranker.close();
    release();
    await expect(pass).resolves.toBeUndefined();
  });

  it('stops a background pass when a newer one starts', async () => {
    const encoder = new ConceptEncoder(SIZE_CONCEPT);
    const reranker = new SectionReranker(encoder, new EmbeddingCache(), silentLogger(), undefined, { batch: 4 });
    const first = reranker.warm(index);
    const second = reranker.warm(index);
    await Promise.all([first, second]);
    // The first pass stopped after the batch it had in flight; the second embedded every section.
    expect(encoder.embedded().length).toBe(index.unitCount + 4);
    expect(new Set(encoder.embedded()).size).toBe(index.unitCount);
  });
});
