import { GatewayIntentBits, InteractionResponseType } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { InteractionCallbackBody, MessageBody } from '../fakes/discord-requests.js';
import { FixtureService, startHarness, type Harness } from './discord-helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function start(service = new FixtureService(), options: Parameters<typeof startHarness>[1] = {}): Promise<Harness> {
  return startHarness(service, options).then((harness) => (h = harness));
}

function expectNoPings(body: MessageBody): void {
  expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
}

function embedTotal(body: MessageBody): number {
  return (body.embeds ?? []).reduce(
    (sum, e) =>
      sum +
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.author?.name.length ?? 0) +
      (e.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0),
    0,
  );
}

function expectWithinLimits(body: MessageBody): void {
  expect(body.content?.length ?? 0).toBeLessThanOrEqual(2000);
  for (const embed of body.embeds ?? []) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(256);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4096);
    for (const field of embed.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(1024);
  }
  expect(embedTotal(body)).toBeLessThanOrEqual(6000);
}

describe('Discord adapter: gateway session', () => {
  it('identifies with the four intents over uncompressed JSON v10, and heartbeats', async () => {
    const harness = await start(new FixtureService(), { fake: { heartbeatIntervalMs: 50 } });
    const [identify] = harness.fake.identifies;
    const intents =
      GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.MessageContent | GatewayIntentBits.DirectMessages;
    expect(identify).toEqual({ token: harness.fake.token, intents, compress: false, shard: [0, 1] });
    const query = harness.fake.gatewayQueries[0];
    expect(query?.get('v')).toBe('10');
    expect(query?.get('encoding')).toBe('json');
    expect(query?.has('compress')).toBe(false);
    expect(harness.fake.requests[0]).toMatchObject({ method: 'GET', path: '/gateway/bot' });
    await harness.fake.until(() => harness.fake.heartbeats >= 2);
  });

  it('keeps answering after the gateway connection drops and discord.js resumes the session', async () => {
    const harness = await start();
    harness.fake.dropConnections(4000);
    await harness.fake.until(() => harness.fake.resumes === 1);
    const since = harness.fake.requests.length;
    const id = harness.fake.sendUserMessage(`<@${harness.fake.bot.id}> is the EKS control plane free?`);
    const reply = await harness.fake.nextChannelMessage(harness.fake.channelId, since);
    expect(reply.message_reference?.message_id).toBe(id);
    expect(reply.embeds?.[0]?.title).toContain('EKS');
    expect(harness.fake.identifies).toHaveLength(1);
  });
});

