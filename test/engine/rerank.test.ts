import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openLore } from '../../src/engine.js';
import { capturingLogger } from '../capturing-logger.js';
import { ConceptEncoder } from '../rerank/concept-encoder.js';
import { BUNDLE_NOTES, SIZE_CONCEPT, TOO_BIG } from '../rerank/notes.js';
import { tempFolders } from '../rerank/temp-folders.js';

describe('ask with re-ranking by a sentence encoder', () => {
  const folder = tempFolders('lore-rerank-');
  let dir: string;
  beforeEach(async () => {
    dir = await folder(BUNDLE_NOTES);
  });

  it('answers from the section the encoder puts first; the synchronous answer stays lexical', async () => {
    const encoder = new ConceptEncoder(SIZE_CONCEPT);
    const lore = await openLore({ knowledgeDir: dir, rerank: 'encoder', encoder });
    expect(lore.answer(TOO_BIG).citations[0]?.file).toBe('bundle-limits.md');
    const answer = await lore.ask(TOO_BIG);
    expect(answer.citations[0]?.file).toBe('trimming.md');
    expect(answer.text).toMatch(/grows too large/);
    expect(answer.citations.map((citation) => citation.file)).toContain('bundle-limits.md');
    await lore.close();
    expect(encoder.closed).toBe(true);
  });

  it('changes which answer is given, never whether one is', async () => {
    const lore = await openLore({ knowledgeDir: dir, rerank: 'encoder', encoder: new ConceptEncoder(SIZE_CONCEPT) });
    const questions = [TOO_BIG, 'operator bundle', 'is a huge garden too big?', 'large roses', 'configMap size limit for a helm chart', 'garden 12 water', 'bundle CRD api big docs'];
    const found = await Promise.all(questions.map(async (question) => [(await lore.ask(question)).found, lore.answer(question).found]));
    for (const [reranked, lexical] of found) expect(reranked).toBe(lexical);
    expect(found.some(([reranked]) => reranked)).toBe(true);
    expect(found.some(([reranked]) => !reranked)).toBe(true);
  });

  it('is off unless asked for', async () => {
    const encoder = new ConceptEncoder(SIZE_CONCEPT);
    const lore = await openLore({ knowledgeDir: dir, encoder });
    expect((await lore.ask(TOO_BIG)).citations[0]?.file).toBe('bundle-limits.md');
    expect(encoder.calls).toEqual([]);
  });

  it('embeds every section in the background, and the sections of an edited note again', async () => {
    const encoder = new ConceptEncoder(SIZE_CONCEPT);
    const lore = await openLore({ knowledgeDir: dir, rerank: 'encoder', encoder });
    await lore.rerankReady();
    const sections = Object.keys(BUNDLE_NOTES).length;
    expect(new Set(encoder.embedded()).size).toBe(sections);
    await writeFile(join(dir, 'trimming.md'), '# Trimming\n\nA huge operator bundle: drop old CRD versions.\n');
    expect(await lore.applyChanges({ changed: ['trimming.md'], removed: [] })).toBe(true);
    await lore.rerankReady();
    expect(encoder.embedded().filter((text) => text.includes('A huge operator bundle'))).toHaveLength(1);
    expect(new Set(encoder.embedded()).size).toBe(sections + 1);
  });

  it('reads a follow-up together with the question before it, as the search does', async () => {
    const encoder = new ConceptEncoder(SIZE_CONCEPT);
    const lore = await openLore({ knowledgeDir: dir, rerank: 'encoder', encoder });
    await lore.rerankReady();
    await lore.ask('and the configMap?', { previousQuestion: TOO_BIG });
    await lore.ask('how big may an operator bundle be?', { previousQuestion: TOO_BIG });
    const questions = encoder.calls.filter((call) => call.urgent).map((call) => call.texts[0]);
    expect(questions).toEqual([`${TOO_BIG} and the configMap?`, 'how big may an operator bundle be?']);
  });

  it('answers without re-ranking, and says so in the log, when the encoder fails', async () => {
    const encoder = new ConceptEncoder(SIZE_CONCEPT);
    const { logger, lines } = capturingLogger();
    const lore = await openLore({ knowledgeDir: dir, rerank: 'encoder', encoder, logger });
    await lore.rerankReady();
    encoder.failWith = new Error('out of memory');
    const answer = await lore.ask(TOO_BIG);
    expect(answer.found).toBe(true);
    expect(answer.citations[0]?.file).toBe('bundle-limits.md');
    expect(lines.some((line) => line.level === 40 && line.msg?.includes('answered without re-ranking'))).toBe(true);
  });

  it('shuts down in the middle of the background pass without a warning', async () => {
    const encoder = new ConceptEncoder(SIZE_CONCEPT);
    let release = () => {};
    encoder.hold = new Promise((resolve) => (release = resolve));
    const { logger, lines } = capturingLogger();
    const lore = await openLore({ knowledgeDir: dir, rerank: 'encoder', encoder, logger });
    await lore.close();
    release();
    await lore.rerankReady();
    expect(lines.filter((line) => line.level >= 40)).toEqual([]);
  });

  it('keeps serving when the background pass fails', async () => {
    const encoder = new ConceptEncoder(SIZE_CONCEPT);
    encoder.failWith = new Error('worker gone');
    const { logger, lines } = capturingLogger();
    const lore = await openLore({ knowledgeDir: dir, rerank: 'encoder', encoder, logger });
    await lore.rerankReady();
    expect(lines.some((line) => line.level === 40 && line.msg?.includes('sections not embedded'))).toBe(true);
    expect((await lore.ask(TOO_BIG)).found).toBe(true);
  });
});
