import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { createGuardedService } from '../../src/service/guarded.js';
import { parseRules } from '../../src/service/rules.js';
import type { InteractionCallbackBody } from '../fakes/discord-requests.js';
import { FixtureService, startHarness, type Harness } from '../adapters/discord-helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const QUESTION = 'is the EKS control plane free?';

describe('Discord rules', () => {
  it('past the rate limit a mention gets a DM saying when to try again, and nothing in the channel', async () => {
    const service = new FixtureService();
    h = await startHarness(createGuardedService(service, { logger: silentLogger(), rateLimitPerMinute: 1 }));
    const { fake } = h;
    fake.sendUserMessage(`<@${fake.bot.id}> ${QUESTION}`);
    await fake.nextChannelMessage(fake.channelId, 0);
    const since = fake.requests.length;
    fake.sendUserMessage(`<@${fake.bot.id}> ${QUESTION}`);
    const note = await fake.nextChannelMessage(fake.dmChannelId, since);
    expect(note.content).toMatch(/asked 1 question in the last minute.*try again in \d+ seconds?\./);
    expect(fake.requests.slice(since).some((r) => r.method === 'POST' && r.path === '/users/@me/channels')).toBe(true);
    await sleep(100);
    expect(fake.channelMessages(fake.channelId)).toHaveLength(1);
    expect(service.calls).toHaveLength(1);
  });

  it('ignores mentions outside the allowed channels, answers /ask there privately with where to ask, and answers in threads of allowed channels', async () => {
    const service = new FixtureService();
    const rules = parseRules(`discord:\n  channels:\n    - id: 520000000000000099\n      name: platform-team\n`);
    h = await startHarness(createGuardedService(service, { logger: silentLogger(), rules: () => rules }));
    const { fake } = h;
    fake.sendUserMessage(`<@${fake.bot.id}> ${QUESTION}`);
    fake.sendUserMessage(`<@${fake.bot.id}>`);
    fake.sendAsk(QUESTION);
    const callback = await fake.waitForRequest((r) => r.method === 'POST' && r.path.startsWith('/interactions/'));
    const body = callback.body as InteractionCallbackBody;
    expect(body.data?.flags).toBe(64);
    expect(body.data?.content).toContain("I don't answer questions in this channel. Ask me in #platform-team, or send me a direct message.");
    await sleep(150);
    expect(fake.channelMessages(fake.channelId)).toHaveLength(0);
    expect(service.calls).toHaveLength(0);
  });

  it('answers in a thread whose parent channel is allowed', async () => {
    const service = new FixtureService();
    h = await startHarness(createGuardedService(service, { logger: silentLogger(), rules: () => parseRules(`discord:\n  channels: [510000000000000001]\n`) }));
    const { fake } = h;
    fake.sendUserMessage(`<@${fake.bot.id}> ${QUESTION}`, { channelId: fake.threadId });
    const reply = await fake.nextChannelMessage(fake.threadId, 0);
    expect(reply.embeds?.[0]?.title).toContain('EKS');
    expect(service.calls[0]?.context?.asker?.parentChannelId).toBe(fake.channelId);
  });
});
