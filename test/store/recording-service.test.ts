import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openFeedback } from '../../src/store/feedback.js';
import { createRecordingService, type RecordingService } from '../../src/store/recording-service.js';
import { FeedbackStore } from '../../src/store/store.js';
import type { Answer } from '../../src/types.js';
import { DAY, NOW, TableService, capturingLogger, question, tempDir } from './helpers.js';

let temp: ReturnType<typeof tempDir>;
let service: RecordingService | undefined;
afterEach(() => {
  service?.close();
  service = undefined;
  temp.cleanup();
});

function start(now = () => NOW) {
  temp = tempDir();
  const store = FeedbackStore.open(temp.path);
  const { logger, lines } = capturingLogger();
  service = createRecordingService(new TableService({ 'roll back?': 'ops/deploys.md' }), { store, logger, retentionDays: 90, now });
  return { store, service, lines };
}

const slack = { platform: 'slack', surface: 'slash', userId: 'U1', channelId: 'C1' } as const;

describe('createRecordingService', () => {
  it('records each answered question after handing the answer back, with asker, result, top citation and latency', async () => {
    const { store, service } = start();
    const answer = await service.ask('roll back?', { asker: slack });
    expect(answer.found).toBe(true);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM questions').get()).toEqual({ n: 0 });
    await service.ask('where is the vpn?', { asker: { platform: 'discord', surface: 'mention', userId: 'D1' } });
    service.flush();
    expect(store.db.prepare('SELECT platform, surface, channel_id, question, found, reason, top_file, score FROM questions ORDER BY id').all()).toEqual([
      { platform: 'slack', surface: 'slash', channel_id: 'C1', question: 'roll back?', found: 1, reason: null, top_file: 'ops/deploys.md', score: 2.5 },
      { platform: 'discord', surface: 'mention', channel_id: null, question: 'where is the vpn?', found: 0, reason: 'no-match', top_file: 'nearby.md', score: 2.5 },
    ]);
    const latency = store.db.prepare('SELECT latency_ms AS ms FROM questions').all() as { ms: number }[];
    for (const row of latency) expect(row.ms).toBeGreaterThanOrEqual(0);
  });

  it('does not record refusals or empty questions', async () => {
    const { store, service } = start();
    const inner = new TableService();
    const refusing = createRecordingService(
      { ...inner, ask: async (q: string): Promise<Answer> => ({ ...(await inner.ask(q)), reason: 'rate-limited', citations: [] }), examples: () => [], suggest: () => [], stats: () => inner.stats() },
      { store, logger: capturingLogger().logger, retentionDays: 90 },
    );
    await refusing.ask('too many?', { asker: slack });
    refusing.flush();
    await service.ask('roll back?', { asker: slack });
    service.flush();
    expect(store.db.prepare('SELECT question FROM questions').all()).toEqual([{ question: 'roll back?' }]);
  });

  it('links a vote to the question it answered', async () => {
    const { store, service } = start();
    await service.ask('roll back?', { asker: slack });
    service.recordVote({ platform: 'slack', userId: 'U1', vote: 'down', question: 'roll back?', citation: 'ops/deploys.md:3-7', channelId: 'C1' });
    service.flush();
    expect(store.db.prepare('SELECT v.vote, q.question FROM votes v JOIN questions q ON q.id = v.question_id').all()).toEqual([{ vote: 'down', question: 'roll back?' }]);
  });

  it('keeps answering when the database goes away, and warns once', async () => {
    const { store, service, lines } = start();
    store.db.close();
    for (const q of ['roll back?', 'where is the vpn?']) {
      await expect(service.ask(q, { asker: slack })).resolves.toMatchObject({ question: q });
      service.recordVote({ platform: 'slack', userId: 'U1', vote: 'up', question: q });
      service.flush();
    }
    expect(lines.filter((line) => line.level === 40)).toEqual([expect.objectContaining({ msg: expect.stringMatching(/answers still go out/) })]);
  });

  it('prunes rows past the retention period when it starts', () => {
    temp = tempDir();
    const store = FeedbackStore.open(temp.path);
    store.recordQuestion(question({ question: 'ancient', at: NOW - 100 * DAY }));
    store.recordQuestion(question({ question: 'recent', at: NOW - DAY }));
    service = createRecordingService(new TableService(), { store, logger: capturingLogger().logger, retentionDays: 90, now: () => NOW });
    service.flush();
    expect(store.db.prepare('SELECT question FROM questions').all()).toEqual([{ question: 'recent' }]);
  });
});

describe('openFeedback', () => {
  it('records nothing when LORE_DB=off', () => {
    temp = tempDir();
    expect(openFeedback({ retentionDays: 90 }, capturingLogger().logger)).toBeUndefined();
  });

  it('warns once and returns nothing when the database cannot be opened', () => {
    temp = tempDir();
    const blocker = `${temp.dir}/file`;
    writeFileSync(blocker, 'not a folder');
    const { logger, lines } = capturingLogger();
    expect(openFeedback({ path: `${blocker}/lore.db`, retentionDays: 90 }, logger)).toBeUndefined();
    expect(lines.filter((line) => line.level === 40)).toEqual([expect.objectContaining({ msg: expect.stringMatching(/Could not open the feedback database.*not recorded/) })]);
  });

  it('serves the top gaps of the last 30 days in one channel, including questions still queued', async () => {
    temp = tempDir();
    const feedback = openFeedback({ path: temp.path, retentionDays: 90 }, capturingLogger().logger, () => NOW);
    const recorder = feedback?.record(new TableService());
    await recorder?.ask('where is the vpn?', { asker: slack });
    await recorder?.ask('where is the VPN', { asker: slack });
    await recorder?.ask('who approves the payroll run?', { asker: { ...slack, channelId: 'CFINANCE' } });
    const gaps = await feedback?.reports.gaps(10, { platform: 'slack', channelId: slack.channelId ?? '' });
    expect(gaps).toEqual([expect.objectContaining({ question: 'where is the VPN', count: 2, unanswered: 2 })]);
    expect(await feedback?.reports.gaps(10, { platform: 'slack', channelId: 'CFINANCE' })).toEqual([expect.objectContaining({ question: 'who approves the payroll run?' })]);
    expect(await feedback?.reports.gaps(10, { platform: 'discord', channelId: slack.channelId ?? '' })).toEqual([]);
    await feedback?.close();
  });
});
