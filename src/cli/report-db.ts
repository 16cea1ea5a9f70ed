import { existsSync } from 'node:fs';
import type { Config } from '../config.js';
import { ConfigError } from '../errors.js';
import { DEFAULT_SINCE, parseSince } from '../reports/since.js';
import { silentLogger } from '../logger.js';
import { openSqlClient } from '../store/open.js';
import type { SqlClient } from '../store/sql.js';
import { sqliteClient } from '../store/sqlite-client.js';
import { openDatabase } from '../store/db.js';
import { writeLine, type CliIO } from './context.js';
import type { ParsedArgs } from './args.js';

/** Start of the window a report covers, in ms since the epoch. */
export function reportSince(args: ParsedArgs, now = Date.now()): number {
  return now - (args.since ?? parseSince(DEFAULT_SINCE) ?? 0);
}

/**
 * The database `lore serve` writes (SQLite or PostgreSQL), for reading a report. When nothing has been recorded yet: an empty in-memory
 * one (and a note on stderr), so a report run in the wrong folder does not create a database there.
 */
export async function openReportDatabase(config: Config, io: CliIO): Promise<SqlClient> {
  const { path, url } = config.feedback;
  if (url !== undefined) return openSqlClient(url, silentLogger());
  if (path === undefined) {
    throw new ConfigError('LORE_DB is off, so no questions are recorded and there is nothing to report: unset LORE_DB or set it to the file lore serve writes.');
  }
  if (!existsSync(path)) {
    writeLine(io.stderr, `lore: nothing recorded yet at ${path} (lore serve records questions there; set LORE_DB if it writes elsewhere).`);
    return sqliteClient(openDatabase(':memory:'));
  }
  return sqliteClient(openDatabase(path));
}
