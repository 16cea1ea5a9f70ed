import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLore } from '../../src/engine.js';
import { cosine, type SentenceEncoder } from '../../src/rerank/sentence-encoder.js';
import { openUseEncoder } from '../../src/rerank/use-encoder.js';
import { PASSWORD_NOTES, RESET } from './notes.js';
import { tempFolders } from './temp-folders.js';

// The real Universal Sentence Encoder, from the installed packages, in its worker thread.
describe('the Universal Sentence Encoder', () => {
  let encoder: SentenceEncoder;
  beforeAll(async () => {
    encoder = await openUseEncoder();
  }, 60_000);
  afterAll(async () => {
    await encoder.close();
  });

  it('puts a question nearer the text that answers it than unrelated text', async () => {
    const [question, answer, cafeteria, pipeline] = await encoder.embed([
      'How do I reset my password?',
      'To change a forgotten password, open the sign-in page and choose "Forgot password".',
      'The cafeteria on the second floor opens at noon.',
      'Our build pipeline runs on every pull request.',
    ]);
    expect(question).toHaveLength(512);
    const near = cosine(question!, answer!);
    expect(near).toBeGreaterThan(cosine(question!, cafeteria!) + 0.2);
    expect(near).toBeGreaterThan(cosine(question!, pipeline!) + 0.2);
  });

  it('serves a question before background work queued earlier', async () => {
    const finished: string[] = [];
    const section = (i: number) => `Section ${i}: the garden needs water and light; prune the roses every spring.`;
    const background = [0, 1, 2].map((i) => encoder.embed([section(i), section(i + 10)]).then(() => finished.push(`background ${i}`)));
    const question = encoder.embed(['when do we prune the roses?'], { urgent: true }).then(() => finished.push('question'));
    await Promise.all([...background, question]);
    // The first background request was already running; the question went next.
    expect(finished).toEqual(['background 0', 'question', 'background 1', 'background 2']);
  });

  it('answers an empty request without the worker', async () => {
    expect(await encoder.embed([])).toEqual([]);
  });
});

describe('the Universal Sentence Encoder once closed', () => {
  it('refuses further work with a clear error', async () => {
    const encoder = await openUseEncoder();
    const pending = expect(encoder.embed(['a section that will not be embedded'])).rejects.toThrow(/sentence encoder was closed/);
    await encoder.close();
    await pending;
    await expect(encoder.embed(['too late'])).rejects.toThrow(/sentence encoder was closed/);
  }, 60_000);
});

describe('ask with the real encoder', () => {
  const folder = tempFolders('lore-use-');

  it('quotes the section nearest in meaning, of those that hold the words', async () => {
    const lore = await openLore({ knowledgeDir: await folder(PASSWORD_NOTES), rerank: 'encoder' });
    try {
      expect(lore.answer(RESET).citations[0]?.file).toBe('release-notes.md');
      const answer = await lore.ask(RESET);
      expect(answer.found).toBe(true);
      expect(answer.citations[0]?.file).toBe('sign-in-help.md');
      expect(answer.text).toMatch(/Forgot password/);
    } finally {
      await lore.close();
    }
  }, 60_000);
});
