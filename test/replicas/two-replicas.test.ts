import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/adapters/slack/buttons.js';
import { appMention, blockAction, eventCallback, httpDelivery, slashCommand, type SlackDelivery } from '../fakes/slack-payloads.js';
import { FakeSlack, type RecordedCall } from '../fakes/slack-server.js';
import { buttonValue, shownText, sleep } from '../adapters/slack-harness.js';
import { runInProcess } from '../cli/helpers.js';
import { startPostgres, type PostgresServer } from '../store/postgres-server.js';
import { startReplica, type Replica } from './replica-process.js';

/** Two `lore serve` processes behind one fake Slack, sharing one PostgreSQL, as two pods behind a load balancer. */

const SECRET = 'replica-signing-secret';
const LIMIT = 3;

let server: PostgresServer;
let fake: FakeSlack;
let db: string;
let replicas: Replica[] = [];
let to: SlackDelivery[] = [];

beforeAll(async () => {
  [server, fake] = await Promise.all([startPostgres(), FakeSlack.start()]);
  db = await server.createDatabase();
  const env = {
    SLACK_BOT_TOKEN: 'xoxb-replica-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    LORE_DB: db,
    RATE_LIMIT_PER_MINUTE: String(LIMIT),
  };
  replicas = await Promise.all([startReplica(env), startReplica(env)]);
  to = replicas.map((replica) => httpDelivery(fake, `${replica.url}/slack/events`, SECRET));
}, 90_000);

afterAll(async () => {
  const codes = await Promise.all(replicas.map((replica) => replica.stop()));
  await fake?.close();
  await server?.stop();
  expect(codes).toEqual([0, 0]);
});

const isResponse = (call: RecordedCall) => call.method === 'response_url';
const deliver = (replica: number): SlackDelivery => to[replica] as SlackDelivery;

describe('two replicas sharing one PostgreSQL', () => {
  it('answers an event once when Slack retries it and the retry lands on the other replica', async () => {
    const mention = appMention(fake, { text: `<@${fake.botUserId}> does fargate support daemonsets?` });
    const body = eventCallback(fake, mention);
    await Promise.all([deliver(0).event(body), deliver(1).event(body, { retryNum: 1 })]);
    const inThread = (call: RecordedCall) => call.method === 'chat.postMessage' && call.args.thread_ts === mention.ts;
    await fake.waitForCall(inThread, 10_000);
    await sleep(1500);
    expect(fake.calls.filter(inThread)).toHaveLength(1);
    const dropped = replicas.map((replica) => replica.output().includes('dropped a Slack request seen before'));
    expect(dropped.filter(Boolean)).toHaveLength(1);
  });

  it("holds a person's limit across both replicas", async () => {
    // Shared windows are whole minutes: stay inside one.
    const second = new Date().getUTCSeconds();
    if (second > 45) await sleep((61 - second) * 1000);
    const since = fake.calls.length;
    for (let i = 0; i <= LIMIT; i++) {
      await deliver(i % 2).command(slashCommand(fake, '/ask', `does fargate support daemonsets? (${i})`, 'ULIMITED'));
      await fake.waitForCall((call) => isResponse(call) && fake.calls.indexOf(call) >= since + i, 10_000);
    }
    const replies = fake.calls.slice(since).filter(isResponse).map(shownText);
    expect(replies).toHaveLength(LIMIT + 1);
    expect(replies.filter((text) => text.includes(`You've asked ${LIMIT} questions in the last minute`))).toHaveLength(1);
    expect(replies.at(-1)).toContain(`You've asked ${LIMIT} questions`);
  }, 90_000);

  it('records votes cast on either replica in the one database lore stats reads', async () => {
    const since = fake.calls.length;
    await deliver(0).command(slashCommand(fake, '/ask', 'does fargate support daemonsets?', 'UVOTER01'));
    const reply = await fake.waitForCall((call) => isResponse(call) && fake.calls.indexOf(call) >= since, 10_000);
    await deliver(0).action(blockAction(fake, { actionId: ACTION.up, value: buttonValue(reply, ACTION.up), user: 'UVOTER01' }));
    await deliver(1).action(blockAction(fake, { actionId: ACTION.down, value: buttonValue(reply, ACTION.down), user: 'UVOTER02' }));
    // Recording is queued off the answer path: wait for both replicas' writes to land.
    let stats: { votes: { up: number; down: number }; questions: number } | undefined;
    for (let tries = 0; tries < 50; tries++) {
      const { code, stdout } = await runInProcess(['stats', '--json'], { env: { LORE_DB: db } });
      expect(code).toBe(0);
      stats = JSON.parse(stdout) as typeof stats;
      if (stats && stats.votes.up + stats.votes.down >= 2) break;
      await sleep(200);
    }
    expect(stats?.votes).toMatchObject({ up: 1, down: 1 });
    // The retried mention once, the limited person's three answered questions (the refusal is not a gap), the voter's.
    expect(stats?.questions).toBe(1 + LIMIT + 1);
    const gaps = await runInProcess(['gaps', '--json'], { env: { LORE_DB: db } });
    expect(gaps.code).toBe(0);
    expect((JSON.parse(gaps.stdout) as { gaps: { question: string; downvotes: number }[] }).gaps).toEqual([
      expect.objectContaining({ question: 'does fargate support daemonsets?', downvotes: 1 }),
    ]);
  }, 30_000);
});
