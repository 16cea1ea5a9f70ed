import { existsSync, mkdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { checkDatabase } from '../../src/doctor/local.js';
import { silentLogger } from '../../src/logger.js';
import { openDatabase } from '../../src/store/db.js';
import { MIGRATIONS, SCHEMA_VERSION, migrate } from '../../src/store/migrations.js';
import { openSqlClient } from '../../src/store/open.js';
import { citedLinesSince } from '../../src/reports/stale.js';
import { FeedbackStore } from '../../src/store/store.js';
import { STORES, useStore } from './backends.js';
import { DAY, NOW, note, question, tempDir } from './helpers.js';

describe('openDatabase (SQLite)', () => {
  let temp: ReturnType<typeof tempDir>;
  afterEach(() => temp.cleanup());

  it('creates the folder and file on first use and records the schema version', () => {
    temp = tempDir();
    expect(existsSync(temp.path)).toBe(false);
    const db = openDatabase(temp.path);
    expect(existsSync(temp.path)).toBe(true);
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual(MIGRATIONS.map(({ version }) => ({ version })));
    db.close();
  });

  it('applies only the migrations a database lacks', () => {
    temp = tempDir();
    openDatabase(temp.path).close();
    const db = new Database(temp.path);
    const extra = [...MIGRATIONS, { version: SCHEMA_VERSION + 1, description: 'test', sql: 'CREATE TABLE extra (x INTEGER)' }];
    expect(migrate(db, extra)).toBe(SCHEMA_VERSION);
    expect(migrate(db, extra)).toBe(SCHEMA_VERSION + 1);
    expect(db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: SCHEMA_VERSION + 1 });
    db.close();
  });

  it('refuses a database written by a newer lore, saying what to fix', () => {
    temp = tempDir();
    openDatabase(temp.path).close();
    const db = new Database(temp.path);
    db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(SCHEMA_VERSION + 5, 'later');
    db.close();
    expect(() => openDatabase(temp.path)).toThrow(expect.objectContaining({ code: 'STORE_UNAVAILABLE', message: expect.stringMatching(/newer lore.*LORE_DB/) }));
  });

  it('fails with STORE_UNAVAILABLE when the path is a folder', () => {
    temp = tempDir();
    mkdirSync(temp.path, { recursive: true });
    expect(() => openDatabase(temp.path)).toThrow(expect.objectContaining({ code: 'STORE_UNAVAILABLE' }));
  });
});

