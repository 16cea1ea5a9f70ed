import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/adapters/slack/buttons.js';
import { openLore, type Lore } from '../../src/engine.js';
import { createGuardedService, type GuardOptions } from '../../src/service/guarded.js';
import { parseRules } from '../../src/service/rules.js';
import type { InteractionCallbackBody } from '../fakes/discord-requests.js';
import { blockAction, slashCommand } from '../fakes/slack-payloads.js';
import type { RecordedCall } from '../fakes/slack-server.js';
import { capturingLogger, type LogLine } from '../capturing-logger.js';
import { startHarness as startDiscord, type Harness as DiscordHarness } from '../adapters/discord-helpers.js';
import { buttonValue, shownText, sleep, startHarness, type Harness, type SlackMode } from '../adapters/slack-harness.js';

/**
 * Everything that answers or lists notes respects the asker's channel and folders: answers, shares of answers,
 * help examples, "try asking" suggestions and autocomplete.
 */

const SCOPED = 'C0000001';
const CLOSED = 'C0000099';
const DISCORD_SCOPED = '510000000000000001';
const SECRET_QUERY = 'where is the payroll vault key kept?';

const RULES = parseRules(
  [
    'slack:',
    '  channels:',
    `    - { id: ${SCOPED}, name: public-help, folders: [public/] }`,
    'discord:',
    '  channels:',
    `    - { id: "${DISCORD_SCOPED}", name: public-help, folders: [public/] }`,
  ].join('\n'),
);

let dir: string;
let lore: Lore;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lore-scope-'));
  await mkdir(join(dir, 'public'));
  await mkdir(join(dir, 'secret'));
  await writeFile(
    join(dir, 'public', 'leave.md'),
    '---\nqueries: ["how do I book leave?"]\n---\n# Holidays\n\n## Booking leave\n\nBook leave in the HR portal two weeks ahead.\n',
  );
  await writeFile(
    join(dir, 'secret', 'payroll.md'),
    `---\nqueries: ["${SECRET_QUERY}"]\n---\n# Payroll vault key rotation\n\n## Layoff plan March\n\nThe payroll vault key is kept in the red safe; the layoff plan is in the same safe.\n`,
  );
  lore = await openLore({ knowledgeDir: dir });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function guarded(options: Partial<GuardOptions> = {}): { service: ReturnType<typeof createGuardedService>; lines: LogLine[] } {
  const sink = capturingLogger();
  return { service: createGuardedService(lore, { rules: () => RULES, logger: sink.logger, ...options }), lines: sink.lines };
}

const isResponse = (call: RecordedCall) => call.method === 'response_url';
/** The secret note, its file or its section titles (the question itself may be echoed back). */
const SECRET = /red safe|secret\/|layoff|vault key rotation/i;
const leaks = (call: RecordedCall) => SECRET.test(shownText(call));

describe('a question that does not say who asked', () => {
  it('is refused, and examples and suggestions list nothing', async () => {
    const { service } = guarded();
    const answer = await service.ask(SECRET_QUERY);
    expect(answer.reason).toBe('channel-not-allowed');
    expect(answer.text).not.toMatch(/vault/);
    expect(service.examples(5)).toEqual([]);
    expect(service.suggest('pay', 5)).toEqual([]);
  });

  it('from the terminal is answered from every note', async () => {
    const { service } = guarded();
    const answer = await service.ask(SECRET_QUERY, { asker: { platform: 'terminal', surface: 'terminal' } });
    expect(answer.found).toBe(true);
  });
});

