import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/adapters/slack/buttons.js';
import { createSlackAdapter } from '../../src/adapters/slack/index.js';
import { silentLogger } from '../../src/logger.js';
import { createGuardedService } from '../../src/service/guarded.js';
import { serveUntilSignal } from '../../src/service/lifecycle.js';
import { appMention, blockAction, eventCallback, slashCommand, socketDelivery } from '../fakes/slack-payloads.js';
import { FakeSlack } from '../fakes/slack-server.js';
import type { RecordedCall } from '../fakes/slack-server.js';
import { FixtureService, captureLog } from '../adapters/slack-fixtures.js';
import { SIGNING_SECRET, buttonValue, shownText, sleep, startHarness, type Harness } from '../adapters/slack-harness.js';

/** Inputs from the network that used to stop the process or be answered twice, and a Slack that hangs or is away. */

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const isResponse = (call: RecordedCall) => call.method === 'response_url';
const mention = (harness: Harness, text = 'roll back a release?') =>
  eventCallback(harness.fake, appMention(harness.fake, { text: `<@${harness.fake.botUserId}> ${text}` }));

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(20);
  }
}

async function stillAnswers(harness: Harness): Promise<void> {
  const since = harness.fake.calls.length;
  await harness.deliver.command(slashCommand(harness.fake, '/ask', 'how do I roll back a release?'));
  const reply = await harness.fake.waitForCall((call) => isResponse(call) && harness.fake.calls.indexOf(call) >= since);
  expect(shownText(reply)).toContain('*roll back*');
}

describe('Slack HTTP mode: malformed and replayed requests', () => {
  const post = (harness: Harness, body: string, contentType = 'application/json', timestamp?: number) =>
    harness.fake.postSigned(`${harness.baseUrl}/slack/events`, body, contentType, { signingSecret: SIGNING_SECRET, ...(timestamp === undefined ? {} : { timestamp }) });

  it.each([
    ['null', 'application/json'],
    ['7', 'application/json'],
    ['[]', 'application/json'],
    ['payload=null', 'application/x-www-form-urlencoded'],
  ])('a correctly signed body %j gets 400 and the app keeps answering', async (body, contentType) => {
    h = await startHarness('http', new FixtureService());
    expect((await post(h, body, contentType)).status).toBe(400);
    expect(h.log.lines.some((line) => line.msg === 'refused a Slack request')).toBe(true);
    await stillAnswers(h);
  });

  it('still refuses a 5 MB body with 413', async () => {
    h = await startHarness('http', new FixtureService());
    expect((await post(h, JSON.stringify({ text: 'x'.repeat(5 * 1024 * 1024) }))).status).toBe(413);
    await stillAnswers(h);
  });

  it('refuses a request signed 10 minutes in the future', async () => {
    const service = new FixtureService();
    h = await startHarness('http', service);
    const result = await post(h, JSON.stringify(mention(h)), 'application/json', Math.floor(Date.now() / 1000) + 10 * 60);
    expect(result.status).toBe(401);
    await sleep(200);
    expect(service.asked).toHaveLength(0);
  });

  it('answers a replayed signed slash command once', async () => {
    const service = new FixtureService();
    h = await startHarness('http', service);
    const form = new URLSearchParams(slashCommand(h.fake, '/ask', 'roll back a release?')).toString();
    const timestamp = Math.floor(Date.now() / 1000);
    expect((await post(h, form, 'application/x-www-form-urlencoded', timestamp)).status).toBe(200);
    expect((await post(h, form, 'application/x-www-form-urlencoded', timestamp)).status).toBe(200);
    await h.fake.waitForCall(isResponse);
    await sleep(200);
    expect(h.fake.callsTo('response_url')).toHaveLength(1);
    expect(service.asked).toHaveLength(1);
  });

  it('shares once when a signed Share click is replayed', async () => {
    h = await startHarness('http', new FixtureService());
    await h.deliver.command(slashCommand(h.fake, '/ask', 'how to get a laptop from IT?'));
    const privateReply = await h.fake.waitForCall(isResponse);
    const form = new URLSearchParams({ payload: JSON.stringify(blockAction(h.fake, { actionId: ACTION.share, value: buttonValue(privateReply, ACTION.share) })) }).toString();
    const timestamp = Math.floor(Date.now() / 1000);
    expect((await post(h, form, 'application/x-www-form-urlencoded', timestamp)).status).toBe(200);
    expect((await post(h, form, 'application/x-www-form-urlencoded', timestamp)).status).toBe(200);
    await h.fake.waitForCall((call) => call.method === 'chat.postMessage');
    await sleep(200);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });
});

