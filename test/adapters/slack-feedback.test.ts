import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/adapters/slack/buttons.js';
import { silentLogger } from '../../src/logger.js';
import { openFeedback, type Feedback } from '../../src/store/feedback.js';
import type { RecordingService } from '../../src/store/recording-service.js';
import { blockAction, slashCommand } from '../fakes/slack-payloads.js';
import type { RecordedCall } from '../fakes/slack-server.js';
import { tempDir } from '../store/helpers.js';
import { FixtureService } from './slack-fixtures.js';
import { buttonValue, shownText, startHarness, type Harness, type SlackMode } from './slack-harness.js';

const isResponse = (call: RecordedCall) => call.method === 'response_url';

describe.each<SlackMode>(['http', 'socket'])('Slack feedback over %s', (mode) => {
  let temp: ReturnType<typeof tempDir>;
  let feedback: Feedback;
  let recorder: RecordingService;
  let fixture: FixtureService;
  let h: Harness;

  async function start(withReports = true) {
    temp = tempDir();
    const opened = await openFeedback({ path: temp.path, retentionDays: 90 }, silentLogger());
    if (!opened) throw new Error('the feedback store did not open');
    feedback = opened;
    fixture = new FixtureService();
    recorder = feedback.record(fixture);
    h = await startHarness(mode, recorder, {}, withReports ? { reports: feedback.reports } : {});
  }
  afterEach(async () => {
    await h.stop();
    await feedback.close();
    temp.cleanup();
  });

  /** What the store holds once queued writes are done, read over a connection of its own. */
  const rows = async (sql: string): Promise<unknown[]> => {
    await recorder.flush();
    const db = new Database(temp.path, { readonly: true });
    try {
      return db.prepare(sql).all();
    } finally {
      db.close();
    }
  };

  it('stores the question and a 👎 click on its private answer, linked together', async () => {
    await start();
    await h.deliver.command(slashCommand(h.fake, '/ask', 'roll back a release?'));
    const reply = await h.fake.waitForCall(isResponse);
    await h.deliver.action(blockAction(h.fake, { actionId: ACTION.down, value: buttonValue(reply, ACTION.down) }));
    await h.fake.waitForCall((call) => isResponse(call) && call.args.replace_original === true);
    expect(await rows('SELECT q.platform, q.surface, q.channel_id AS channel, q.question, q.found, q.top_file AS top, v.vote FROM votes v JOIN questions q ON q.id = v.question_id')).toEqual([
      { platform: 'slack', surface: 'slash', channel: 'C0000001', question: 'roll back a release?', found: 1, top: 'ops/deploys.md', vote: 'down' },
    ]);
  });

  it('/ask gaps shows the top gaps privately to the person who asks', async () => {
    await start();
    await h.deliver.command(slashCommand(h.fake, '/ask', 'how do I bake sourdough bread?'));
    await h.fake.waitForCall(isResponse);
    await h.deliver.command(slashCommand(h.fake, '/ask', 'gaps', 'UCURATOR'));
    const report = await h.fake.waitForCall((call) => isResponse(call) && shownText(call).includes('knowledge gap'));
    expect(report.args.response_type).toBe('ephemeral');
    expect(shownText(report)).toContain('*1.* how do I bake sourdough bread?');
    expect(shownText(report)).toContain('1 time: 1 unanswered');
    expect(fixture.asked.map((call) => call.question)).toEqual(['how do I bake sourdough bread?']);
  });

  it('without stored feedback, "gaps" says that questions are not recorded, and looks nothing up', async () => {
    await start(false);
    await h.deliver.command(slashCommand(h.fake, '/ask', 'gaps'));
    const note = await h.fake.waitForCall(isResponse);
    expect(note.args.response_type).toBe('ephemeral');
    expect(shownText(note)).toContain("Questions aren't being recorded here");
    expect(fixture.asked).toEqual([]);
  });
});
