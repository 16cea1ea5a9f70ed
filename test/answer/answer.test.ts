import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citationUrl, parseShortCitation, shortCitation } from '../../src/answer/citation.js';
import { openLore, type Lore } from '../../src/engine.js';
import type { Answer } from '../../src/types.js';

const BASE = 'https://git.example.com/acme/notes/blob/main/';
const knowledgeDir = fileURLToPath(new URL('../../knowledge', import.meta.url));
const NOT_FOUND = "I couldn't find";

let plain: Lore;
let linked: Lore;

beforeAll(async () => {
  plain = await openLore({ knowledgeDir });
  linked = await openLore({ knowledgeDir, knowledgeBaseUrl: BASE });
});

/** Asks both synchronously and through `ask`, which must agree and never throw. */
async function askBoth(lore: Lore, question: unknown): Promise<Answer> {
  const sync = lore.answer(question);
  const async = await lore.ask(question as string);
  expect(async).toEqual(sync);
  return sync;
}

describe('bad input gets a clear reply, never an exception', () => {
  it.each([
    ['empty', ''],
    ['only white space', ' \t\n\r\n  '],
    ['only null bytes', '\u0000\u0000\u0000'],
    ['only control characters and bidi overrides', '\u0007\u001b\u202e\u2066'],
  ])('%s → empty-question', async (_label, question) => {
    const answer = await askBoth(plain, question);
    expect(answer).toMatchObject({ question: '', found: false, reason: 'empty-question', citations: [], quote: [] });
    expect(answer.text).toContain(NOT_FOUND);
    expect(answer.text).toContain('does fargate support daemonsets?');
  });

  it.each([
    ['emoji only', '🚀🔥😀 👍🏽'],
    ['punctuation only', "*(|'!^=~"],
    ['symbols only', '$%&@#<>{}[]\\/'],
  ])('%s → no words to search for', async (_label, question) => {
    const answer = await askBoth(plain, question);
    expect(answer.found).toBe(false);
    expect(answer.reason).toBe('no-terms');
    expect(answer.text).toContain(NOT_FOUND);
    expect(answer.lookedFor).toEqual([]);
    expect(answer.citations).toEqual([]);
  });

  it.each([
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['an object', { question: 'does fargate support daemonsets?' }],
    ['an array', ['fargate']],
  ])('a non-string (%s) → empty-question', async (_label, question) => {
    const answer = await askBoth(plain, question as unknown);
    expect(answer).toMatchObject({ question: '', found: false, reason: 'empty-question' });
    expect(answer.text).toContain(NOT_FOUND);
  });

  it('caps a 10,000-character question and answers quickly', async () => {
    const question = 'why does the quarterly report generator time out '.repeat(250).slice(0, 10_000);
    expect(question.length).toBe(10_000);
    const started = performance.now();
    const answer = await askBoth(plain, question);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(answer.question.length).toBeLessThanOrEqual(2001);
    expect(answer.question.endsWith('…')).toBe(true);
    expect(typeof answer.text).toBe('string');
    expect(answer.text.length).toBeGreaterThan(0);
  });

  it('removes null bytes inside a real question and still answers it', async () => {
    const answer = await askBoth(plain, 'does\u0000fargate\u0000 support\u0000\u0000daemonsets?\u0000');
    expect(answer.question).not.toContain('\u0000');
    expect(answer.question).toBe('does fargate support daemonsets?');
    expect(answer.found).toBe(true);
    expect(answer.citations[0]?.file).toBe('aws-containers.md');
  });

  it.each([
    ['Arabic', 'هل يدعم فارجيت مجموعات البرامج الخفية؟'],
    ['Hebrew', 'האם פרגייט תומך בדימון סטים?'],
  ])('right-to-left text (%s) → not found, question kept as written', async (_label, question) => {
    const answer = await askBoth(plain, question);
    expect(answer.question).toBe(question);
    expect(answer.found).toBe(false);
    expect(answer.text).toContain(NOT_FOUND);
    expect(answer.lookedFor.length).toBeGreaterThan(0);
  });
});

describe('"I couldn\'t find" names the words no note uses', () => {
  it('lists the unknown ones among the words looked for', async () => {
    const answer = await askBoth(plain, 'what is the price of the nat gateway');
    expect(answer.found).toBe(false);
    expect(answer.text).toContain('I looked for: price, nat, gateway.');
    expect(answer.text).toContain('No note uses: nat, gateway.');
  });

  it('says so once when no word of the question is in the notes', async () => {
    expect((await askBoth(plain, 'frobnicate xylqorp')).text).toMatch(/I looked for: frobnicate, xylqorp\. No note uses any of these words\.$/);
    expect((await askBoth(plain, 'zqxvbt')).text).toMatch(/I looked for: zqxvbt\. No note uses that word\.$/);
  });

  it('adds nothing when every word is in the notes, only spread over different sections', async () => {
    const answer = await askBoth(plain, 'nexus kubelet stateful ami enis');
    expect(answer.found).toBe(false);
    expect(answer.text).toMatch(/I looked for: nexus, kubelet, stateful, ami, enis\.$/);
  });
});