describe('Slack Socket Mode: malformed frames', () => {
  it.each([
    ['null', 'null'],
    ['events_api with a null payload', JSON.stringify({ type: 'events_api', envelope_id: 'e1', payload: null })],
    ['events_api without a payload', JSON.stringify({ type: 'events_api', envelope_id: 'e2' })],
    ['events_api with a null event', JSON.stringify({ type: 'events_api', envelope_id: 'e3', payload: { event: null } })],
    ['slash_commands with a null payload', JSON.stringify({ type: 'slash_commands', envelope_id: 'e4', payload: null })],
    ['a number', '42'],
  ])('%s is dropped with a warning and the app keeps answering', async (_name, frame) => {
    h = await startHarness('socket', new FixtureService());
    await h.fake.waitForSocket();
    h.fake.sendRaw(frame);
    await sleep(100);
    expect(h.log.lines.some((line) => line.msg === 'dropped a malformed Slack Socket Mode frame')).toBe(true);
    await stillAnswers(h);
  });
});

describe('Slack Web API that hangs or fails', () => {
  it('gives up on a hanging chat.postMessage after the timeout and bounded tries, logs it, and keeps answering', async () => {
    const service = new FixtureService();
    h = await startHarness('socket', service, {}, { webApi: { timeoutMs: 300, tries: 2 } });
    h.fake.troubleNext('chat.postMessage', 'hang', 2);
    await h.deliver.event(mention(h));
    await until(() => h?.log.lines.some((line) => line.msg === 'answering a Slack message failed') === true, 8000);
    expect(h.fake.callsTo('chat.postMessage').length).toBeGreaterThanOrEqual(2);
    await h.deliver.event(mention(h, 'how to get a laptop from IT?'));
    const reply = await h.fake.waitForCall((call) => call.method === 'chat.postMessage' && shownText(call).includes('laptop'), 5000);
    expect(reply).toBeDefined();
  });

  it('tries a call that keeps failing with 500 a bounded number of times', async () => {
    h = await startHarness('socket', new FixtureService(), {}, { webApi: { timeoutMs: 300, tries: 3 } });
    h.fake.troubleNext('chat.postMessage', 500, 10);
    await h.deliver.event(mention(h));
    await until(() => h?.log.lines.some((line) => line.msg === 'posting the apology failed too') === true, 15_000);
    await sleep(200);
    // Three tries for the answer, three for the apology.
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(6);
  }, 20_000);
});

describe('Slack unreachable', () => {
  const unreachable = { botToken: 'xoxb-t', signingSecret: 's', apiUrl: 'http://127.0.0.1:9/api/', command: '/ask', port: 0 };

  it('fails to start after bounded tries with a message saying what to check', async () => {
    const adapter = createSlackAdapter({ config: unreachable, service: new FixtureService(), logger: silentLogger(), webApi: { timeoutMs: 200, tries: 2 } });
    await expect(adapter.start()).rejects.toMatchObject({ code: 'ADAPTER_START_FAILED', message: expect.stringMatching(/could not be reached.*network connection.*proxy/) });
  }, 15_000);

  it('stops at once on SIGTERM while still trying to connect', async () => {
    const { logger } = captureLog();
    const service = createGuardedService(new FixtureService(), { logger });
    const adapter = createSlackAdapter({ config: unreachable, service, logger });
    const signals = new EventEmitter();
    const served = serveUntilSignal({ service, adapters: [adapter], watchers: [], logger, signals, graceMs: 200 });
    await sleep(300);
    signals.emit('SIGTERM', 'SIGTERM');
    const outcome = await Promise.race([served, sleep(3000).then(() => 'still running')]);
    expect(outcome).toBe(0);
  });
});

describe('last resort', () => {
  it('an error nothing caught is logged with its stack while serving, and questions are still answered', async () => {
    const { logger, lines } = captureLog();
    const inner = new FixtureService();
    const service = createGuardedService(inner, { logger });
    const fake = await FakeSlack.start();
    const adapter = createSlackAdapter({ config: { botToken: 'xoxb-t', appToken: 'xapp-t', apiUrl: fake.apiUrl, command: '/ask', port: 0 }, service, logger });
    const signals = new EventEmitter();
    const served = serveUntilSignal({ service, adapters: [adapter], watchers: [], logger, signals, graceMs: 200 });
    try {
      await fake.waitForSocket();
      await until(() => lines.some((line) => line.msg === 'adapter started'), 5000);
      signals.emit('uncaughtException', new Error('a library callback blew up'));
      signals.emit('unhandledRejection', new Error('a library promise was rejected'));
      expect(lines.filter((line) => String(line.msg).includes('still serving')).map((line) => (line.err as { message?: string }).message)).toEqual([
        'a library callback blew up',
        'a library promise was rejected',
      ]);
      await socketDelivery(fake).command(slashCommand(fake, '/ask', 'how do I roll back a release?'));
      await fake.waitForCall(isResponse);
    } finally {
      signals.emit('SIGTERM', 'SIGTERM');
      await served;
      await fake.close();
    }
  });
});
