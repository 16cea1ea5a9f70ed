import pg from 'pg';
import type { Logger } from '../logger.js';
import { numberedPlaceholders, redactUrl, type SqlClient, type SqlValue } from './sql.js';

export interface PostgresOptions {
  /** Connections held at most (default 5). */
  max?: number;
  /** How long getting a connection may take before the call fails (default 2 s): an unreachable server fails fast. */
  connectTimeoutMs?: number;
  /** How long one statement may take (default 5 s). */
  statementTimeoutMs?: number;
}

const INT8 = 20;
const NUMERIC = 1700;

// COUNT and SUM come back as int8/numeric, which pg hands over as strings; lore's counts and epoch milliseconds fit a double.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 || oid === NUMERIC ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

/**
 * An SqlClient over a pg connection pool. Connections a stopped server drops are replaced on the next call; an
 * idle connection's error is logged instead of crashing the process.
 */
export function postgresClient(url: string, logger: Logger, options: PostgresOptions = {}): SqlClient & { readonly pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 5,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 2000,
    query_timeout: options.statementTimeoutMs ?? 5000,
    idleTimeoutMillis: 30_000,
    types,
  });
  pool.on('error', (error) => logger.debug({ err: error }, 'an idle PostgreSQL connection failed'));
  const name = redactUrl(url);

  const over = (query: (config: pg.QueryConfig) => Promise<pg.QueryResult>): Omit<SqlClient, 'transaction' | 'close'> => {
    const send = (sql: string, params: readonly SqlValue[]) => query(queryConfig(sql, params));
    return {
      dialect: 'postgres',
      name,
      all: async <T>(sql: string, params: readonly SqlValue[] = []) => (await send(sql, params)).rows as T[],
      get: async <T>(sql: string, params: readonly SqlValue[] = []) => (await send(sql, params)).rows[0] as T | undefined,
      run: async (sql: string, params: readonly SqlValue[] = []) => (await send(sql, params)).rowCount ?? 0,
    };
  };

  const client: SqlClient & { pool: pg.Pool } = {
    ...over((config) => pool.query(config)),
    pool,
    async transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
      const connection = await pool.connect();
      let broken: Error | undefined;
      // A connection the server drops while held emits 'error'; the statement waiting on it fails with it anyway.
      const dropped = (error: Error) => (broken = error);
      connection.on('error', dropped);
      try {
        await connection.query('BEGIN');
        const inside: SqlClient = {
          ...over((config) => connection.query(config)),
          transaction: (nested) => nested(inside),
          close: async () => undefined,
        };
        const result = await work(inside);
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        await connection.query('ROLLBACK').catch((rollback: Error) => (broken = rollback));
        throw error;
      } finally {
        connection.off('error', dropped);
        connection.release(broken);
      }
    },
    async close() {
      await pool.end();
    },
  };
  return client;
}

const PREPARED_MAX = 500;
const prepared = new Map<string, string>();

/**
 * Statements with values are prepared once per connection, by name (the server then skips parsing and planning
 * them again); without values pg sends a simple query, which may hold several statements (migrations do).
 */
function queryConfig(sql: string, params: readonly SqlValue[]): pg.QueryConfig {
  const text = numberedPlaceholders(sql);
  if (params.length === 0) return { text };
  let name = prepared.get(text);
  if (name === undefined && prepared.size < PREPARED_MAX) prepared.set(text, (name = `lore_${prepared.size}`));
  return name === undefined ? { text, values: [...params] } : { name, text, values: [...params] };
}