describe.each<SlackMode>(['http', 'socket'])('Slack scope over %s', (mode) => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it('Share after a restart re-checks the channel rules: the secret note is not posted, nor anything in a closed channel', async () => {
    const { service } = guarded();
    h = await startHarness(mode, service);
    await h.deliver.command(slashCommand(h.fake, '/ask', SECRET_QUERY));
    const privateReply = await h.fake.waitForCall(isResponse);
    expect(shownText(privateReply)).toContain("couldn't find");
    const value = buttonValue(privateReply, ACTION.share);
    await h.stop();

    // A fresh app has forgotten every answer it showed: the click carries only the question.
    h = await startHarness(mode, service);
    await h.deliver.action(blockAction(h.fake, { actionId: ACTION.share, value, channel: SCOPED }));
    const shared = await h.fake.waitForCall((call) => call.method === 'chat.postMessage');
    expect(shownText(shared)).toContain("couldn't find");
    expect(leaks(shared)).toBe(false);

    const crafted = JSON.stringify({ id: 'forged', q: SECRET_QUERY });
    await h.deliver.action(blockAction(h.fake, { actionId: ACTION.share, value: crafted, channel: CLOSED }));
    const note = await h.fake.waitForCall((call) => isResponse(call) && call.args.response_type === 'ephemeral');
    expect(shownText(note)).toContain("I don't answer questions in this channel");
    await sleep(100);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(h.fake.calls.filter(leaks)).toEqual([]);
  });

  it('Share counts against the rate limit and is logged with its platform, channel and user', async () => {
    const { service, lines } = guarded({ rateLimitPerMinute: 1 });
    h = await startHarness(mode, service);
    await h.deliver.command(slashCommand(h.fake, '/ask', 'how do I book leave?', 'UALICE01'));
    const privateReply = await h.fake.waitForCall(isResponse);
    await h.deliver.action(blockAction(h.fake, { actionId: ACTION.share, value: buttonValue(privateReply, ACTION.share), user: 'UALICE01', channel: SCOPED }));
    const note = await h.fake.waitForCall((call) => isResponse(call) && call !== privateReply && call.args.response_type === 'ephemeral');
    expect(shownText(note)).toMatch(/try again in \d+ seconds?\./);
    await sleep(100);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
    const logged = lines.filter((line) => line.msg === 'question answered' || line.msg === 'question refused');
    expect(logged.map((line) => [line.platform, line.channelId, line.userId, line.refused ?? null])).toEqual([
      ['slack', SCOPED, 'UALICE01', null],
      ['slack', SCOPED, 'UALICE01', 'rate-limited'],
    ]);
  });

  it('/ask help lists examples only from the channel folders, and in a closed channel says only where to ask', async () => {
    const { service } = guarded();
    h = await startHarness(mode, service);
    await h.deliver.command(slashCommand(h.fake, '/ask', 'help'));
    const help = await h.fake.waitForCall(isResponse);
    expect(shownText(help)).toContain('how do I book leave?');
    expect(shownText(help)).not.toContain(SECRET_QUERY);
    expect(leaks(help)).toBe(false);

    await h.deliver.command({ ...slashCommand(h.fake, '/ask', 'help'), channel_id: CLOSED });
    const closed = await h.fake.waitForCall((call) => isResponse(call) && call !== help);
    expect(shownText(closed)).toContain("I don't answer questions in this channel. Ask me in #public-help");
    expect(shownText(closed)).not.toContain('/ask <question>');
    expect(leaks(closed)).toBe(false);
  });
});

describe('Discord scope', () => {
  let h: DiscordHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  const callback = async (harness: DiscordHarness, id: string, since: number) =>
    (await harness.fake.waitForRequest((r) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`), since)).body as InteractionCallbackBody;

  it('a not-found answer in a scoped channel suggests only questions from its folders', async () => {
    h = await startDiscord(guarded().service);
    const since = h.fake.requests.length;
    h.fake.sendUserMessage(`<@${h.fake.bot.id}> where do we keep the spare bicycles?`);
    const reply = await h.fake.nextChannelMessage(h.fake.channelId, since);
    expect(JSON.stringify(reply)).toContain("couldn't find");
    expect(JSON.stringify(reply)).not.toMatch(SECRET);
    expect(JSON.stringify(reply)).not.toContain(SECRET_QUERY);
  });

  it('autocomplete offers only section titles from the channel folders', async () => {
    h = await startDiscord(guarded().service);
    let since = h.fake.requests.length;
    const typed = h.fake.sendAutocomplete('pay');
    const choices = (await callback(h, typed.id, since)).data?.choices ?? [];
    expect(JSON.stringify(choices)).not.toMatch(SECRET);
    since = h.fake.requests.length;
    const leave = h.fake.sendAutocomplete('leave');
    expect(JSON.stringify((await callback(h, leave.id, since)).data?.choices)).toContain('Booking leave');
  });
});
