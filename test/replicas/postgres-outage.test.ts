import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Registry } from 'prom-client';
import { createGuardedService } from '../../src/service/guarded.js';
import { openFeedback, type Feedback } from '../../src/store/feedback.js';
import { registerStoreMetrics } from '../../src/store/metrics.js';
import { silentLogger } from '../../src/logger.js';
import { appMention, eventCallback, slashCommand } from '../fakes/slack-payloads.js';
import type { RecordedCall } from '../fakes/slack-server.js';
import { FixtureService, captureLog } from '../adapters/slack-fixtures.js';
import { sleep, startHarness, type Harness } from '../adapters/slack-harness.js';
import { startPostgres, type PostgresServer } from '../store/postgres-server.js';

/** PostgreSQL stopped for 30 s under a serving lore: answers keep going out, and recording catches up afterwards. */

const OUTAGE_MS = 30_000;
const EVERY_MS = 500;

let server: PostgresServer;
let feedback: Feedback;
let h: Harness;
let db: string;
const log = captureLog();

beforeAll(async () => {
  server = await startPostgres();
  db = await server.createDatabase();
  const opened = await openFeedback({ url: db, retentionDays: 90 }, log.logger);
  if (!opened?.shared) throw new Error('the PostgreSQL store did not open');
  feedback = opened;
  const service = createGuardedService(feedback.record(new FixtureService()), {
    rateLimitPerMinute: 1000,
    rateLimit: opened.shared.limits,
    logger: silentLogger(),
  });
  h = await startHarness('http', service, {}, { replay: opened.shared.replays });
}, 60_000);

afterAll(async () => {
  await h?.stop();
  await feedback?.close();
  await server?.stop();
});

const isResponse = (call: RecordedCall) => call.method === 'response_url';

async function ask(text: string): Promise<void> {
  const since = h.fake.calls.length;
  await h.deliver.command(slashCommand(h.fake, '/ask', text));
  await h.fake.waitForCall((call) => isResponse(call) && h.fake.calls.indexOf(call) >= since, 5000);
}

async function recorded(): Promise<number> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  try {
    return Number((await client.query('SELECT COUNT(*) AS n FROM questions')).rows[0]?.n);
  } finally {
    await client.end();
  }
}

describe('PostgreSQL down for 30 s', () => {
  it('keeps answering, de-duplicates in memory, queues what it records, catches up, and says so in the log and metrics', async () => {
    await ask('roll back a release? (before)');
    await server.halt();
    let asked = 1;
    const started = Date.now();
    try {
      // A redelivered event during the outage is still answered once: this replica remembers it.
      const mention = appMention(h.fake, { text: `<@${h.fake.botUserId}> roll back a release?` });
      const body = eventCallback(h.fake, mention);
      await h.deliver.event(body);
      await h.deliver.event(body, { retryNum: 1 });
      const inThread = (call: RecordedCall) => call.method === 'chat.postMessage' && call.args.thread_ts === mention.ts;
      await h.fake.waitForCall(inThread, 5000);
      asked += 1;
      while (Date.now() - started < OUTAGE_MS) {
        await ask(`roll back a release? (${asked})`);
        asked += 1;
        await sleep(EVERY_MS);
      }
      expect(h.fake.calls.filter(inThread)).toHaveLength(1);
      expect(feedback.counts().writes).toMatchObject({ waiting: true, dropped: 0 });
      expect(feedback.counts().writes.queued).toBeGreaterThanOrEqual(asked - 1);
      expect(feedback.counts().shared).toMatchObject({ degraded: true, outages: 1 });
    } finally {
      await server.restart();
    }
    // A question after the restart brings the shared state back; the queue drains within its longest wait (5 s).
    await ask('roll back a release? (after)');
    asked += 1;
    const deadline = Date.now() + 15_000;
    while (feedback.counts().writes.queued > 0 && Date.now() < deadline) await sleep(200);
    expect(feedback.counts().writes).toMatchObject({ queued: 0, dropped: 0, waiting: false });
    expect(await recorded()).toBe(asked);

    const messages = log.lines.map((line) => String(line.msg));
    expect(messages).toContain('the feedback database (PostgreSQL) cannot be reached; questions and votes wait in memory');
    expect(messages).toContain('the feedback database is writable again');
    expect(messages).toContain("PostgreSQL cannot be reached: de-duplication and rate limits fall back to this replica's memory until it is back");
    expect(messages).toContain('PostgreSQL is back: de-duplication and rate limits are shared by the replicas again');

    const registry = new Registry();
    registerStoreMetrics(registry, feedback);
    const metrics = await registry.metrics();
    expect(feedback.counts().writes.dropped).toBe(0);
    // Every question and the answer shown for it, plus the prune queued at start.
    expect(metrics).toMatch(new RegExp(`^lore_feedback_writes_written ${2 * asked + 1}$`, 'm'));
    expect(metrics).toMatch(/^lore_shared_state_outages 1$/m);
    expect(metrics).toMatch(/^lore_shared_state_degraded 0$/m);
  }, 90_000);
});
