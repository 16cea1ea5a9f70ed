import { ApplicationCommandOptionType, InteractionResponseType, MessageFlags } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { InteractionCallbackBody, MessageBody, RecordedRequest } from '../fakes/discord-requests.js';
import { FixtureService, startHarness, type Harness } from './discord-helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function start(service = new FixtureService(), options: Parameters<typeof startHarness>[1] = {}): Promise<Harness> {
  return startHarness(service, options).then((harness) => (h = harness));
}

const isCallback = (id: string) => (r: RecordedRequest) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`);

async function callbackFor(harness: Harness, id: string, since: number): Promise<InteractionCallbackBody> {
  return (await harness.fake.waitForRequest(isCallback(id), since)).body as InteractionCallbackBody;
}

describe('Discord adapter: slash command registration', () => {
  it('bulk-overwrites /ask globally on start when no guild is configured', async () => {
    const harness = await start();
    const put = harness.fake.requests.find((r) => r.method === 'PUT');
    expect(put?.path).toBe(`/applications/${harness.fake.applicationId}/commands`);
    const [ask] = harness.fake.commands.get('global') ?? [];
    expect(ask).toMatchObject({
      name: 'ask',
      type: 1,
      options: [
        { name: 'question', type: ApplicationCommandOptionType.String, required: true, autocomplete: true },
        { name: 'private', type: ApplicationCommandOptionType.Boolean, required: false },
      ],
    });
  });

  it('registers in the configured guild only when DISCORD_GUILD_ID is set', async () => {
    const harness = await start(new FixtureService(), { guildId: '500000000000000001' });
    const put = harness.fake.requests.filter((r) => r.method === 'PUT');
    expect(put.map((r) => r.path)).toEqual([`/applications/${harness.fake.applicationId}/guilds/500000000000000001/commands`]);
    expect(harness.fake.commands.get('500000000000000001')?.map((c) => c.name)).toEqual(['ask', 'lore-gaps', 'Ask lore']);
    expect(harness.fake.commands.has('global')).toBe(false);
  });
});

describe('Discord adapter: /ask', () => {
  it('replies in the channel with the embed, vote buttons and no pings', async () => {
    const harness = await start();
    const since = harness.fake.requests.length;
    const { id } = harness.fake.sendAsk('does fargate support daemonsets?');
    const request = await harness.fake.waitForRequest(isCallback(id), since);
    const callback = request.body as InteractionCallbackBody;
    expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect((callback.data?.flags ?? 0) & MessageFlags.Ephemeral).toBe(0);
    expect(callback.data?.embeds?.[0]?.title).toContain('aws-containers.md › ECS › Fargate-hosted worker nodes');
    expect(callback.data?.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(callback.data?.components?.[0]?.components).toHaveLength(2);
    expect(request.authorization).toBeUndefined();
  });

  it('leaves mentions by id and custom emoji out of the question asked', async () => {
    const service = new FixtureService();
    const harness = await start(service);
    const since = harness.fake.requests.length;
    const { id } = harness.fake.sendAsk(`<@${harness.fake.alice.id}> asked <:thinking:555555555555555555> is the EKS control plane free?`);
    await callbackFor(harness, id, since);
    expect(service.calls.map((c) => c.question)).toEqual(['asked is the EKS control plane free?']);
  });

  it('answers ephemerally with private:true', async () => {
    const harness = await start();
    const since = harness.fake.requests.length;
    const { id } = harness.fake.sendAsk('is the EKS control plane free?', { private: true });
    const callback = await callbackFor(harness, id, since);
    expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(callback.data?.flags).toBe(MessageFlags.Ephemeral);
    expect(callback.data?.embeds?.[0]?.title).toContain('EKS');
  });

  it('defers at once when the engine is slow, then edits the deferred (ephemeral) reply', async () => {
    const harness = await start(new FixtureService(undefined, { delayMs: 400 }), { deferAfterMs: 50 });
    const since = harness.fake.requests.length;
    const sentAt = Date.now();
    const { id, token } = harness.fake.sendAsk('does fargate support daemonsets?', { private: true });
    const deferred = await callbackFor(harness, id, since);
    expect(Date.now() - sentAt).toBeLessThan(400);
    expect(deferred).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
    const edit = await harness.fake.waitForRequest(
      (r) => r.method === 'PATCH' && r.path === `/webhooks/${harness.fake.applicationId}/${token}/messages/@original`,
      since,
    );
    const body = edit.body as MessageBody;
    expect(body.embeds?.[0]?.title).toContain('Fargate');
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('apologises ephemerally when the engine fails, and answers the next /ask', async () => {
    const service = new FixtureService(undefined, { failWhen: (q) => q.includes('explode') });
    const harness = await start(service);
    let since = harness.fake.requests.length;
    const failing = harness.fake.sendAsk('please explode');
    const apology = await callbackFor(harness, failing.id, since);
    expect(apology.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(apology.data?.content).toMatch(/^Sorry/);
    expect(apology.data?.flags).toBe(MessageFlags.Ephemeral);
    expect(apology.data?.allowed_mentions).toEqual({ parse: [], replied_user: false });

    since = harness.fake.requests.length;
    const next = harness.fake.sendAsk('is the EKS control plane free?');
    expect((await callbackFor(harness, next.id, since)).data?.embeds?.[0]?.title).toContain('EKS');
  });

  it('suggests section titles while the question is typed', async () => {
    const harness = await start();
    const since = harness.fake.requests.length;
    const { id } = harness.fake.sendAutocomplete('far');
    const callback = await callbackFor(harness, id, since);
    expect(callback.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(callback.data?.choices).toEqual([{ name: 'Fargate-hosted worker nodes', value: 'Fargate-hosted worker nodes' }]);
  });

  it('answers a 👍 click by showing the tally on the answer, and logs the vote as one structured line', async () => {
    const harness = await start();
    let since = harness.fake.requests.length;
    const ask = harness.fake.sendAsk('does fargate support daemonsets?');
    const answer = await callbackFor(harness, ask.id, since);
    const up = answer.data?.components?.[0]?.components[0]?.custom_id ?? '';
    const [messageId] = harness.fake.botMessageIds();

    since = harness.fake.requests.length;
    const click = harness.fake.clickButton(messageId ?? '', up);
    const ack = await callbackFor(harness, click.id, since);
    expect(ack.type).toBe(InteractionResponseType.UpdateMessage);
    expect(ack.data?.embeds?.[0]?.footer?.text).toMatch(/^Feedback: 👍 1  ·  👎 0\. Thanks!\n/);
    expect(ack.data?.components?.[0]?.components[0]?.custom_id).toBe(up);
    const votes = harness.logs.filter((line) => line.event === 'vote');
    expect(votes).toEqual([
      expect.objectContaining({
        level: 30,
        event: 'vote',
        question: 'does fargate support daemonsets?',
        citation: 'aws-containers.md:28-33',
        vote: 'up',
        userId: harness.fake.alice.id,
      }),
    ]);
  });

  it('logs a 👎 on an answer to a mention, with the question that was asked', async () => {
    const harness = await start();
    let since = harness.fake.requests.length;
    harness.fake.sendUserMessage(`<@${harness.fake.bot.id}> is the EKS control plane free?`);
    const reply = await harness.fake.nextChannelMessage(harness.fake.channelId, since);
    const down = reply.components?.[0]?.components[1]?.custom_id ?? '';
    const [messageId] = harness.fake.botMessageIds();
    since = harness.fake.requests.length;
    const click = harness.fake.clickButton(messageId ?? '', down);
    await callbackFor(harness, click.id, since);
    expect(harness.logs.filter((line) => line.event === 'vote')).toEqual([
      expect.objectContaining({ question: 'is the EKS control plane free?', citation: 'aws-containers.md:40-41', vote: 'down' }),
    ]);
  });
});
