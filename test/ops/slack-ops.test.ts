import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../src/adapters/slack/index.js';
import { openLore } from '../../src/engine.js';
import { createLogger, silentLogger } from '../../src/logger.js';
import { createGuardedService, type GuardOptions } from '../../src/service/guarded.js';
import { parseRules } from '../../src/service/rules.js';
import type { AskService } from '../../src/types.js';
import { appMention, directMessage, eventCallback, httpDelivery, slashCommand, socketDelivery } from '../fakes/slack-payloads.js';
import { FakeSlack, type RecordedCall } from '../fakes/slack-server.js';
import { FixtureService } from '../adapters/slack-fixtures.js';
import { shownText, sleep, startHarness, type Harness, type SlackMode } from '../adapters/slack-harness.js';

const isResponse = (call: RecordedCall) => call.method === 'response_url';
const RULES = parseRules(
  ['slack:', '  dms: false', '  channels:', '    - id: C0000042', '      name: platform-team', '      folders: [infra/]', '    - C0000043'].join('\n'),
);

function guard(inner: AskService, options: Partial<GuardOptions> = {}) {
  return createGuardedService(inner, { logger: silentLogger(), ...options });
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe.each<SlackMode>(['http', 'socket'])('Slack rules over %s', (mode) => {
  it('past the rate limit a mention gets an ephemeral note saying when to try again, and nothing public', async () => {
    const service = new FixtureService();
    h = await startHarness(mode, guard(service, { rateLimitPerMinute: 2 }));
    for (let i = 0; i < 2; i++) {
      await h.deliver.event(eventCallback(h.fake, appMention(h.fake, { text: `<@${h.fake.botUserId}> how to get a laptop from IT?` })));
      await h.fake.waitForCall(() => h?.fake.callsTo('chat.postMessage').length === i + 1);
    }
    await h.deliver.event(eventCallback(h.fake, appMention(h.fake, { text: `<@${h.fake.botUserId}> how do I roll back a release?` })));
    const note = await h.fake.waitForCall((call) => call.method === 'chat.postEphemeral');
    expect(note.args.user).toBe('UASKER01');
    expect(note.args.channel).toBe('C0000001');
    expect(shownText(note)).toMatch(/asked 2 questions in the last minute.*try again in \d+ seconds?\./);
    await h.deliver.command(slashCommand(h.fake, '/ask', 'how do I roll back a release?'));
    const reply = await h.fake.waitForCall(isResponse);
    expect(reply.args.response_type).toBe('ephemeral');
    expect(shownText(reply)).toMatch(/try again in \d+ seconds?\./);
    await sleep(100);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(2);
    expect(service.asked).toHaveLength(2);
  });

  it('ignores mentions outside the allowed channels (even empty ones) and answers /ask there with where to ask', async () => {
    const service = new FixtureService();
    h = await startHarness(mode, guard(service, { rules: () => RULES }));
    await h.deliver.event(eventCallback(h.fake, appMention(h.fake, { text: `<@${h.fake.botUserId}> how to get a laptop from IT?` })));
    await h.deliver.event(eventCallback(h.fake, appMention(h.fake, { text: `<@${h.fake.botUserId}>` })));
    await h.deliver.command(slashCommand(h.fake, '/ask', 'how to get a laptop from IT?'));
    const reply = await h.fake.waitForCall(isResponse);
    expect(reply.args.response_type).toBe('ephemeral');
    expect(shownText(reply)).toContain("I don't answer questions in this channel. Ask me in #platform-team");
    await sleep(150);
    expect(h.fake.calls.filter((call) => call.method.startsWith('chat.'))).toEqual([]);
    expect(service.asked).toHaveLength(0);

    await h.deliver.event(eventCallback(h.fake, appMention(h.fake, { text: `<@${h.fake.botUserId}> how to get a laptop from IT?`, channel: 'C0000043' })));
    const answered = await h.fake.waitForCall((call) => call.method === 'chat.postMessage');
    expect(shownText(answered)).toContain('Request a *laptop*');
  });

  it('with DMs off, a direct message gets a note in the DM and is not looked up', async () => {
    const service = new FixtureService();
    h = await startHarness(mode, guard(service, { rules: () => RULES }));
    await h.deliver.event(eventCallback(h.fake, directMessage({ text: 'how to get a laptop from IT?' })));
    const note = await h.fake.waitForCall((call) => call.method === 'chat.postMessage');
    expect(note.args.channel).toBe('D0000001');
    expect(shownText(note)).toContain("I don't answer direct messages here. Ask me in #platform-team.");
    expect(service.asked).toHaveLength(0);
  });
});

describe('Slack: a folder-limited channel', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('cites only files under its folders, while other channels search everything', async () => {
    dir = await mkdtemp(join(tmpdir(), 'lore-folders-'));
    await mkdir(join(dir, 'infra'));
    await mkdir(join(dir, 'people'));
    await writeFile(join(dir, 'infra', 'kubernetes.md'), '# Kubernetes\n\n## Rollback\n\nTo roll back a deployment, run `kubectl rollout undo` on the cluster.\n');
    await writeFile(join(dir, 'people', 'vacation.md'), '# Vacation\n\n## Booking vacation days\n\nBook vacation days in the HR portal two weeks ahead; the cluster team covers rollbacks.\n');
    const lore = await openLore({ knowledgeDir: dir });
    h = await startHarness('socket', guard(lore, { rules: () => RULES }));
    const ask = async (channel: string) => {
      const since = h?.fake.calls.length ?? 0;
      await h?.deliver.event(eventCallback(h.fake, appMention(h.fake, { text: `<@${h.fake.botUserId}> how do I book vacation days?`, channel })));
      return h?.fake.waitForCall((call) => call.method === 'chat.postMessage' && h !== undefined && h.fake.calls.indexOf(call) >= since);
    };
    const limited = shownText((await ask('C0000042')) as RecordedCall);
    expect(limited).not.toContain('people/');
    expect(limited).toContain("couldn't find");
    const open = shownText((await ask('C0000043')) as RecordedCall);
    expect(open).toContain('people/vacation.md');
  });
});

