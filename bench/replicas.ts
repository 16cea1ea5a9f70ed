/**
 * `npm run bench -- --replicas`: lore as two replicas sharing one PostgreSQL against one replica on SQLite, each a
 * real `lore serve` process in Slack HTTP mode behind a fake Slack on 127.0.0.1. 1,000 questions as @-mentions,
 * 5% of them delivered twice (a Slack retry), to different replicas when there are two. Counts the questions
 * answered twice and never answered, and compares answer latency.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import Database from 'better-sqlite3';
import { appMention, eventCallback, httpDelivery, type SlackDelivery } from '../test/fakes/slack-payloads.js';
import { FakeSlack, type RecordedCall } from '../test/fakes/slack-server.js';
import { startPostgres } from '../test/store/postgres-server.js';
import { startReplica, type Replica } from '../test/replicas/replica-process.js';
import { fixed, formatTable, percentile, target } from './table.js';
import { seeded } from './random.js';

export const REPLICAS_USAGE = 'usage: npm run bench -- --replicas [--questions 1000] [--twice 0.05] [--concurrency 8] [--seed N]';

interface Options {
  questions: number;
  twice: number;
  concurrency: number;
  seed: number;
}

const SECRET = 'bench-signing-secret';
const QUESTIONS = [
  'does fargate support daemonsets?',
  'is the ECS control plane free?',
  'how do I run containers on AWS?',
  'what does EKS cost per cluster?',
  'can fargate tasks use GPUs?',
  'where do I set task memory?',
];

interface Run {
  setup: string;
  questions: number;
  deliveredTwice: number;
  answered: number;
  duplicates: number;
  lost: number;
  recorded: number;
  latencies: number[];
  wallMs: number;
}

function parse(argv: readonly string[]): Options {
  const options: Options = { questions: 1000, twice: 0.05, concurrency: 8, seed: 20261129 };
  for (let i = 0; i < argv.length; i++) {
    const [flag = '', inline] = (argv[i] ?? '').split('=', 2);
    const value = Number(inline ?? argv[++i]);
    if (flag === '--questions' && Number.isInteger(value) && value > 0) options.questions = value;
    else if (flag === '--twice' && value >= 0 && value <= 1) options.twice = value;
    else if (flag === '--concurrency' && Number.isInteger(value) && value > 0) options.concurrency = value;
    else if (flag === '--seed' && Number.isInteger(value)) options.seed = value;
    else throw new Error(`Bad or unknown option ${flag}.\n${REPLICAS_USAGE}`);
  }
  return options;
}

async function load(setup: string, replicas: Replica[], fake: FakeSlack, options: Options, count: () => Promise<number>): Promise<Run> {
  const to: SlackDelivery[] = replicas.map((replica) => httpDelivery(fake, `${replica.url}/slack/events`, SECRET));
  const random = seeded(options.seed);
  const twice = new Set<number>();
  while (twice.size < Math.round(options.questions * options.twice)) twice.add(random.int(0, options.questions - 1));
  const answersIn = new Map<string, number>();
  const waiting = new Map<string, () => void>();
  const onCall = (call: RecordedCall) => {
    if (call.method !== 'chat.postMessage' || typeof call.args.thread_ts !== 'string') return;
    answersIn.set(call.args.thread_ts, (answersIn.get(call.args.thread_ts) ?? 0) + 1);
    waiting.get(call.args.thread_ts)?.();
  };
  const seen = { at: 0 };
  const poll = setInterval(() => {
    for (; seen.at < fake.calls.length; seen.at++) onCall(fake.calls[seen.at] as RecordedCall);
  }, 1);
  const latencies: number[] = [];
  const threads: string[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < options.questions) {
      const i = next++;
      const mention = appMention(fake, { text: `<@${fake.botUserId}> ${QUESTIONS[i % QUESTIONS.length]}`, user: `UBENCH${i % 100}` });
      const ts = String(mention.ts);
      threads.push(ts);
      const body = eventCallback(fake, mention);
      const first = i % to.length;
      const answered = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no answer to question ${i} within 10 s`)), 10_000);
        waiting.set(ts, () => {
          clearTimeout(timer);
          resolve();
        });
      });
      const asked = performance.now();
      const deliveries = [(to[first] as SlackDelivery).event(body)];
      if (twice.has(i)) deliveries.push((to[(first + 1) % to.length] as SlackDelivery).event(body, { retryNum: 1 }));
      await Promise.all(deliveries);
      const ok = await answered.then(() => true, () => false);
      waiting.delete(ts);
      if (ok) latencies.push(performance.now() - asked);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const wallMs = performance.now() - started;
  // Late duplicates would arrive within a second or two.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  clearInterval(poll);
  for (; seen.at < fake.calls.length; seen.at++) onCall(fake.calls[seen.at] as RecordedCall);
  const answers = threads.map((ts) => answersIn.get(ts) ?? 0);
  let recorded = await count();
  for (let tries = 0; tries < 50 && recorded < options.questions; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    recorded = await count();
  }
  return {
    setup,
    questions: options.questions,
    deliveredTwice: twice.size,
    answered: answers.filter((n) => n > 0).length,
    duplicates: answers.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
    lost: answers.filter((n) => n === 0).length,
    recorded,
    latencies,
    wallMs,
  };
}

const env = (fake: FakeSlack, db: string) => ({
  SLACK_BOT_TOKEN: 'xoxb-bench-token',
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_API_URL: fake.apiUrl,
  LORE_DB: db,
  LOG_LEVEL: 'warn',
  RATE_LIMIT_PER_MINUTE: '10000',
});

async function sqliteRun(options: Options): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'lore-bench-'));
  const path = join(dir, 'lore.db');
  const fake = await FakeSlack.start();
  const replica = await startReplica(env(fake, path));
  try {
    return await load('1 replica, SQLite', [replica], fake, options, async () => {
      const db = new Database(path, { readonly: true });
      try {
        return (db.prepare('SELECT COUNT(*) AS n FROM questions').get() as { n: number }).n;
      } finally {
        db.close();
      }
    });
  } finally {
    await replica.stop();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresRun(options: Options, count: number): Promise<Run> {
  const server = await startPostgres();
  const fake = await FakeSlack.start();
  const url = await server.createDatabase();
  const replicas = await Promise.all(Array.from({ length: count }, () => startReplica(env(fake, url))));
  try {
    return await load(`${count} replica${count === 1 ? '' : 's'}, PostgreSQL`, replicas, fake, options, async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return Number((await client.query('SELECT COUNT(*) AS n FROM questions')).rows[0]?.n);
      } finally {
        await client.end();
      }
    });
  } finally {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await fake.close();
    await server.stop();
  }
}

export async function runReplicasBench(argv: readonly string[]): Promise<void> {
  const options = parse(argv);
  console.log(`replicas: ${options.questions} questions as @-mentions, ${Math.round(options.twice * 100)}% delivered twice, ${options.concurrency} in flight\n`);
  // The middle row separates what PostgreSQL costs from what a second process on the same cores costs.
  const runs = [await sqliteRun(options), await postgresRun(options, 1), await postgresRun(options, 2)];
  console.log(
    formatTable(
      ['setup', 'questions', 'sent twice', 'answered', 'answered twice', 'lost', 'recorded', 'p50 ms', 'p95 ms', 'wall s'],
      runs.map((run) => [
        run.setup,
        run.questions,
        run.deliveredTwice,
        run.answered,
        run.duplicates,
        run.lost,
        run.recorded,
        fixed(percentile(run.latencies, 50), 1),
        fixed(percentile(run.latencies, 95), 1),
        fixed(run.wallMs / 1000, 1),
      ]),
    ),
  );
  console.log('\nLatency: from delivering the event to the answer posted in its thread, seen by the fake Slack.');
  console.log(`Every process (fake Slack, replicas, PostgreSQL) shares this machine's ${availableParallelism()} cores.`);
  const [single, , replicated] = runs as [Run, Run, Run];
  const ratio = percentile(replicated.latencies, 95) / percentile(single.latencies, 95);
  console.log('\ntargets:');
  console.log(`  ${target('0 duplicates answered with two replicas', replicated.duplicates === 0, String(replicated.duplicates))}`);
  console.log(`  ${target('0 questions lost with two replicas', replicated.lost === 0, String(replicated.lost))}`);
  console.log(`  ${target('p95 answer latency within 1.5× of one replica on SQLite', ratio <= 1.5, `${fixed(ratio, 2)}×`)}`);
}