describe('a question that asks for a link', () => {
  it('asking for a link, is answered by a web address, not by a line that names the place', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lore-link-'));
    await writeFile(join(dir, 'airbyte.md'), '# Airbyte\n\n- Airbyte is upgraded once a quarter, after testing on the staging instance.\n');
    const unanswered = await askBoth(await openLore({ knowledgeDir: dir }), 'url of the airbyte staging instance');
    expect(unanswered.found).toBe(false);
    expect(unanswered.text).toContain("I couldn't find a link for that in the notes.");
    expect(unanswered.citations[0]?.file).toBe('airbyte.md');
    await writeFile(join(dir, 'links.md'), '# Links\n\n- Airbyte staging instance: https://airbyte.staging.example.internal\n');
    expect((await askBoth(await openLore({ knowledgeDir: dir }), 'url of the airbyte staging instance')).quote.join('\n')).toContain('https://airbyte.staging.example.internal');
    await rm(dir, { recursive: true, force: true });
  });

  it('is answered by the note asked for, whose citation is the link, or by a link to another note', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lore-note-link-'));
    await writeFile(join(dir, 'index.md'), '# Runbooks\n\n- Deploys: [the deploy runbook](runbooks/deploy.md)\n');
    await mkdir(join(dir, 'runbooks'));
    await writeFile(join(dir, 'runbooks', 'deploy.md'), '# Deploy runbook\n\nRun `make deploy` from main.\n');
    const answer = await askBoth(await openLore({ knowledgeDir: dir }), "what's the link to the deploy runbook");
    expect(answer.found).toBe(true);
    expect(answer.citations[0]?.file).toBe('runbooks/deploy.md');
    expect((await askBoth(await openLore({ knowledgeDir: dir }), 'link for deploys')).quote.join('\n')).toContain('(runbooks/deploy.md)');
    await rm(dir, { recursive: true, force: true });
  });
});

describe('citations', () => {
  const question = 'does fargate support daemonsets?';

  it('link to `<base><file>?plain=1#L<start>-L<end>` when a knowledge base URL is set (a /blob/ host: Markdown shown as source)', () => {
    const answer = linked.answer(question);
    expect(answer.found).toBe(true);
    expect(answer.citations.length).toBeGreaterThan(0);
    for (const c of answer.citations) expect(c.url).toBe(`${BASE}${c.file}?plain=1#L${c.startLine}-L${c.endLine}`);
  });

  it.each([
    ['https://github.com/acme/notes/blob/{commit}/', 'a/b.md', 'abc123', 'https://github.com/acme/notes/blob/abc123/a/b.md?plain=1#L3-L9'],
    ['https://github.com/acme/notes/blob/{commit}/', 'a/b.md', undefined, 'https://github.com/acme/notes/blob/HEAD/a/b.md?plain=1#L3-L9'],
    ['https://gitlab.example.com/acme/notes/-/blob/main/', 'b.markdown', undefined, 'https://gitlab.example.com/acme/notes/-/blob/main/b.markdown?plain=1#L3-L9'],
    ['https://github.com/acme/notes/blob/main/', 'notes.txt', 'abc123', 'https://github.com/acme/notes/blob/main/notes.txt#L3-L9'],
    ['https://wiki.example.com/raw/', 'b.md', 'abc123', 'https://wiki.example.com/raw/b.md#L3-L9'],
  ])('link from %s for %s at commit %s', (base, file, commit, expected) => {
    expect(citationUrl(base, { file, startLine: 3, endLine: 9 }, commit)).toBe(expected);
  });

  it('have no url when none is set', () => {
    const answer = plain.answer(question);
    expect(answer.found).toBe(true);
    for (const c of answer.citations) expect(c).not.toHaveProperty('url');
  });

  it('are the same lines with and without a url', () => {
    const strip = (a: Answer) => a.citations.map(({ url: _url, ...rest }) => rest);
    expect(strip(linked.answer(question))).toEqual(strip(plain.answer(question)));
  });

  it('quote lines that are in the cited range of the note', async () => {
    const { readFile } = await import('node:fs/promises');
    const lines = (await readFile(join(knowledgeDir, 'aws-containers.md'), 'utf8')).split('\n');
    const answer = plain.answer(question);
    const first = answer.citations[0];
    expect(first).toBeDefined();
    const cited = lines.slice((first?.startLine ?? 1) - 1, first?.endLine).map((line) => line.trim());
    for (const quoted of answer.quote) expect(cited).toContain(quoted.trim());
  });

  it.each([1, 2, 3])('`top: %i` caps the number of citations', (top) => {
    const answer = plain.answer('ECS EC2 worker nodes docker runtime ECS agent', { top });
    expect(answer.found).toBe(true);
    expect(answer.citations.length).toBeGreaterThanOrEqual(1);
    expect(answer.citations.length).toBeLessThanOrEqual(top);
  });

  it('`top` out of range is clamped, not an error', () => {
    expect(plain.answer('fargate', { top: 0 }).citations.length).toBeLessThanOrEqual(1);
    expect(plain.answer('fargate', { top: -5 }).citations.length).toBeLessThanOrEqual(1);
    expect(plain.answer('fargate', { top: Number.NaN }).citations.length).toBeLessThanOrEqual(10);
    expect(plain.answer('fargate', { top: 1e9 }).citations.length).toBeLessThanOrEqual(10);
  });
});

