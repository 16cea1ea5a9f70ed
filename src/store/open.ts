import { LoreError, asError } from '../errors.js';
import type { Logger } from '../logger.js';
import { openDatabase } from './db.js';
import { migratePostgres } from './migrations.js';
import { postgresClient, type PostgresOptions } from './postgres-client.js';
import { isPostgresUrl, redactUrl, type SqlClient } from './sql.js';
import { sqliteClient } from './sqlite-client.js';

/**
 * Opens and migrates the database at `location`: a postgres:// URL, or the path of an SQLite file (created with
 * its folder on first use). Throws a LoreError (STORE_UNAVAILABLE) saying what to fix.
 */
export async function openSqlClient(location: string, logger: Logger, options: PostgresOptions = {}): Promise<SqlClient> {
  if (!isPostgresUrl(location)) return sqliteClient(openDatabase(location));
  const client = postgresClient(location, logger, options);
  try {
    await migratePostgres(client);
    return client;
  } catch (error) {
    await client.close().catch(() => undefined);
    throw new LoreError(
      'STORE_UNAVAILABLE',
      `Could not open the feedback database ${redactUrl(location)}: ${asError(error).message}. Check that PostgreSQL runs there and LORE_DB's user may create tables (or LORE_DB=off).`,
      { cause: error },
    );
  }
}
