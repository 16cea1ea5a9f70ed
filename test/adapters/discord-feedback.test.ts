import Database from 'better-sqlite3';
import { InteractionResponseType, MessageFlags } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { NOT_RECORDING } from '../../src/chat/wording.js';
import { createDiscordAdapter } from '../../src/adapters/discord/client.js';
import { silentLogger } from '../../src/logger.js';
import { openFeedback, type Feedback } from '../../src/store/feedback.js';
import type { RecordingService } from '../../src/store/recording-service.js';
import type { InteractionCallbackBody, RecordedRequest } from '../fakes/discord-requests.js';
import { tempDir } from '../store/helpers.js';
import { FixtureService, startHarness, type Harness } from './discord-helpers.js';

let temp: ReturnType<typeof tempDir> | undefined;
let feedback: Feedback | undefined;
let recorder: RecordingService;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  await feedback?.close();
  temp?.cleanup();
  h = feedback = temp = undefined;
});

async function start(withReports = true): Promise<Harness> {
  temp = tempDir();
  feedback = await openFeedback({ path: temp.path, retentionDays: 90 }, silentLogger());
  if (!feedback) throw new Error('the feedback store did not open');
  recorder = feedback.record(new FixtureService());
  h = await startHarness(recorder, withReports ? { reports: feedback.reports } : {});
  return h;
}

const isCallback = (id: string) => (r: RecordedRequest) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`);
async function callbackFor(harness: Harness, id: string, since: number): Promise<InteractionCallbackBody> {
  return (await harness.fake.waitForRequest(isCallback(id), since)).body as InteractionCallbackBody;
}

/** `/ask question`: the answer's callback, and the id of the message it became. */
async function ask(harness: Harness, question: string): Promise<{ answer: InteractionCallbackBody; messageId: string }> {
  const since = harness.fake.requests.length;
  const sent = harness.fake.sendAsk(question);
  const answer = await callbackFor(harness, sent.id, since);
  return { answer, messageId: harness.fake.botMessageIds().at(-1) ?? '' };
}

/** Clicks a button under a message and waits for lore's callback. */
async function click(harness: Harness, messageId: string, customId: string): Promise<InteractionCallbackBody> {
  const since = harness.fake.requests.length;
  return callbackFor(harness, harness.fake.clickButton(messageId, customId).id, since);
}

/** What the store holds once queued writes are done, read over a connection of its own. */
async function rows(sql: string): Promise<unknown[]> {
  await recorder.flush();
  const db = new Database(temp?.path ?? '', { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

describe('Discord feedback', () => {
  it('stores the /ask question and a 👎 click on its answer, linked together', async () => {
    const harness = await start();
    const { answer, messageId } = await ask(harness, 'is the EKS control plane free?');
    await click(harness, messageId, answer.data?.components?.[0]?.components[1]?.custom_id ?? '');
    expect(await rows('SELECT q.platform, q.surface, q.question, q.found, q.top_file AS top, v.vote, v.citation FROM votes v JOIN questions q ON q.id = v.question_id')).toEqual([
      { platform: 'discord', surface: 'slash', question: 'is the EKS control plane free?', found: 1, top: 'aws-containers.md', vote: 'down', citation: 'aws-containers.md:40-41' },
    ]);
  });

  it('links a vote after a restart to its question: the store keeps each shown answer by the id its buttons carry', async () => {
    const harness = await start();
    const { answer, messageId } = await ask(harness, 'is the EKS control plane free?');
    // A later question in the channel with the same citation: a button carrying only the citation would be linked to it.
    const later = await ask(harness, 'EKS control plane free of charge?');
    expect(later.answer.data?.components?.[0]?.components[0]?.custom_id).toMatch(/:aws-containers\.md:40-41$/);
    await harness.adapter.stop();
    const restarted = createDiscordAdapter({ config: { token: harness.fake.token, apiUrl: harness.fake.apiUrl }, service: recorder, logger: silentLogger() });
    await restarted.start();
    try {
      await click(harness, messageId, answer.data?.components?.[0]?.components[0]?.custom_id ?? '');
    } finally {
      await restarted.stop();
    }
    expect(await rows('SELECT q.question, v.vote, v.question AS voted, v.citation FROM votes v JOIN questions q ON q.id = v.question_id')).toEqual([
      { question: 'is the EKS control plane free?', vote: 'up', voted: 'is the EKS control plane free?', citation: 'aws-containers.md:40-41' },
    ]);
  });

  it('reads the citation from a button posted by an older version (file#Lstart-end)', async () => {
    const harness = await start();
    const { messageId } = await ask(harness, 'is the EKS control plane free?');
    await click(harness, messageId, 'lore:vote:up:aws-containers.md#L40-41');
    expect(await rows('SELECT vote, citation FROM votes')).toEqual([{ vote: 'up', citation: 'aws-containers.md:40-41' }]);
  });

  it('/lore-gaps shows the top gaps only to the person who asks', async () => {
    const harness = await start();
    let since = harness.fake.requests.length;
    const ask = harness.fake.sendAsk('how do I bake sourdough bread?');
    await callbackFor(harness, ask.id, since);
    since = harness.fake.requests.length;
    const gaps = harness.fake.sendCommand('lore-gaps');
    const reply = await callbackFor(harness, gaps.id, since);
    expect(reply.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(reply.data?.flags).toBe(MessageFlags.Ephemeral);
    expect(reply.data?.content).toContain('**1.** how do I bake sourdough bread?\n1 time: 1 unanswered');
    expect(reply.data?.content).toMatch(/\n\nRun `lore gaps` for the full list\.$/);
  });

  it('/lore-gaps says so when nothing is recorded', async () => {
    const harness = await start(false);
    const since = harness.fake.requests.length;
    const gaps = harness.fake.sendCommand('lore-gaps');
    const reply = await callbackFor(harness, gaps.id, since);
    expect(reply.data).toMatchObject({ content: NOT_RECORDING, flags: MessageFlags.Ephemeral });
  });

  it('registers /lore-gaps next to /ask, usable in servers and DMs', async () => {
    const harness = await start();
    const [, gaps] = harness.fake.commands.get('global') ?? [];
    expect(gaps).toMatchObject({ name: 'lore-gaps', type: 1, contexts: [0, 1], integration_types: [0] });
  });
});
