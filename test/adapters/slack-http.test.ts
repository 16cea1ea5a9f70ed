import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../src/adapters/slack/index.js';
import { silentLogger } from '../../src/logger.js';
import { appMention, eventCallback, slashCommand } from '../fakes/slack-payloads.js';
import { FakeSlack, signSlackRequest } from '../fakes/slack-server.js';
import { FixtureService } from './slack-fixtures.js';
import { SIGNING_SECRET, shownText, sleep, startHarness, type Harness } from './slack-harness.js';

describe('Slack adapter, HTTP mode', () => {
  let service: FixtureService;
  let h: Harness;
  let events: string;

  beforeEach(async () => {
    service = new FixtureService();
    h = await startHarness('http', service);
    events = `${h.baseUrl}/slack/events`;
  });
  afterEach(async () => {
    await h.stop();
  });

  const mentionBody = () => JSON.stringify(eventCallback(h.fake, appMention(h.fake, { text: `<@${h.fake.botUserId}> roll back a release?` })));

  it('binds the requested port 0 to a real port', () => {
    expect(h.adapter.port).toBeGreaterThan(0);
  });

  it('rejects a wrong signature with 401 and does not answer', async () => {
    const result = await h.fake.postSigned(events, mentionBody(), 'application/json', {
      signingSecret: SIGNING_SECRET,
      signature: signSlackRequest('some-other-secret', Math.floor(Date.now() / 1000), mentionBody()),
    });
    expect(result.status).toBe(401);
    await sleep(200);
    expect(service.asked).toHaveLength(0);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('rejects a correctly signed request with a stale timestamp', async () => {
    const body = mentionBody();
    const result = await h.fake.postSigned(events, body, 'application/json', { signingSecret: SIGNING_SECRET, timestamp: Math.floor(Date.now() / 1000) - 10 * 60 });
    expect(result.status).toBe(401);
    await sleep(200);
    expect(service.asked).toHaveLength(0);
  });

  it('rejects a slash command signed with the wrong secret', async () => {
    const form = new URLSearchParams(slashCommand(h.fake, '/ask', 'roll back a release?')).toString();
    const result = await h.fake.postSigned(events, form, 'application/x-www-form-urlencoded', { signingSecret: 'wrong' });
    expect(result.status).toBe(401);
    await sleep(200);
    expect(h.fake.callsTo('response_url')).toHaveLength(0);
  });

  it('drops an event redelivered with X-Slack-Retry-Num', async () => {
    const body = mentionBody();
    expect((await h.fake.postSigned(events, body, 'application/json', { signingSecret: SIGNING_SECRET })).status).toBe(200);
    await h.fake.waitForCall((call) => call.method === 'chat.postMessage');
    const retry = await h.fake.postSigned(events, body, 'application/json', {
      signingSecret: SIGNING_SECRET,
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retry.status).toBe(200);
    await sleep(200);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('leaves GET /healthz to the ops server: 404 when none shares the port', async () => {
    expect((await fetch(`${h.baseUrl}/healthz`)).status).toBe(404);
  });

  it('answers url_verification challenges (signed)', async () => {
    const body = JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 'x' });
    const result = await h.fake.postSigned(events, body, 'application/json', { signingSecret: SIGNING_SECRET });
    expect(result.status).toBe(200);
    expect(result.body).toContain('abc123');
  });
});

describe('Slack adapter, slow answers', () => {
  it('acks /ask before the answer is ready, then answers through response_url', async () => {
    const service = new FixtureService(undefined, { delayMs: 1500 });
    const h = await startHarness('http', service);
    try {
      const { ackMs } = await h.deliver.command(slashCommand(h.fake, '/ask', 'roll back a release?'));
      expect(ackMs).toBeLessThan(1000);
      expect(h.fake.callsTo('response_url')).toHaveLength(0);
      const reply = await h.fake.waitForCall((call) => call.method === 'response_url', 5000);
      expect(shownText(reply)).toContain('To *roll back* a *release*');
    } finally {
      await h.stop();
    }
  });
});

describe('Slack adapter start-up', () => {
  it('fails to start with a clear error when Slack rejects the bot token', async () => {
    const fake = await FakeSlack.start();
    const adapter = createSlackAdapter({
      config: { botToken: 'xoxp-not-a-bot-token', signingSecret: 's', apiUrl: fake.apiUrl, command: '/ask', port: 0 },
      service: new FixtureService(),
      logger: silentLogger(),
    });
    try {
      await expect(adapter.start()).rejects.toMatchObject({ code: 'ADAPTER_START_FAILED', message: expect.stringContaining('invalid_auth') });
      expect(adapter.port).toBeUndefined();
    } finally {
      await adapter.stop();
      await fake.close();
    }
  });

  it('uses a configured command name', async () => {
    const service = new FixtureService();
    const h = await startHarness('socket', service, { command: '/lore' });
    try {
      await h.deliver.command(slashCommand(h.fake, '/lore', 'help'));
      expect(shownText(await h.fake.waitForCall((call) => call.method === 'response_url'))).toContain('/lore <question>');
    } finally {
      await h.stop();
    }
  });
});
