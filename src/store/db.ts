import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { LoreError, asError } from '../errors.js';
import { migrate } from './migrations.js';

export type Db = Database.Database;

/** How long a write waits for another process's lock before failing (the answer never waits: writes are deferred). */
const BUSY_TIMEOUT_MS = 2000;

/**
 * Opens (creating file and folder on first use) and migrates the feedback database. Throws a LoreError saying
 * what to fix; the native module is loaded here too, so a broken build surfaces as the same error.
 */
export function openDatabase(path: string): Db {
  let db: Db | undefined;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    // WAL lets `lore gaps` read while `lore serve` writes.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    throw new LoreError(
      'STORE_UNAVAILABLE',
      `Could not open the feedback database ${path}: ${asError(error).message}. Set LORE_DB to a writable file (or LORE_DB=off).`,
      { cause: error },
    );
  }
}