describe('migrations (PostgreSQL)', () => {
  const backend = useStore('postgres');

  it('applies every step once when several replicas open the same database at the same moment', async () => {
    const url = await backend.location();
    const clients = await Promise.all(Array.from({ length: 4 }, () => openSqlClient(url, silentLogger())));
    try {
      expect(await clients[0]?.all('SELECT version FROM schema_migrations ORDER BY version')).toEqual(MIGRATIONS.map(({ version }) => ({ version })));
    } finally {
      await Promise.all(clients.map((client) => client.close()));
    }
  });

  it('refuses a database written by a newer lore, and an unreachable server, with STORE_UNAVAILABLE', async () => {
    const url = await backend.location();
    const client = await openSqlClient(url, silentLogger());
    await client.run('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)', [SCHEMA_VERSION + 5, 'later']);
    await client.close();
    await expect(openSqlClient(url, silentLogger())).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE', message: expect.stringMatching(/newer lore/) });
    const nowhere = url.replace(/:\d+\//, ':1/');
    await expect(openSqlClient(nowhere, silentLogger())).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE', message: expect.stringMatching(/PostgreSQL runs there/) });
  });

  it('is what lore doctor checks, with the password left out of what it prints', async () => {
    const url = (await backend.location()).replace('postgres@', 'postgres:hunter2@');
    const check = (lore: string) => checkDatabase(loadConfig({ LORE_DB: lore }), (path) => path);
    const good = await check(url);
    expect(good).toMatchObject({ status: 'pass', message: expect.stringMatching(/^PostgreSQL at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/\w+ answers/) });
    const bad = await check(url.replace(/:\d+\//, ':1/'));
    expect(bad).toMatchObject({ status: 'fail' });
    expect(JSON.stringify([good, bad])).not.toContain('hunter2');
  });
});

describe.each(STORES)('FeedbackStore on %s', (kind) => {
  const backend = useStore(kind);
  let store: FeedbackStore | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });
  const open = async (location?: string) => (store = await FeedbackStore.open(location ?? (await backend.location())));

  it('records a question with its notes, hashing the user id with a salt kept in the database', async () => {
    const location = await backend.location();
    const s = await open(location);
    const id = await s.recordQuestion(question({ question: 'roll back?', userId: 'U123', notes: [note('ops/deploys.md', 4, 9, 3.5), note('ops/freeze.md')], latencyMs: 12.6 }));
    const row = await s.sql.get<Record<string, unknown>>('SELECT * FROM questions WHERE id = ?', [id]);
    expect(row).toMatchObject({ platform: 'slack', surface: 'slash', channel_id: 'C1', question: 'roll back?', found: 1, top_file: 'ops/deploys.md', top_start: 4, top_end: 9, score: 3.5, latency_ms: 13 });
    expect(row?.user_hash).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(row)).not.toContain('U123');
    expect(await s.sql.all('SELECT rank, file FROM question_notes WHERE question_id = ? ORDER BY rank', [id])).toEqual([
      { rank: 0, file: 'ops/deploys.md' },
      { rank: 1, file: 'ops/freeze.md' },
    ]);
    const hash = s.hashUser('slack', 'U123');
    await s.close();
    const again = await open(location);
    expect(again.hashUser('slack', 'U123')).toBe(hash);
    expect(again.hashUser('discord', 'U123')).not.toBe(hash);
  });

  it('keeps the commit each cited range was read at, for lore stale; none for notes outside git', async () => {
    const s = await open();
    const sha = 'a'.repeat(40);
    const id = await s.recordQuestion(question({ question: 'roll back?', at: NOW, notes: [{ ...note('ops/deploys.md', 4, 9), commit: sha }, note('ops/freeze.md', 1, 2)] }));
    expect(await citedLinesSince(s.sql, NOW - DAY)).toEqual([
      { questionId: id, file: 'ops/deploys.md', startLine: 4, endLine: 9, commit: sha },
      { questionId: id, file: 'ops/freeze.md', startLine: 1, endLine: 2 },
    ]);
  });

  it('links a vote to the voter’s own latest asking, else to anyone’s on the same platform', async () => {
    const s = await open();
    const old = await s.recordQuestion(question({ question: 'roll back?', userId: 'U1', at: NOW - DAY }));
    const mine = await s.recordQuestion(question({ question: 'roll back?', userId: 'U1', at: NOW - 10 }));
    const theirs = await s.recordQuestion(question({ question: 'roll back?', userId: 'U2', at: NOW - 5 }));
    expect(old).toBeLessThan(mine);
    expect(await s.recordVote({ platform: 'slack', userId: 'U1', vote: 'down', question: 'roll back?' }, NOW)).toBe(mine);
    expect(await s.recordVote({ platform: 'slack', userId: 'U3', vote: 'up', question: 'roll back?' }, NOW)).toBe(theirs);
    expect(await s.recordVote({ platform: 'discord', userId: 'U1', vote: 'up', question: 'roll back?' }, NOW)).toBeUndefined();
    expect(await s.recordVote({ platform: 'slack', userId: 'U1', vote: 'up', citation: 'a.md:1-2' }, NOW)).toBeUndefined();
  });

  it('links a vote that has only a citation to the latest question in its channel with that citation first', async () => {
    const s = await open();
    await s.recordQuestion(question({ question: 'older rollback question', platform: 'discord', channelId: 'D1', at: NOW - DAY, notes: [note('ops/deploys.md', 4, 9)] }));
    const latest = await s.recordQuestion(question({ question: 'how do I roll back?', platform: 'discord', channelId: 'D1', at: NOW - 10, notes: [note('ops/deploys.md', 4, 9)] }));
    await s.recordQuestion(question({ question: 'rollback elsewhere', platform: 'discord', channelId: 'D2', at: NOW - 5, notes: [note('ops/deploys.md', 4, 9)] }));
    await s.recordQuestion(question({ question: 'other lines', platform: 'discord', channelId: 'D1', at: NOW - 5, notes: [note('ops/deploys.md', 10, 12)] }));
    expect(await s.recordVote({ platform: 'discord', userId: 'U1', vote: 'down', citation: 'ops/deploys.md:4-9', channelId: 'D1' }, NOW)).toBe(latest);
    expect(await s.sql.get('SELECT question FROM votes WHERE question_id = ?', [latest])).toEqual({ question: 'how do I roll back?' });
    expect(await s.recordVote({ platform: 'discord', userId: 'U1', vote: 'down', citation: 'ops/deploys.md:4-9', channelId: 'D3' }, NOW)).toBeUndefined();
    expect(await s.recordVote({ platform: 'discord', userId: 'U1', vote: 'down', citation: 'ops/deploys.md:4-9' }, NOW)).toBeUndefined();
  });

  it('keeps one vote per person and answer: a later click replaces the earlier one', async () => {
    const s = await open();
    const id = await s.recordQuestion(question({ question: 'roll back?' }));
    await s.recordVote({ platform: 'slack', userId: 'U9', vote: 'up', question: 'roll back?' }, NOW);
    await s.recordVote({ platform: 'slack', userId: 'U9', vote: 'down', question: 'roll back?' }, NOW + 1);
    await s.recordVote({ platform: 'discord', userId: 'U9', vote: 'down', question: 'lost?', citation: 'a.md:1-2' }, NOW);
    await s.recordVote({ platform: 'discord', userId: 'U9', vote: 'up', question: 'lost?', citation: 'a.md:1-2' }, NOW + 1);
    expect(await s.sql.all('SELECT question_id AS id, vote, question FROM votes ORDER BY votes.id')).toEqual([
      { id, vote: 'down', question: 'roll back?' },
      { id: null, vote: 'up', question: 'lost?' },
    ]);
  });

  it('prunes questions and votes older than the retention period', async () => {
    const s = await open();
    await s.recordQuestion(question({ question: 'old', at: NOW - 91 * DAY }));
    await s.recordVote({ platform: 'slack', userId: 'U1', vote: 'down', question: 'old' }, NOW - 91 * DAY);
    await s.recordQuestion(question({ question: 'new', at: NOW - 89 * DAY, notes: [note('a.md')] }));
    expect(await s.prune(90, NOW)).toEqual({ questions: 1, votes: 1 });
    expect(await s.sql.all('SELECT question FROM questions')).toEqual([{ question: 'new' }]);
    expect(await s.sql.get('SELECT COUNT(*) AS n FROM question_notes')).toEqual({ n: 1 });
    expect(await s.prune(90, NOW)).toEqual({ questions: 0, votes: 0 });
  });

  it('rolls a failed transaction back whole', async () => {
    const s = await open();
    await expect(
      s.sql.transaction(async (tx) => {
        await s.within(tx).recordQuestion(question({ question: 'kept?' }));
        await tx.run('INSERT INTO votes (voted_at, platform, user_hash, vote) VALUES (?, ?, ?, ?)', [NOW, 'slack', 'h', 'sideways']);
      }),
    ).rejects.toThrow();
    expect(await s.sql.get('SELECT COUNT(*) AS n FROM questions')).toEqual({ n: 0 });
  });
});
