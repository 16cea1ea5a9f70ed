import { existsSync, mkdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.js';
import { MIGRATIONS, SCHEMA_VERSION, migrate } from '../../src/store/migrations.js';
import { FeedbackStore } from '../../src/store/store.js';
import { DAY, NOW, note, question, tempDir } from './helpers.js';

let temp: ReturnType<typeof tempDir>;
let store: FeedbackStore | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
  temp.cleanup();
});
const open = () => (store = FeedbackStore.open(temp.path));

describe('openDatabase', () => {
  it('creates the folder and file on first use and records the schema version', () => {
    temp = tempDir();
    expect(existsSync(temp.path)).toBe(false);
    const db = openDatabase(temp.path);
    expect(existsSync(temp.path)).toBe(true);
    expect(db.prepare('SELECT version FROM schema_migrations').all()).toEqual([{ version: SCHEMA_VERSION }]);
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

describe('FeedbackStore', () => {
  it('records a question with its notes, hashing the user id with a salt kept in the database', () => {
    temp = tempDir();
    const id = open().recordQuestion(question({ question: 'roll back?', userId: 'U123', notes: [note('ops/deploys.md', 4, 9, 3.5), note('ops/freeze.md')], latencyMs: 12.6 }));
    const row = store?.db.prepare('SELECT * FROM questions WHERE id = ?').get(id) as Record<string, unknown>;
    expect(row).toMatchObject({ platform: 'slack', surface: 'slash', channel_id: 'C1', question: 'roll back?', found: 1, top_file: 'ops/deploys.md', top_start: 4, top_end: 9, score: 3.5, latency_ms: 13 });
    expect(row.user_hash).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(row)).not.toContain('U123');
    expect(store?.db.prepare('SELECT rank, file FROM question_notes WHERE question_id = ? ORDER BY rank').all(id)).toEqual([
      { rank: 0, file: 'ops/deploys.md' },
      { rank: 1, file: 'ops/freeze.md' },
    ]);
    const hash = store?.hashUser('slack', 'U123');
    store?.close();
    expect(open().hashUser('slack', 'U123')).toBe(hash);
    expect(store?.hashUser('discord', 'U123')).not.toBe(hash);
  });

  it('links a vote to the voter’s own latest asking, else to anyone’s on the same platform', () => {
    temp = tempDir();
    const s = open();
    const old = s.recordQuestion(question({ question: 'roll back?', userId: 'U1', at: NOW - DAY }));
    const mine = s.recordQuestion(question({ question: 'roll back?', userId: 'U1', at: NOW - 10 }));
    const theirs = s.recordQuestion(question({ question: 'roll back?', userId: 'U2', at: NOW - 5 }));
    expect(old).toBeLessThan(mine);
    expect(s.recordVote({ platform: 'slack', userId: 'U1', vote: 'down', question: 'roll back?' }, NOW)).toBe(mine);
    expect(s.recordVote({ platform: 'slack', userId: 'U3', vote: 'up', question: 'roll back?' }, NOW)).toBe(theirs);
    expect(s.recordVote({ platform: 'discord', userId: 'U1', vote: 'up', question: 'roll back?' }, NOW)).toBeUndefined();
    expect(s.recordVote({ platform: 'slack', userId: 'U1', vote: 'up', citation: 'a.md:1-2' }, NOW)).toBeUndefined();
  });

  it('links a vote that has only a citation to the latest question in its channel with that citation first', () => {
    temp = tempDir();
    const s = open();
    s.recordQuestion(question({ question: 'older rollback question', platform: 'discord', channelId: 'D1', at: NOW - DAY, notes: [note('ops/deploys.md', 4, 9)] }));
    const latest = s.recordQuestion(question({ question: 'how do I roll back?', platform: 'discord', channelId: 'D1', at: NOW - 10, notes: [note('ops/deploys.md', 4, 9)] }));
    s.recordQuestion(question({ question: 'rollback elsewhere', platform: 'discord', channelId: 'D2', at: NOW - 5, notes: [note('ops/deploys.md', 4, 9)] }));
    s.recordQuestion(question({ question: 'other lines', platform: 'discord', channelId: 'D1', at: NOW - 5, notes: [note('ops/deploys.md', 10, 12)] }));
    expect(s.recordVote({ platform: 'discord', userId: 'U1', vote: 'down', citation: 'ops/deploys.md:4-9', channelId: 'D1' }, NOW)).toBe(latest);
    expect(s.db.prepare('SELECT question FROM votes WHERE question_id = ?').get(latest)).toEqual({ question: 'how do I roll back?' });
    expect(s.recordVote({ platform: 'discord', userId: 'U1', vote: 'down', citation: 'ops/deploys.md:4-9', channelId: 'D3' }, NOW)).toBeUndefined();
    expect(s.recordVote({ platform: 'discord', userId: 'U1', vote: 'down', citation: 'ops/deploys.md:4-9' }, NOW)).toBeUndefined();
  });

  it('keeps one vote per person and answer: a later click replaces the earlier one', () => {
    temp = tempDir();
    const s = open();
    const id = s.recordQuestion(question({ question: 'roll back?' }));
    s.recordVote({ platform: 'slack', userId: 'U9', vote: 'up', question: 'roll back?' }, NOW);
    s.recordVote({ platform: 'slack', userId: 'U9', vote: 'down', question: 'roll back?' }, NOW + 1);
    s.recordVote({ platform: 'discord', userId: 'U9', vote: 'down', question: 'lost?', citation: 'a.md:1-2' }, NOW);
    s.recordVote({ platform: 'discord', userId: 'U9', vote: 'up', question: 'lost?', citation: 'a.md:1-2' }, NOW + 1);
    expect(s.db.prepare('SELECT question_id AS id, vote, question FROM votes ORDER BY votes.id').all()).toEqual([
      { id, vote: 'down', question: 'roll back?' },
      { id: null, vote: 'up', question: 'lost?' },
    ]);
  });

  it('prunes questions and votes older than the retention period', () => {
    temp = tempDir();
    const s = open();
    s.recordQuestion(question({ question: 'old', at: NOW - 91 * DAY }));
    s.recordVote({ platform: 'slack', userId: 'U1', vote: 'down', question: 'old' }, NOW - 91 * DAY);
    s.recordQuestion(question({ question: 'new', at: NOW - 89 * DAY, notes: [note('a.md')] }));
    expect(s.prune(90, NOW)).toEqual({ questions: 1, votes: 1 });
    expect(s.db.prepare('SELECT question FROM questions').all()).toEqual([{ question: 'new' }]);
    expect(s.db.prepare('SELECT COUNT(*) AS n FROM question_notes').get()).toEqual({ n: 1 });
    expect(s.prune(90, NOW)).toEqual({ questions: 0, votes: 0 });
  });
});
