import type { Db } from './db.js';
import type { SqlClient, SqlValue } from './sql.js';

/**
 * An SqlClient over one better-sqlite3 connection. Statements run synchronously; transactions are queued one after
 * another, since a connection has only one.
 */
export function sqliteClient(db: Db): SqlClient & { readonly db: Db } {
  let tail: Promise<unknown> = Promise.resolve();
  const statement = (sql: string) => db.prepare(sql);
  const base = {
    dialect: 'sqlite' as const,
    name: db.name,
    db,
    async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
      return statement(sql).all(...params) as T[];
    },
    async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
      return statement(sql).get(...params) as T | undefined;
    },
    async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
      return statement(sql).run(...params).changes;
    },
    async close(): Promise<void> {
      if (db.open) db.close();
    },
  };
  const inside: SqlClient = { ...base, transaction: (work) => work(inside) };
  return {
    ...base,
    transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
      const run = async (): Promise<T> => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(inside);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      };
      const result = tail.then(run, run);
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