describe('Discord adapter: mentions in a server', () => {
  it('replies to the mentioning message with an embed: quote, citation, see also, footer, vote buttons, no pings', async () => {
    const harness = await start(new FixtureService(undefined, { baseUrl: 'https://git.example/notes/' }));
    const since = harness.fake.requests.length;
    const id = harness.fake.sendUserMessage(`<@${harness.fake.bot.id}> does fargate support daemonsets for pods on kubernetes?`);
    const reply = await harness.fake.nextChannelMessage(harness.fake.channelId, since);

    expect(reply.message_reference?.message_id).toBe(id);
    expectNoPings(reply);
    const embed = reply.embeds?.[0];
    expect(embed?.title).toBe('aws-containers.md › ECS › Fargate-hosted worker nodes · L28–33');
    expect(embed?.url).toBe('https://git.example/notes/aws-containers.md#L28-L33');
    expect(embed?.description).toContain('- **Fargate-hosted worker nodes**');
    expect(embed?.description).toMatch(/\*\*[Dd]aemon\*\* sets/);
    expect(embed?.description).toContain('`fully managed`');
    expect(embed?.fields?.[0]).toEqual({
      name: 'See also',
      value: '[aws-containers.md › EKS · L40–41](https://git.example/notes/aws-containers.md#L40-L41)',
    });
    expect(embed?.footer?.text).toMatch(/looked for: fargate, daemonsets, pods, kubernetes/);
    const buttons = reply.components?.[0]?.components ?? [];
    expect(buttons.map((b) => b.emoji?.name)).toEqual(['👍', '👎']);
    expect((harness.service as FixtureService).calls[0]?.question).toBe('does fargate support daemonsets for pods on kubernetes?');
  });

  it('ignores bots, itself, and mentions through @everyone, @here or a role; answers the next real question', async () => {
    const service = new FixtureService();
    const harness = await start(service);
    const { fake } = harness;
    const since = fake.requests.length;
    fake.sendUserMessage(`<@${fake.bot.id}> fargate daemonsets?`, { author: fake.otherBot });
    fake.sendUserMessage(`<@${fake.bot.id}> fargate daemonsets?`, { author: fake.bot });
    fake.sendUserMessage('@everyone fargate daemonsets?');
    fake.sendUserMessage('@here fargate daemonsets?');
    fake.sendUserMessage(`<@&${fake.roleId}> fargate daemonsets?`);
    fake.sendUserMessage('fargate daemonsets? (no mention at all)');
    const real = fake.sendUserMessage(`<@!${fake.bot.id}> is the EKS control plane free?`);
    const reply = await fake.nextChannelMessage(fake.channelId, since);
    expect(reply.message_reference?.message_id).toBe(real);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.channelMessages(fake.channelId, since)).toHaveLength(1);
    expect(service.calls.map((c) => c.question)).toEqual(['is the EKS control plane free?']);
  });

  it('answers a question containing @everyone and user mentions without pinging anyone', async () => {
    const service = new FixtureService();
    const harness = await start(service);
    const since = harness.fake.requests.length;
    harness.fake.sendUserMessage(`<@${harness.fake.bot.id}> @everyone <@${harness.fake.alice.id}> how do I page the on_call person?`);
    const reply = await harness.fake.nextChannelMessage(harness.fake.channelId, since);
    expectNoPings(reply);
    expect(service.calls[0]?.question).toContain('@everyone');
    // A person's id is no word of any note: it is left out of the question.
    expect(service.calls[0]?.question).not.toContain(harness.fake.alice.id);
    // The note itself contains @everyone and a role mention: shown escaped, and still nobody is pinged.
    expect(reply.embeds?.[0]?.description).toContain('\\<@&123456789012345678\\>');
  });

  it('answers a 5,000-character question within every Discord limit', async () => {
    const service = new FixtureService();
    const harness = await start(service);
    const since = harness.fake.requests.length;
    const question = `onboarding handbook ${'please tell me everything about onboarding and the handbook '.repeat(90)}`.slice(0, 5000);
    harness.fake.sendUserMessage(`<@${harness.fake.bot.id}> ${question}`);
    const reply = await harness.fake.nextChannelMessage(harness.fake.channelId, since);
    expectWithinLimits(reply);
    const description = reply.embeds?.[0]?.description ?? '';
    expect(description.length).toBeGreaterThan(3000);
    expect(description.endsWith('\n…')).toBe(true);
  });

  it('apologises when the engine fails, logs the error, and answers the next question', async () => {
    const service = new FixtureService(undefined, { failWhen: (q) => q.includes('explode') });
    const harness = await start(service);
    const { fake } = harness;
    let since = fake.requests.length;
    fake.sendUserMessage(`<@${fake.bot.id}> please explode`);
    const apology = await fake.nextChannelMessage(fake.channelId, since);
    expect(apology.content).toMatch(/^Sorry, something went wrong/);
    expect(apology.embeds ?? []).toHaveLength(0);
    expectNoPings(apology);
    expect(harness.logs.some((line) => line.level === 50 && line.msg === 'answering failed')).toBe(true);

    since = fake.requests.length;
    fake.sendUserMessage(`<@${fake.bot.id}> is the EKS control plane free?`);
    const next = await fake.nextChannelMessage(fake.channelId, since);
    expect(next.embeds?.[0]?.title).toContain('EKS');
  });

  it('shows help with examples when mentioned without a question', async () => {
    const harness = await start();
    const since = harness.fake.requests.length;
    harness.fake.sendUserMessage(`<@${harness.fake.bot.id}>`);
    const reply = await harness.fake.nextChannelMessage(harness.fake.channelId, since);
    expect(reply.content).toContain('/ask');
    expect(reply.content).toContain('What about Fargate-hosted worker nodes?');
    expectNoPings(reply);
  });

  it('uses the thread’s earlier question as context for a follow-up in a thread', async () => {
    const service = new FixtureService();
    const harness = await start(service);
    const { fake } = harness;
    let since = fake.requests.length;
    fake.sendUserMessage(`<@${fake.bot.id}> does fargate support daemonsets?`, { channelId: fake.threadId });
    await fake.nextChannelMessage(fake.threadId, since);
    since = fake.requests.length;
    fake.sendUserMessage(`<@${fake.bot.id}> and on EKS?`, { channelId: fake.threadId });
    const reply = await fake.nextChannelMessage(fake.threadId, since);
    expect(reply.message_reference).toBeDefined();
    expect(service.calls[0]?.context?.previousQuestion).toBeUndefined();
    expect(service.calls[1]?.context).toMatchObject({ previousQuestion: 'does fargate support daemonsets?', asker: { platform: 'discord', surface: 'mention' } });
  });

  it('follows on from its own answer in a thread started on that answer, as Slack does', async () => {
    const service = new FixtureService();
    const { fake } = await start(service);
    let since = fake.requests.length;
    // Discord gives a thread started from a message the id of that message: here, the bot's answer.
    fake.nameNextBotMessage(fake.threadId);
    fake.sendUserMessage(`<@${fake.bot.id}> does fargate support daemonsets?`);
    await fake.nextChannelMessage(fake.channelId, since);
    since = fake.requests.length;
    fake.sendUserMessage(`<@${fake.bot.id}> and on EKS?`, { channelId: fake.threadId });
    await fake.nextChannelMessage(fake.threadId, since);
    expect(service.calls[1]?.context?.previousQuestion).toBe('does fargate support daemonsets?');
  });

  it('follows on from the channel question a thread was started from, but not from unrelated channel chatter', async () => {
    const service = new FixtureService();
    const harness = await start(service);
    const { fake } = harness;
    let since = fake.requests.length;
    // Discord gives a thread started from a message the id of that message.
    fake.sendUserMessage(`<@${fake.bot.id}> does fargate support daemonsets?`, { id: fake.threadId });
    await fake.nextChannelMessage(fake.channelId, since);
    since = fake.requests.length;
    fake.sendUserMessage(`<@${fake.bot.id}> is EKS free?`);
    await fake.nextChannelMessage(fake.channelId, since);
    since = fake.requests.length;
    fake.sendUserMessage(`<@${fake.bot.id}> what about pods?`, { channelId: fake.threadId });
    await fake.nextChannelMessage(fake.threadId, since);
    expect(service.calls[1]?.context?.previousQuestion).toBeUndefined();
    expect(service.calls[2]?.context?.previousQuestion).toBe('does fargate support daemonsets?');
  });

  it('sends plain text where the bot may not embed links, within 2,000 characters', async () => {
    const harness = await start(new FixtureService(undefined, { baseUrl: 'https://git.example/notes/' }));
    const { fake } = harness;
    let since = fake.requests.length;
    fake.sendUserMessage(`<@${fake.bot.id}> does fargate support daemonsets?`, { channelId: fake.noEmbedChannelId });
    const reply = await fake.nextChannelMessage(fake.noEmbedChannelId, since);
    expect(reply.embeds ?? []).toHaveLength(0);
    expect(reply.content).toContain('**aws-containers.md › ECS › Fargate-hosted worker nodes · L28–33** <https://git.example/notes/aws-containers.md#L28-L33>');
    expect(reply.content).toContain('**fargate**');
    expectNoPings(reply);

    // A vote shows its tally in the text, since the message has no embed to carry it.
    const up = reply.components?.[0]?.components.find((c) => c.custom_id?.startsWith('lore:vote:up'))?.custom_id ?? '';
    since = fake.requests.length;
    const click = fake.clickButton(fake.botMessageIds().at(-1) ?? '', up);
    const update = (await fake.waitForRequest((r) => r.path.startsWith(`/interactions/${click.id}/`), since)).body as InteractionCallbackBody;
    expect(update.type).toBe(InteractionResponseType.UpdateMessage);
    expect(update.data?.embeds ?? []).toHaveLength(0);
    expect(update.data?.content).toContain('**aws-containers.md › ECS › Fargate-hosted worker nodes · L28–33**');
    expect(update.data?.content).toMatch(/Feedback: 👍 1  ·  👎 0\. Thanks!$/);

    since = fake.requests.length;
    fake.sendUserMessage(`<@${fake.bot.id}> onboarding handbook steps`, { channelId: fake.noEmbedChannelId });
    const long = await fake.nextChannelMessage(fake.noEmbedChannelId, since);
    expectWithinLimits(long);
    expect(long.content?.length).toBeGreaterThan(1500);
  });

  it('retries as plain text when Discord refuses the embed with Missing Permissions', async () => {
    const harness = await start();
    const { fake } = harness;
    fake.failNext(
      (r) => r.method === 'POST' && r.path === `/channels/${fake.channelId}/messages` && (r.body as MessageBody).embeds !== undefined,
      403,
      { message: 'Missing Permissions', code: 50013 },
    );
    const since = fake.requests.length;
    fake.sendUserMessage(`<@${fake.bot.id}> is the EKS control plane free?`);
    await fake.waitForRequest((r) => r.method === 'POST' && (r.body as MessageBody).content !== undefined, since);
    const [first, second] = fake.channelMessages(fake.channelId, since);
    expect(first?.embeds).toHaveLength(1);
    expect(second?.embeds ?? []).toHaveLength(0);
    expect(second?.content).toContain('EKS');
    expectNoPings(second ?? {});
  });
});

