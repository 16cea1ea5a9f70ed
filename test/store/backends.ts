import { afterAll, afterEach, beforeAll } from 'vitest';
import { startPostgres, type PostgresServer } from './postgres-server.js';
import { tempDir } from './helpers.js';

/** Both stores: every store test runs on each (`describe.each(STORES)`). */
export const STORES = ['sqlite', 'postgres'] as const;
export type StoreKind = (typeof STORES)[number];

export interface StoreBackend {
  readonly kind: StoreKind;
  /** A new, empty database: an SQLite file path not created yet, or a postgres:// URL of a fresh database. */
  location(): Promise<string>;
  /** The PostgreSQL server (postgres only). */
  server(): PostgresServer;
}

/**
 * Hooks for one describe block: PostgreSQL starts once for the block (a throwaway server) and each test gets its
 * own database; SQLite gets a temp folder per test.
 */
export function useStore(kind: StoreKind): StoreBackend {
  let server: PostgresServer | undefined;
  const temps: ReturnType<typeof tempDir>[] = [];
  beforeAll(async () => {
    if (kind === 'postgres') server = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });
  afterEach(() => {
    for (const temp of temps.splice(0)) temp.cleanup();
  });
  return {
    kind,
    async location() {
      if (kind === 'sqlite') {
        const temp = tempDir();
        temps.push(temp);
        return temp.path;
      }
      if (!server) throw new Error('the PostgreSQL server did not start');
      return server.createDatabase();
    },
    server() {
      if (!server) throw new Error('no PostgreSQL server in an SQLite test');
      return server;
    },
  };
}
