import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openFeedback } from '../../src/store/feedback.js';
import { createRecordingService, type RecordingService } from '../../src/store/recording-service.js';
import { FeedbackStore } from '../../src/store/store.js';
import type { Answer } from '../../src/types.js';
import { STORES, useStore } from './backends.js';
import { DAY, NOW, TableService, capturingLogger, question, tempDir } from './helpers.js';

const slack = { platform: 'slack', surface: 'slash', userId: 'U1', channelId: 'C1' } as const;

describe.each(STORES)('createRecordingService on %s', (kind) => {
  const backend = useStore(kind);
  let service: RecordingService | undefined;
  afterEach(async () => {
    await service?.close();
    service = undefined;
  });

  async function start(now = () => NOW) {
    const store = await FeedbackStore.open(await backend.location());
    const { logger, lines } = capturingLogger();
    service = createRecordingService(new TableService({ 'roll back?': 'ops/deploys.md' }), { store, logger, retentionDays: 90, now });
    return { store, service, lines };
  }

  it('keeps what each shown answer was about, by its id, for a store opened again after a restart', async () => {
    const location = await backend.location();
    const first = createRecordingService(new TableService({}), { store: await FeedbackStore.open(location), logger: capturingLogger().logger, retentionDays: 90, now: () => NOW });
    first.answers.save('0123456789abcdef', { question: 'roll back?', citation: 'ops/deploys.md:4-9' });
    first.answers.save('fedcba9876543210', { question: 'no citation?' });
    // A click can come before the queued write: finding flushes first.
    expect(await first.answers.find('fedcba9876543210')).toEqual({ question: 'no citation?' });
    await first.close();
    service = createRecordingService(new TableService({}), { store: await FeedbackStore.open(location), logger: capturingLogger().logger, retentionDays: 90, now: () => NOW + DAY });
    expect(await service.answers.find('0123456789abcdef')).toEqual({ question: 'roll back?', citation: 'ops/deploys.md:4-9' });
    expect(await service.answers.find('0000000000000000')).toBeUndefined();
    // Shown answers leave with the questions, after the retention period.
    await service.store().prune(90, NOW + 91 * DAY);
    expect(await service.answers.find('0123456789abcdef')).toBeUndefined();
  });

  it('records each answered question after handing the answer back, with asker, result, top citation and latency', async () => {
    const { store, service } = await start();
    const answer = await service.ask('roll back?', { asker: slack });
    expect(answer.found).toBe(true);
    expect(await store.sql.get('SELECT COUNT(*) AS n FROM questions')).toEqual({ n: 0 });
    await service.ask('where is the vpn?', { asker: { platform: 'discord', surface: 'mention', userId: 'D1' } });
    await service.flush();
    expect(await store.sql.all('SELECT platform, surface, channel_id, question, found, reason, top_file, score FROM questions ORDER BY id')).toEqual([
      { platform: 'slack', surface: 'slash', channel_id: 'C1', question: 'roll back?', found: 1, reason: null, top_file: 'ops/deploys.md', score: 2.5 },
      { platform: 'discord', surface: 'mention', channel_id: null, question: 'where is the vpn?', found: 0, reason: 'no-match', top_file: 'nearby.md', score: 2.5 },
    ]);
    const latency = await store.sql.all<{ ms: number }>('SELECT latency_ms AS ms FROM questions');
    for (const row of latency) expect(row.ms).toBeGreaterThanOrEqual(0);
    expect(service.counts()).toMatchObject({ queued: 0, dropped: 0, waiting: false });
  });

  it('records the commit each citation was pinned to, when it has one', async () => {
    const { store } = await start();
    const inner = new TableService({ 'roll back?': 'ops/deploys.md' });
    const sha = 'c'.repeat(40);
    const pinned = createRecordingService(
      {
        ...inner,
        ask: async (q: string): Promise<Answer> => {
          const answer = await inner.ask(q);
          const [best] = answer.citations;
          return best ? { ...answer, citations: [{ ...best, commit: sha }, { ...best, file: 'edited.md' }] } : answer;
        },
        examples: () => [],
        suggest: () => [],
        stats: () => inner.stats(),
      },
      { store, logger: capturingLogger().logger, retentionDays: 90 },
    );
    await pinned.ask('roll back?', { asker: slack });
    await pinned.flush();
    expect(await store.sql.all('SELECT file, commit_sha FROM question_notes ORDER BY rank')).toEqual([
      { file: 'ops/deploys.md', commit_sha: sha },
      { file: 'edited.md', commit_sha: null },
    ]);
  });

  it('does not record refusals or empty questions', async () => {
    const { store, service } = await start();
    const inner = new TableService();
    const refusing = createRecordingService(
      { ...inner, ask: async (q: string): Promise<Answer> => ({ ...(await inner.ask(q)), reason: 'rate-limited', citations: [] }), examples: () => [], suggest: () => [], stats: () => inner.stats() },
      { store, logger: capturingLogger().logger, retentionDays: 90 },
    );
    await refusing.ask('too many?', { asker: slack });
    await refusing.flush();
    await service.ask('roll back?', { asker: slack });
    await service.flush();
    expect(await store.sql.all('SELECT question FROM questions')).toEqual([{ question: 'roll back?' }]);
  });

  it('links a vote to the question it answered', async () => {
    const { store, service } = await start();
    await service.ask('roll back?', { asker: slack });
    service.recordVote({ platform: 'slack', userId: 'U1', vote: 'down', question: 'roll back?', citation: 'ops/deploys.md:3-7', channelId: 'C1' });
    await service.flush();
    expect(await store.sql.all('SELECT v.vote, q.question FROM votes v JOIN questions q ON q.id = v.question_id')).toEqual([{ vote: 'down', question: 'roll back?' }]);
  });

  it('keeps answering when the database goes away, and warns once', async () => {
    const { store, service, lines } = await start();
    await store.sql.close();
    for (const q of ['roll back?', 'where is the vpn?']) {
      await expect(service.ask(q, { asker: slack })).resolves.toMatchObject({ question: q });
      service.recordVote({ platform: 'slack', userId: 'U1', vote: 'up', question: q });
      await service.flush();
    }
    expect(lines.filter((line) => line.level === 40)).toEqual([expect.objectContaining({ msg: expect.stringMatching(/answers still go out/) })]);
  });

  it('prunes rows past the retention period when it starts', async () => {
    const store = await FeedbackStore.open(await backend.location());
    await store.recordQuestion(question({ question: 'ancient', at: NOW - 100 * DAY }));
    await store.recordQuestion(question({ question: 'recent', at: NOW - DAY }));
    service = createRecordingService(new TableService(), { store, logger: capturingLogger().logger, retentionDays: 90, now: () => NOW });
    await service.flush();
    expect(await store.sql.all('SELECT question FROM questions')).toEqual([{ question: 'recent' }]);
  });

  it('serves the top gaps of the last 30 days in one channel, including questions still queued', async () => {
    const location = await backend.location();
    const feedback = await openFeedback(kind === 'sqlite' ? { path: location, retentionDays: 90 } : { url: location, retentionDays: 90 }, capturingLogger().logger, () => NOW);
    expect(feedback?.shared !== undefined).toBe(kind === 'postgres');
    const recorder = feedback?.record(new TableService());
    await recorder?.ask('where is the vpn?', { asker: slack });
    await recorder?.ask('where is the VPN', { asker: slack });
    await recorder?.ask('who approves the payroll run?', { asker: { ...slack, channelId: 'CFINANCE' } });
    const gaps = await feedback?.reports.gaps(10, { platform: 'slack', channelId: slack.channelId ?? '' });
    expect(gaps).toEqual([expect.objectContaining({ question: 'where is the VPN', count: 2, unanswered: 2 })]);
    expect(await feedback?.reports.gaps(10, { platform: 'slack', channelId: 'CFINANCE' })).toEqual([expect.objectContaining({ question: 'who approves the payroll run?' })]);
    expect(await feedback?.reports.gaps(10, { platform: 'discord', channelId: slack.channelId ?? '' })).toEqual([]);
    expect(feedback?.counts().writes).toMatchObject({ written: 4, dropped: 0 });
    await feedback?.close();
  });
});

