import Database from 'better-sqlite3';
import { existsSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { createGuardedService } from '../../src/service/guarded.js';
import { openFeedback, type Feedback } from '../../src/store/feedback.js';
import { slashCommand } from '../fakes/slack-payloads.js';
import type { RecordedCall } from '../fakes/slack-server.js';
import { FixtureService, captureLog } from '../adapters/slack-fixtures.js';
import { sleep, startHarness, type Harness } from '../adapters/slack-harness.js';
import { tempDir } from '../store/helpers.js';

/** Recording questions must never hold up answering them, whatever the database is going through. */

let h: Harness | undefined;
let feedback: Feedback | undefined;
let temp: ReturnType<typeof tempDir> | undefined;
afterEach(async () => {
  await h?.stop();
  await feedback?.close();
  temp?.cleanup();
  h = feedback = temp = undefined;
});

const isResponse = (call: RecordedCall) => call.method === 'response_url';

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(50);
  }
}

function countQuestions(path: string): number {
  const reader = new Database(path, { readonly: true });
  try {
    return (reader.prepare('SELECT COUNT(*) AS n FROM questions').get() as { n: number }).n;
  } finally {
    reader.close();
  }
}

async function start() {
  temp = tempDir();
  const log = captureLog();
  feedback = await openFeedback({ path: temp.path, retentionDays: 90 }, log.logger);
  if (!feedback) throw new Error('the feedback store did not open');
  const service = createGuardedService(feedback.record(new FixtureService()), { logger: silentLogger() });
  h = await startHarness('socket', service);
  return { harness: h, path: temp.path, lines: log.lines };
}

async function askMany(harness: Harness, count: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const since = harness.fake.calls.length;
    const started = performance.now();
    await harness.deliver.command(slashCommand(harness.fake, '/ask', `how do I roll back a release number ${i}?`));
    await harness.fake.waitForCall((call) => isResponse(call) && harness.fake.calls.indexOf(call) >= since);
    latencies.push(performance.now() - started);
  }
  return latencies;
}

describe('the feedback database under trouble', () => {
  it('answers at full speed while another process holds a write lock, and records everything once it is released', async () => {
    const { harness, path, lines } = await start();
    const lock = new Database(path);
    lock.exec('BEGIN IMMEDIATE');
    const heldSince = Date.now();
    try {
      const latencies = await askMany(harness, 20);
      expect(Math.max(...latencies)).toBeLessThan(1000);
      await sleep(Math.max(0, 4000 - (Date.now() - heldSince)));
      expect(countQuestions(path)).toBe(0);
    } finally {
      lock.exec('COMMIT');
      lock.close();
    }
    await until(() => countQuestions(path) === 20, 10_000);
    expect(lines.some((line) => line.msg === 'the feedback database is locked by another process; questions and votes wait in memory')).toBe(true);
  }, 30_000);

  it('opens the database again, with a warning, when its file is deleted while serving', async () => {
    const { harness, path, lines } = await start();
    await askMany(harness, 1);
    await until(() => countQuestions(path) === 1, 5000);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    await askMany(harness, 2);
    await until(() => existsSync(path) && countQuestions(path) === 2, 5000);
    expect(lines.some((line) => String(line.msg).includes('deleted or replaced'))).toBe(true);
  });
});
