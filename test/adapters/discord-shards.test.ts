import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../fakes/discord-server.js';
import { BUNDLED_NOTES, ROOT } from '../cli/helpers.js';
import { sleep } from './slack-harness.js';

/** DISCORD_SHARDS=auto: `lore serve` under discord.js's ShardingManager, against a fake Discord that wants 2 shards. */

let fake: FakeDiscord;
let lore: ChildProcess;
let output = '';
let exited: Promise<number | null>;

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms:\n${output}`);
    await sleep(100);
  }
}

beforeAll(async () => {
  fake = await FakeDiscord.start({ shards: 2 });
  lore = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      KNOWLEDGE_DIR: BUNDLED_NOTES,
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_SHARDS: 'auto',
      LORE_DB: 'off',
      WATCH: 'false',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  lore.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  lore.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  exited = new Promise((resolve) => lore.once('exit', (code) => resolve(code)));
  await until(() => output.includes('every Discord shard is ready'), 60_000, 'every shard ready');
}, 90_000);

afterAll(async () => {
  if (lore.exitCode === null) lore.kill('SIGKILL');
  await fake.close();
});

describe('Discord shards', () => {
  it('starts one process per recommended shard, each identifying as its own shard', () => {
    expect(fake.requests.some((request) => request.path === '/gateway/bot')).toBe(true);
    expect(fake.identifies.map((identify) => identify.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(fake.openConnections).toBe(2);
    const ready = output.split('\n').filter((line) => line.includes('"Discord shard ready"'));
    expect(ready).toHaveLength(2);
  });

  it('answers a guild message once, from the shard that guild belongs to, and registers commands once', async () => {
    const since = fake.requests.length;
    fake.sendUserMessage(`<@${fake.bot.id}> does fargate support daemonsets?`);
    const reply = await fake.nextChannelMessage(fake.channelId, since, 10_000);
    expect(JSON.stringify(reply)).toMatch(/fargate|Fargate/);
    await sleep(1500);
    expect(fake.channelMessages(fake.channelId, since)).toHaveLength(1);
    expect(fake.requests.filter((request) => request.method === 'PUT' && /\/commands$/.test(request.path))).toHaveLength(1);
  });

  it('stops every shard on SIGTERM and exits 0', async () => {
    lore.kill('SIGTERM');
    expect(await exited).toBe(0);
    await until(() => fake.openConnections === 0, 10_000, 'every shard disconnected');
  }, 30_000);
});

describe('DISCORD_SHARDS', () => {
  it('takes auto or a number, and knows a shard process by what the ShardingManager sets', async () => {
    const { loadConfig } = await import('../../src/config.js');
    expect(loadConfig({ DISCORD_TOKEN: 't', DISCORD_SHARDS: 'auto' }).discord).toMatchObject({ shards: 'auto' });
    expect(loadConfig({ DISCORD_TOKEN: 't', DISCORD_SHARDS: '4' }).discord).toMatchObject({ shards: 4 });
    expect(loadConfig({ DISCORD_TOKEN: 't' }).discord?.shards).toBeUndefined();
    expect(loadConfig({ DISCORD_TOKEN: 't', SHARDING_MANAGER: 'true', SHARDS: '1', SHARD_COUNT: '2' }).discord?.shard).toEqual({ id: 1, count: 2 });
    expect(() => loadConfig({ DISCORD_TOKEN: 't', DISCORD_SHARDS: 'many' })).toThrow(/DISCORD_SHARDS: must be auto or a whole number of shards/);
  });
});
