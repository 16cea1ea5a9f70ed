import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { migratePostgres } from '../../src/store/migrations.js';
import { postgresClient } from '../../src/store/postgres-client.js';
import { postgresSharedState } from '../../src/store/postgres-shared-state.js';
import { memoryRateLimitCounter, memoryReplayGuard, type RateLimitCounter, type ReplayGuard } from '../../src/chat/shared-state.js';
import type { SqlClient } from '../../src/store/sql.js';
import { startPostgres, type PostgresServer } from './postgres-server.js';
import { capturingLogger } from './helpers.js';

let server: PostgresServer;
const clients: SqlClient[] = [];
beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterAll(async () => {
  await server.stop();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

/** Two replicas' worth of shared state over one fresh database, each with its own pool, as two processes would have. */
async function replicas(count: number, now: () => number = Date.now, logger = silentLogger()) {
  const url = await server.createDatabase();
  const made = Array.from({ length: count }, () => postgresClient(url, silentLogger(), { connectTimeoutMs: 1000, statementTimeoutMs: 1000 }));
  clients.push(...made);
  await migratePostgres(made[0] as SqlClient);
  return made.map((sql) => postgresSharedState(sql, logger, now));
}

type Pair = { replays: ReplayGuard[]; limits: RateLimitCounter[]; clock: { now: number } };

const kinds: [string, (clock: { now: number }) => Promise<Pair>][] = [
  [
    'memory (one replica)',
    async (clock) => {
      const limits = memoryRateLimitCounter(() => clock.now);
      const replays = memoryReplayGuard();
      return { replays: [replays, replays], limits: [limits, limits], clock };
    },
  ],
  [
    'postgres (two replicas)',
    async (clock) => {
      const states = await replicas(2, () => clock.now);
      return { replays: states.map((s) => s.replays), limits: states.map((s) => s.limits), clock };
    },
  ],
];

describe.each(kinds)('shared state in %s', (name, make) => {
  it('lets exactly one of many simultaneous claims of a key through, across replicas', async () => {
    const { replays } = await make({ now: Date.now() });
    const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => (replays[i % 2] as ReplayGuard).claim('slack:event:Ev1', 60_000)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await replays[0]?.claim('slack:event:Ev2', 60_000)).toBe(true);
    expect(await replays[1]?.claim('slack:event:Ev2', 60_000)).toBe(false);
  });

  it('holds a person to the limit across replicas, counting only what it allows, and starts again in the next window', async () => {
    const clock = { now: Date.UTC(2026, 2, 31, 12, 0, 5) };
    const { limits } = await make(clock);
    const hits = await Promise.all(Array.from({ length: 10 }, (_, i) => (limits[i % 2] as RateLimitCounter).hit('slack:U1', 3, 60_000)));
    expect(hits.filter((hit) => hit.allowed)).toHaveLength(3);
    expect((await limits[0]?.hit('slack:U2', 3, 60_000))?.allowed).toBe(true);
    clock.now += 10_000;
    // In memory the oldest hit leaves the sliding window 60 s after it; PostgreSQL's window ends on the minute.
    const wait = (await limits[1]?.hit('slack:U1', 3, 60_000))?.retryAfterMs;
    expect(wait).toBe(name.startsWith('memory') ? 50_000 : 45_000);
    clock.now += 61_000;
    expect((await limits[1]?.hit('slack:U1', 3, 60_000))?.allowed).toBe(true);
  });
});

describe('PostgreSQL replay claims', () => {
  it('may be taken again once expired', async () => {
    const clock = { now: 1_000_000 };
    const [a, b] = await replicas(2, () => clock.now);
    expect(await a?.replays.claim('k', 1000)).toBe(true);
    clock.now += 500;
    expect(await b?.replays.claim('k', 1000)).toBe(false);
    clock.now += 600;
    expect(await b?.replays.claim('k', 1000)).toBe(true);
  });
});

describe('PostgreSQL going away', () => {
  it("falls back to each replica's memory, says so once, counts it, and shares again once PostgreSQL is back", async () => {
    const { logger, lines } = capturingLogger();
    const [state] = await replicas(1, Date.now, logger);
    if (!state) throw new Error('no replica');
    expect(await state.replays.claim('before', 60_000)).toBe(true);
    await server.halt();
    try {
      expect(await state.replays.claim('before', 60_000)).toBe(false);
      expect(await state.replays.claim('during', 60_000)).toBe(true);
      expect(await state.replays.claim('during', 60_000)).toBe(false);
      expect((await state.limits.hit('slack:U1', 1, 60_000)).allowed).toBe(true);
      expect((await state.limits.hit('slack:U1', 1, 60_000)).allowed).toBe(false);
      expect(state.counts()).toMatchObject({ degraded: true, outages: 1, fallbacks: 5 });
    } finally {
      await server.restart();
    }
    expect(await state.replays.claim('after', 60_000)).toBe(true);
    expect(state.counts()).toMatchObject({ degraded: false, outages: 1 });
    const said = lines.filter((line) => /PostgreSQL/.test(String(line.msg))).map((line) => [line.level, line.msg]);
    expect(said).toEqual([
      [40, "PostgreSQL cannot be reached: de-duplication and rate limits fall back to this replica's memory until it is back"],
      [30, 'PostgreSQL is back: de-duplication and rate limits are shared by the replicas again'],
    ]);
  }, 30_000);
});

describe('LORE_DB', () => {
  it('selects PostgreSQL with a postgres:// URL and SQLite with a path', () => {
    expect(loadConfig({ LORE_DB: 'postgres://lore:secret@db:5432/lore' }, {}, '/srv').feedback).toMatchObject({ url: 'postgres://lore:secret@db:5432/lore', path: undefined });
    expect(loadConfig({ LORE_DB: 'postgresql://db/lore' }, {}, '/srv').feedback.url).toBe('postgresql://db/lore');
    expect(loadConfig({ LORE_DB: 'data/x.db' }, {}, '/srv').feedback).toMatchObject({ path: '/srv/data/x.db', url: undefined });
    expect(loadConfig({ LORE_DB: 'off' }, {}, '/srv').feedback).toMatchObject({ path: undefined, url: undefined });
  });

  it.each(['https://db.example.com/lore', 'mysql://db/lore', 'postgres://lore:secret@/lore'])('refuses %s, saying what it takes', (value) => {
    expect(() => loadConfig({ LORE_DB: value })).toThrow(/LORE_DB: .*(PostgreSQL URL|postgres:\/\/user:password)/);
  });
});