describe('openFeedback', () => {
  let temp: ReturnType<typeof tempDir>;
  afterEach(() => temp.cleanup());

  it('records nothing when LORE_DB=off', async () => {
    temp = tempDir();
    expect(await openFeedback({ retentionDays: 90 }, capturingLogger().logger)).toBeUndefined();
  });

  it('warns once and returns nothing when the database cannot be opened', async () => {
    temp = tempDir();
    const blocker = `${temp.dir}/file`;
    writeFileSync(blocker, 'not a folder');
    const { logger, lines } = capturingLogger();
    expect(await openFeedback({ path: `${blocker}/lore.db`, retentionDays: 90 }, logger)).toBeUndefined();
    expect(lines.filter((line) => line.level === 40)).toEqual([expect.objectContaining({ msg: expect.stringMatching(/Could not open the feedback database.*not recorded/) })]);
  });

  it('says that a replica is on its own when PostgreSQL cannot be reached at start, without the password', async () => {
    temp = tempDir();
    const { logger, lines } = capturingLogger();
    expect(await openFeedback({ url: 'postgres://lore:hunter2@127.0.0.1:1/lore', retentionDays: 90 }, logger)).toBeUndefined();
    const [warning] = lines.filter((line) => line.level === 40);
    expect(warning?.msg).toMatch(/postgres:\/\/lore:\*\*\*@127\.0\.0\.1:1\/lore.*not recorded.*on its own/);
    expect(JSON.stringify(lines)).not.toContain('hunter2');
  });
});
