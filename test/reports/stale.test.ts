import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedbackStore } from '../../src/store/store.js';
import { runInProcess } from '../cli/helpers.js';
import { createRemote, git, type TestRemote } from '../source/git-repos.js';
import { STORES, useStore } from '../store/backends.js';
import { DAY, note, question } from '../store/helpers.js';

const LINES = (title: string) => `# ${title}\n\n${Array.from({ length: 8 }, (_, i) => `Line ${i + 1} of ${title}.`).join('\n')}\n`;

let remote: TestRemote;
let db: string;
beforeEach(async () => {
  const now = Date.now();
  remote = createRemote({ 'old.md': LINES('Old') }, '2022-01-01T00:00:00Z');
  remote.commit({ 'fresh.md': LINES('Fresh') }, 'fresh', { date: new Date(now - 5 * DAY).toISOString() });
  db = join(remote.root, 'data', 'lore.db');
  const store = await FeedbackStore.open(db);
  for (let i = 0; i < 5; i++) await store.recordQuestion(question({ question: `fresh ${i}`, at: now - DAY, notes: [note('fresh.md', 3, 5)] }));
  await store.recordQuestion(question({ question: 'old a', at: now - 2 * DAY, notes: [note('old.md', 3, 4), note('old.md', 7, 9)] }));
  await store.recordQuestion(question({ question: 'old b', at: now - 3 * DAY, notes: [note('old.md', 3, 4)] }));
  await store.recordQuestion(question({ question: 'old c', at: now - 4 * DAY, notes: [note('old.md', 3, 4), note('gone.md', 1, 2)] }));
  await store.recordQuestion(question({ question: 'long ago', at: now - 60 * DAY, notes: [note('fresh.md', 1, 2)] }));
  await store.recordQuestion(question({ question: 'unanswered', at: now - DAY, found: false, notes: [note('old.md', 1, 2)] }));
  await store.close();
});
afterEach(() => remote.cleanup());

describe('lore stale', () => {
  it('lists the cited notes, most cited and longest unchanged first, with --json', async () => {
    const { code, stdout } = await runInProcess(['stale', '--json'], { env: { KNOWLEDGE_DIR: remote.work, LORE_DB: db } });
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { notes: { file: string; times: number; startLine: number; changed: string; stale: boolean }[] };
    expect(report.notes.map((n) => n.file)).toEqual(['old.md', 'fresh.md']);
    expect(report.notes[0]).toMatchObject({ file: 'old.md', times: 3, changed: '2022-01-01T00:00:00.000Z', stale: true });
    expect(report.notes[1]).toMatchObject({ file: 'fresh.md', times: 5, startLine: 3, stale: false });
  });

  it('prints the list for a person', async () => {
    const { code, stdout } = await runInProcess(['stale'], { env: { KNOWLEDGE_DIR: remote.work, LORE_DB: db, STALE_AFTER_DAYS: '1000' } });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Notes worth a review: cited since \d{4}-\d\d-\d\d/);
    expect(stdout).toMatch(/1\. old\.md\n\s+cited 3×; L3–4 updated \d+ years ago \(2022-01-01\), older than STALE_AFTER_DAYS/);
    expect(stdout).toMatch(/2\. fresh\.md\n\s+cited 5×; L3–5 updated 5 days ago/);
  });

  it('says why when the notes are not in git', async () => {
    const plain = join(remote.root, 'plain');
    mkdirSync(plain);
    writeFileSync(join(plain, 'a.md'), '# A\n');
    const { code, stderr } = await runInProcess(['stale'], { env: { KNOWLEDGE_DIR: plain, LORE_DB: db } });
    expect(code).toBe(1);
    expect(stderr).toMatch(/is not in a git repository, so its lines have no dates/);
  });
});

describe.each(STORES)('lore stale on %s dates the lines as they were cited', (kind) => {
  const backend = useStore(kind);

  it('blames the recorded range at its recorded commit, and today’s file when that commit is gone or unrecorded', async () => {
    const now = Date.now();
    const location = await backend.location();
    const cited = git(remote.work, ['rev-parse', 'HEAD']).trim();
    // Four new lines on top: today's lines 3-5 of old.md are new, the cited ones moved down to 7-9.
    const moved = new Date(now - 2 * DAY).toISOString();
    remote.commit({ 'old.md': `# Old\n\nNew 1.\nNew 2.\nNew 3.\nNew 4.\n${LINES('Old').split('\n').slice(2).join('\n')}`, 'fresh.md': `${LINES('Fresh')}More.\n` }, 'moved', { date: moved });
    const store = await FeedbackStore.open(location);
    await store.recordQuestion(question({ question: 'old lines', at: now - DAY, notes: [{ ...note('old.md', 3, 5), commit: cited }] }));
    await store.recordQuestion(question({ question: 'rewritten away', at: now - DAY, notes: [{ ...note('fresh.md', 3, 5), commit: 'f'.repeat(40) }] }));
    await store.close();

    const { code, stdout } = await runInProcess(['stale', '--json'], { env: { KNOWLEDGE_DIR: remote.work, LORE_DB: location } });
    expect(code).toBe(0);
    const notes = (JSON.parse(stdout) as { notes: Record<string, unknown>[] }).notes;
    expect(notes.find((n) => n.file === 'old.md')).toEqual({ file: 'old.md', times: 1, startLine: 3, endLine: 5, commit: cited, changed: '2022-01-01T00:00:00.000Z', stale: true });
    // Today's lines 3-5 of fresh.md date from the commit that added the file, five days ago.
    const added = new Date(Number(git(remote.work, ['show', '-s', '--format=%ct', cited]).trim()) * 1000).toISOString();
    expect(notes.find((n) => n.file === 'fresh.md')).toEqual({ file: 'fresh.md', times: 1, startLine: 3, endLine: 5, changed: added, stale: false });

    // For a person: the commit the lines were dated at, where there is one.
    const text = (await runInProcess(['stale'], { env: { KNOWLEDGE_DIR: remote.work, LORE_DB: location } })).stdout;
    expect(text).toMatch(new RegExp(`old\\.md\\n\\s+cited 1×; L3–5 at ${cited.slice(0, 7)} updated`));
    expect(text).toMatch(/fresh\.md\n\s+cited 1×; L3–5 updated/);
  });
});
