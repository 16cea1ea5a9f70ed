import type { Db } from './db.js';

/** One step of the schema. Released migrations are never edited: a change is a new, higher version. */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'questions, the notes offered for each, votes, settings',
    sql: `
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE questions (
        id INTEGER PRIMARY KEY,
        asked_at INTEGER NOT NULL,
        platform TEXT NOT NULL,
        surface TEXT NOT NULL,
        channel_id TEXT,
        user_hash TEXT,
        question TEXT NOT NULL,
        found INTEGER NOT NULL,
        reason TEXT,
        top_file TEXT,
        top_start INTEGER,
        top_end INTEGER,
        score REAL,
        latency_ms INTEGER NOT NULL
      );
      CREATE INDEX questions_by_time ON questions (asked_at);
      CREATE INDEX questions_by_text ON questions (question, asked_at);
      CREATE TABLE question_notes (
        question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
        rank INTEGER NOT NULL,
        file TEXT NOT NULL,
        start_line INTEGER NOT NULL,
        end_line INTEGER NOT NULL,
        PRIMARY KEY (question_id, rank)
      );
      CREATE INDEX question_notes_by_file ON question_notes (file);
      CREATE TABLE votes (
        id INTEGER PRIMARY KEY,
        voted_at INTEGER NOT NULL,
        question_id INTEGER REFERENCES questions (id) ON DELETE SET NULL,
        platform TEXT NOT NULL,
        channel_id TEXT,
        user_hash TEXT NOT NULL,
        vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
        question TEXT,
        citation TEXT
      );
      CREATE INDEX votes_by_time ON votes (voted_at);
      CREATE INDEX votes_by_question ON votes (question_id);
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/**
 * Brings the database to SCHEMA_VERSION. Runs in one IMMEDIATE transaction, so two processes opening the same
 * file at once (`lore serve` and `lore gaps`) cannot both apply a step. Returns the version found before.
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const latest = migrations.at(-1)?.version ?? 0;
  const run = db.transaction((): number => {
    const row = db.prepare<[], { version: number }>('SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations').get();
    const current = row?.version ?? 0;
    if (current > latest) {
      throw new Error(`it was written by a newer lore (schema version ${current}; this lore knows up to ${latest})`);
    }
    const applied = db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)');
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
      applied.run(migration.version, new Date().toISOString());
    }
    return current;
  });
  return run.immediate();
}