describe('Slack: secrets in the logs', () => {
  it.each<SlackMode>(['http', 'socket'])('never writes a token or the signing secret, even at trace level (%s)', async (mode) => {
    const fake = await FakeSlack.start();
    let output = '';
    const destination = new Writable({ write: (chunk: Buffer, _encoding, callback) => ((output += chunk.toString()), callback()) });
    const secrets = { botToken: 'xoxb-1111-2222-secretbot', appToken: 'xapp-1-A1-3333-secretapp', signingSecret: 'a1b2c3d4e5f6secretsigning' };
    const logger = createLogger({ level: 'trace', destination, secrets: Object.values(secrets) });
    const adapter = createSlackAdapter({
      config: { botToken: secrets.botToken, ...(mode === 'socket' ? { appToken: secrets.appToken } : { signingSecret: secrets.signingSecret }), apiUrl: fake.apiUrl, command: '/ask', port: 0 },
      service: guard(new FixtureService(), { logger }),
      logger,
    });
    try {
      await adapter.start();
      const deliver = mode === 'http' ? httpDelivery(fake, `http://127.0.0.1:${adapter.port}/slack/events`, secrets.signingSecret) : socketDelivery(fake);
      await deliver.command(slashCommand(fake, '/ask', 'how do I roll back a release?'));
      await fake.waitForCall(isResponse);
      fake.failNext('chat.postMessage', 'invalid_auth');
      await deliver.event(eventCallback(fake, appMention(fake, { text: `<@${fake.botUserId}> how to get a laptop from IT?` })));
      await fake.waitForCall((call) => call.method === 'chat.postMessage' && call.result?.ok === true);
    } finally {
      await adapter.stop();
      await fake.close();
    }
    expect(output).toContain('question answered');
    expect(fake.callsTo('auth.test')[0]?.token).toBe(secrets.botToken);
    for (const secret of Object.values(secrets)) expect(output).not.toContain(secret);
  });
});

describe('log scrubbing', () => {
  it('removes configured secrets wherever a library put them: messages, stacks, request headers', () => {
    let output = '';
    const destination = new Writable({ write: (chunk: Buffer, _encoding, callback) => ((output += chunk.toString()), callback()) });
    const token = 'xoxb-9999-secret-in-a-message';
    const logger = createLogger({ level: 'info', destination, secrets: [token] });
    const error = Object.assign(new Error(`request to https://slack.test/api?token=${token} failed`), {
      config: { headers: { Authorization: `Bearer ${token}` } },
    });
    logger.error({ err: error, detail: `"${token}"` }, `could not use ${token}`);
    expect(output).toContain('[redacted]');
    expect(output).not.toContain(token);
  });
});