describe('Discord adapter: DMs', () => {
  it('answers every DM message in the DM, and follows on from the previous DM question', async () => {
    const service = new FixtureService();
    const harness = await start(service);
    const { fake } = harness;
    let since = fake.requests.length;
    const id = fake.sendUserMessage('does fargate support daemonsets?', { channelId: fake.dmChannelId });
    const reply = await fake.nextChannelMessage(fake.dmChannelId, since);
    expect(reply.message_reference?.message_id).toBe(id);
    expect(reply.embeds?.[0]?.title).toContain('Fargate');
    expectNoPings(reply);

    since = fake.requests.length;
    fake.sendUserMessage('and is the control plane free?', { channelId: fake.dmChannelId });
    await fake.nextChannelMessage(fake.dmChannelId, since);
    expect(service.calls[1]?.context?.previousQuestion).toBe('does fargate support daemonsets?');
  });

  it('says a word back to thanks in a DM without searching, and greets with help', async () => {
    const service = new FixtureService();
    const harness = await start(service);
    const { fake } = harness;
    let since = fake.requests.length;
    fake.sendUserMessage('great, thank you 🙏', { channelId: fake.dmChannelId });
    const thanks = await fake.nextChannelMessage(fake.dmChannelId, since);
    expect(JSON.stringify(thanks)).toContain('Glad to help!');
    since = fake.requests.length;
    fake.sendUserMessage('hi there', { channelId: fake.dmChannelId });
    const help = await fake.nextChannelMessage(fake.dmChannelId, since);
    expect(JSON.stringify(help)).toContain('Hi! Ask me anything');
    expect(service.calls).toHaveLength(0);
  });

  it('shows the closest notes and example questions when nothing is found', async () => {
    const harness = await start();
    const since = harness.fake.requests.length;
    harness.fake.sendUserMessage('how tall is mount everest?', { channelId: harness.fake.dmChannelId });
    const reply = await harness.fake.nextChannelMessage(harness.fake.dmChannelId, since);
    const embed = reply.embeds?.[0];
    expect(embed?.title).toBe('Not in the notes');
    expect(embed?.description).toContain('couldn');
    expect(embed?.fields?.find((f) => f.name === 'Try asking')?.value).toContain('What about EKS?');
  });
});