describe('follow-up questions', () => {
  it('fills in "and on EKS?" from the previous question', () => {
    const alone = plain.answer('and on EKS?');
    const followUp = plain.answer('and on EKS?', { previousQuestion: 'does fargate support daemonsets?' });
    expect(followUp.found).toBe(true);
    expect(followUp.citations[0]?.file).toBe('aws-containers.md');
    // The follow-up is about fargate on EKS: its first citation should mention fargate, unlike a bare "EKS".
    expect(followUp.citations[0]?.snippet.toLowerCase()).toMatch(/fargate/);
    expect(alone.question).toBe('and on EKS?');
  });

  it('says which earlier question a follow-up was read with, and reads a question of its own without one', () => {
    const previousQuestion = 'does fargate support daemonsets?';
    expect(plain.answer('and on EKS?', { previousQuestion }).readWith).toBe(previousQuestion);
    expect(plain.answer('who manages the ecs control plane', { previousQuestion }).readWith).toBeUndefined();
    expect(plain.answer('and on EKS?').readWith).toBeUndefined();
  });
});

describe('folders', () => {
  let dir: string;
  let lore: Lore;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lore-folders-'));
    const note = (team: string) => `# Rollback\n\nThe ${team} rollback procedure: run the rollback job, then tell the channel.\n`;
    for (const [path, text] of [
      ['team-a/deploy.md', note('team A')],
      ['team-b/deploy.md', note('team B')],
      ['team-b/nested/more.md', note('nested team B')],
      ['team-ab/deploy.md', note('team AB')],
      ['my notes/x y.md', note('spaced')],
    ] as const) {
      await mkdir(join(dir, path, '..'), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    lore = await openLore({ knowledgeDir: dir, knowledgeBaseUrl: BASE });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('without folders, cites across the whole knowledge', () => {
    const answer = lore.answer('rollback procedure', { top: 10 });
    expect(answer.found).toBe(true);
    expect(new Set(answer.citations.map((c) => c.file.split('/')[0])).size).toBeGreaterThan(1);
  });

  it.each([
    [['team-a'], ['team-a/deploy.md']],
    [['team-b'], ['team-b/deploy.md', 'team-b/nested/more.md']],
    [['team-b/nested'], ['team-b/nested/more.md']],
    [['./team-a/'], ['team-a/deploy.md']],
    [['team-a', 'team-ab'], ['team-a/deploy.md', 'team-ab/deploy.md']],
  ])('folders %j limit citations to %j', (folders, allowed) => {
    const answer = lore.answer('rollback procedure', { folders, top: 10 });
    expect(answer.found).toBe(true);
    expect(answer.citations.length).toBeGreaterThan(0);
    for (const c of answer.citations) expect(allowed).toContain(c.file);
  });

  it('a folder that does not exist finds nothing', () => {
    const answer = lore.answer('rollback procedure', { folders: ['team-z'] });
    expect(answer.found).toBe(false);
    expect(answer.text).toContain(NOT_FOUND);
    expect(answer.citations).toEqual([]);
  });

  it('encodes spaces of paths in citation urls', () => {
    const answer = lore.answer('spaced rollback procedure', { folders: ['my notes'] });
    expect(answer.found).toBe(true);
    expect(answer.citations[0]?.url).toBe(`${BASE}my%20notes/x%20y.md?plain=1#L3-L3`);
  });
});

describe('short citations', () => {
  it('writes and reads back file:start-end, colons in the path included', () => {
    const cited = { file: 'ops/c:drive/db.md', startLine: 4, endLine: 9 };
    expect(shortCitation(cited)).toBe('ops/c:drive/db.md:4-9');
    expect(parseShortCitation(shortCitation(cited))).toEqual(cited);
    expect(parseShortCitation('ops/db.md')).toBeUndefined();
  });
});
