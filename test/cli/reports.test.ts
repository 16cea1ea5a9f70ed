import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedbackStore } from '../../src/store/store.js';
import { DAY, note, question, tempDir } from '../store/helpers.js';
import { runInProcess } from './helpers.js';

let temp: ReturnType<typeof tempDir>;
beforeEach(async () => {
  temp = tempDir();
  const store = await FeedbackStore.open(temp.path);
  const now = Date.now();
  await store.recordQuestion(question({ question: 'how do I rotate the db password?', at: now - DAY, found: false, reason: 'no-match', notes: [note('security.md')] }));
  await store.recordQuestion(question({ question: 'rotating db passwords', at: now - 2 * DAY, found: false, reason: 'no-match' }));
  await store.recordQuestion(question({ question: 'is the ECS control plane free?', at: now - 3 * DAY, notes: [note('aws-containers.md', 40, 41)] }));
  await store.recordQuestion(question({ question: 'where is the vpn?', at: now - 20 * DAY, found: false, reason: 'no-match' }));
  await store.recordVote({ platform: 'slack', userId: 'U1', vote: 'down', question: 'is the ECS control plane free?' }, now - 3 * DAY);
  await store.close();
});
afterEach(() => temp.cleanup());

const env = () => ({ LORE_DB: temp.path });

describe('lore gaps', () => {
  it('prints the grouped gaps of the last 30 days, most asked first', async () => {
    const { code, stdout } = await runInProcess(['gaps'], { env: env() });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Knowledge gaps since \d{4}-\d\d-\d\d: 3 questions/);
    expect(stdout).toMatch(/\n1\. how do I rotate the db password\?\n\s+2 times: 2 unanswered/);
    expect(stdout).toContain('also asked as: "rotating db passwords"');
    expect(stdout).toContain('closest notes: security.md (1×)');
  });

  it('--since narrows the window and --json prints the report as data', async () => {
    const { code, stdout } = await runInProcess(['gaps', '--since', '36h', '--json'], { env: env() });
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { since: string; gaps: { question: string; count: number; lastAt: string }[] };
    expect(report.gaps).toEqual([expect.objectContaining({ question: 'how do I rotate the db password?', count: 1 })]);
    expect(Date.parse(report.since)).toBeGreaterThan(Date.now() - 37 * 60 * 60 * 1000);
  });

  it('reports nothing (without creating a database) when nothing was recorded yet', async () => {
    const missing = `${temp.dir}/elsewhere/lore.db`;
    const { code, stdout, stderr } = await runInProcess(['gaps'], { env: { LORE_DB: missing } });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^No knowledge gaps/);
    expect(stderr).toContain(`nothing recorded yet at ${missing}`);
    expect(existsSync(missing)).toBe(false);
  });

  it('says so when recording is off', async () => {
    const { code, stderr } = await runInProcess(['gaps'], { env: { LORE_DB: 'off' } });
    expect(code).toBe(1);
    expect(stderr).toMatch(/LORE_DB is off/);
  });

  it.each([
    [['gaps', '--since', '30'], /--since must be a number then h, d or w/],
    [['gaps', '--since', '1m'], /--since must be/],
    [['ask', '--since', '30d', 'hi'], /--since goes with "gaps", "stats" or "stale"/],
    [['gaps', 'extra'], /takes no arguments/],
  ])('rejects %j', async (argv, message) => {
    const { code, stderr } = await runInProcess(argv, { env: env() });
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});

describe('lore stats', () => {
  it('prints questions, share answered, votes, most cited and never cited notes (JSON)', async () => {
    const knowledge = `${temp.dir}/notes`;
    mkdirSync(`${knowledge}/ops`, { recursive: true });
    for (const file of ['aws-containers.md', 'ops/vpn.md', 'ops/db.md']) writeFileSync(`${knowledge}/${file}`, '# Note\n\nSome text.\n');
    const { code, stdout } = await runInProcess(['stats', '--json'], { env: { ...env(), KNOWLEDGE_DIR: knowledge } });
    expect(code).toBe(0);
    const stats = JSON.parse(stdout) as { questions: number; answered: number; votes: { up: number; down: number }; mostCited: unknown[]; neverCited: string[]; perSurface: unknown[] };
    expect(stats).toMatchObject({ questions: 4, answered: 1, votes: { up: 0, down: 1 } });
    expect(stats.mostCited).toEqual([{ file: 'aws-containers.md', times: 1 }]);
    expect(stats.perSurface).toEqual([{ platform: 'slack', surface: 'slash', questions: 4, answered: 1 }]);
    expect(stats.neverCited).toEqual(['ops/db.md', 'ops/vpn.md']);
  });

  it('prints a readable summary', async () => {
    const { code, stdout } = await runInProcess(['stats', '--since', '2w'], { env: env() });
    expect(code).toBe(0);
    expect(stdout).toContain('Questions: 3, answered 1 (33%)');
    expect(stdout).toContain('Votes: 👍 0 · 👎 1 (0% helpful)');
    expect(stdout).toMatch(/Most cited notes:\n\s+aws-containers\.md\s+1/);
  });
});

describe('lore serve', () => {
  it('records the questions it answers in LORE_DB, and they show up in lore gaps', async () => {
    const path = `${temp.dir}/served/lore.db`;
    const served = await runInProcess(['serve'], { stdin: 'does fargate support daemonsets?\nhow do I bake sourdough bread?\n', env: { LORE_DB: path } });
    expect(served.code).toBe(0);
    const store = await FeedbackStore.open(path);
    const rows = await store.sql.all('SELECT platform, surface, question, found, top_file FROM questions ORDER BY id');
    await store.close();
    expect(rows).toEqual([
      { platform: 'terminal', surface: 'terminal', question: 'does fargate support daemonsets?', found: 1, top_file: 'aws-containers.md' },
      expect.objectContaining({ question: 'how do I bake sourdough bread?', found: 0 }),
    ]);
    const { stdout } = await runInProcess(['gaps', '--json'], { env: { LORE_DB: path } });
    expect((JSON.parse(stdout) as { gaps: { question: string }[] }).gaps.map((gap) => gap.question)).toEqual(['how do I bake sourdough bread?']);
  });
});
