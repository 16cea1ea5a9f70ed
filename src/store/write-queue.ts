import { statSync } from 'node:fs';
import { asError } from '../errors.js';
import type { Logger } from '../logger.js';
import { sqliteClient } from './sqlite-client.js';
import { openDatabase } from './db.js';
import { FeedbackStore } from './store.js';

/** How long one SQLite write waits for another process's lock. SQLite waits synchronously, so this is time no answer moves. */
const LOCK_WAIT_MS = 20;
/** Writes per transaction; the event loop is let go between batches. */
const BATCH = 200;
/** Waits before trying a locked or unreachable database again: doubling from the first to the last. */
const RETRY_FIRST_MS = 100;
const RETRY_LAST_MS = 5000;
const DEFAULT_MAX_QUEUED = 10_000;

export interface WriteQueue {
  add(what: string, write: (store: FeedbackStore) => Promise<unknown>): void;
  /** Writes what is queued now; what the database refuses stays queued. */
  flush(): Promise<void>;
  store(): FeedbackStore;
  /** Counts since start, for logs and metrics. */
  counts(): WriteCounts;
  /** Flushes, logs what could not be written, and closes the database. Later writes are ignored. */
  close(): Promise<void>;
}

export interface WriteCounts {
  /** Waiting in memory now. */
  queued: number;
  written: number;
  /** Never to be written: the queue was full, or the database refused the write itself. */
  dropped: number;
  /** True while the database is locked or unreachable and writes wait. */
  waiting: boolean;
}

interface Write {
  what: string;
  run: (store: FeedbackStore) => Promise<unknown>;
}

/**
 * The one writer of the feedback store. Writes are queued and drained off the answer path in batches; a database
 * locked by another process (SQLite) or unreachable (PostgreSQL down or restarting) is retried later with growing
 * waits, and the queue is bounded: when it is full, new writes are dropped, counted and logged. An SQLite file
 * deleted (or replaced) while lore runs is reopened.
 */
export function createWriteQueue(initial: FeedbackStore, logger: Logger, maxQueued = DEFAULT_MAX_QUEUED): WriteQueue {
  let store = initial;
  const sqlite = store.sql.dialect === 'sqlite';
  const path = store.sql.name;
  const onDisk = sqlite && path !== '' && path !== ':memory:';
  let identity = onDisk ? fileIdentity(path) : undefined;
  setBusyTimeout(store);
  const queue: Write[] = [];
  let timer: NodeJS.Timeout | undefined;
  let retryMs = 0;
  let dropped = 0;
  let written = 0;
  let warned = false;
  let closed = false;
  let draining: Promise<void> | undefined;

  const failed = (error: unknown, what: string): void => {
    if (warned) return void logger.debug({ err: asError(error), what }, 'feedback store write failed');
    warned = true;
    logger.warn({ err: asError(error), what }, 'feedback store write failed: answers still go out, but questions and votes are not being recorded');
  };

  const schedule = (delayMs: number): void => {
    if (timer !== undefined || closed) return;
    timer = setTimeout(() => {
      timer = undefined;
      void drain(true);
    }, delayMs);
    timer.unref();
  };

  /** Reopens the SQLite file when it was deleted or replaced: writes to the old one would be lost in silence. */
  const reopenIfGone = async (): Promise<void> => {
    if (!onDisk) return;
    const current = fileIdentity(path);
    if (current !== undefined && current === identity) return;
    logger.warn({ path }, 'the feedback database file was deleted or replaced while lore was running; opening it again');
    try {
      await store.close();
      store = await FeedbackStore.over(sqliteClient(openDatabase(path)));
      setBusyTimeout(store);
      identity = fileIdentity(path);
    } catch (error) {
      failed(error, 'reopen');
    }
  };

  /** One drain at a time: a flush during a timed drain waits for it, then drains what is left. */
  const drain = (yielding: boolean): Promise<void> => {
    const run = async (): Promise<void> => {
      await (draining ?? Promise.resolve());
      await drainNow(yielding);
    };
    const next = run().finally(() => {
      if (draining === next) draining = undefined;
    });
    draining = next;
    return next;
  };

  /** Writes batches until the queue is empty or the database is unavailable; `yielding` lets answers run between batches. */
  const drainNow = async (yielding: boolean): Promise<void> => {
    await reopenIfGone();
    while (queue.length > 0) {
      const batch = queue.slice(0, BATCH);
      try {
        await store.sql.transaction(async (tx) => {
          const inside = store.within(tx);
          for (const write of batch) await write.run(inside);
        });
        queue.splice(0, batch.length);
        written += batch.length;
        recovered();
      } catch (error) {
        if (isUnavailable(error)) return unavailable(error);
        // Something other than a lock or an outage: write one at a time, so one bad write does not cost the others.
        queue.splice(0, batch.length);
        for (const write of batch) {
          try {
            await write.run(store);
            written += 1;
          } catch (single) {
            if (isUnavailable(single)) {
              queue.unshift(write);
              return unavailable(single);
            }
            dropped += 1;
            failed(single, write.what);
          }
        }
      }
      if (yielding && queue.length > 0) return schedule(0);
    }
  };

  const unavailable = (error: unknown): void => {
    if (retryMs === 0) {
      const message = sqlite
        ? 'the feedback database is locked by another process; questions and votes wait in memory'
        : 'the feedback database (PostgreSQL) cannot be reached; questions and votes wait in memory';
      logger.warn({ err: asError(error), queued: queue.length, maxQueued }, message);
    }
    retryMs = Math.min(RETRY_LAST_MS, Math.max(RETRY_FIRST_MS, retryMs * 2));
    schedule(retryMs);
  };

  const recovered = (): void => {
    if (retryMs === 0) return;
    retryMs = 0;
    logger.info({ dropped, queued: queue.length }, 'the feedback database is writable again');
  };

  return {
    add(what, run) {
      if (closed) return;
      if (queue.length >= maxQueued) {
        dropped += 1;
        if (dropped === 1 || dropped % 1000 === 0) logger.warn({ dropped, maxQueued }, 'feedback queue full: questions and votes are being dropped, not recorded');
        return;
      }
      queue.push({ what, run });
      schedule(retryMs);
    },
    async flush() {
      clearTimeout(timer);
      timer = undefined;
      await drain(false);
    },
    store: () => store,
    counts: () => ({ queued: queue.length, written, dropped, waiting: retryMs > 0 }),
    async close() {
      if (closed) return;
      await this.flush();
      clearTimeout(timer);
      closed = true;
      if (queue.length + dropped > 0) logger.warn({ notWritten: queue.length, dropped }, 'some questions and votes were never recorded');
      try {
        await store.close();
      } catch (error) {
        failed(error, 'close');
      }
    },
  };
}

function setBusyTimeout(store: FeedbackStore): void {
  const { sql } = store;
  if ('db' in sql) (sql as ReturnType<typeof sqliteClient>).db.pragma(`busy_timeout = ${LOCK_WAIT_MS}`);
}

/** Worth waiting for: SQLite locked by another process, or PostgreSQL down, restarting or out of connections. */
export function isUnavailable(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code.startsWith('SQLITE_BUSY_')) return true;
    // SQLSTATE classes 08 (connection), 53 (resources), 57P (shutdown, cannot connect now); Node's socket errors.
    if (/^(08|53|57P)/.test(code)) return true;
    if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'].includes(code)) return true;
  }
  return typeof message === 'string' && /Connection terminated|connection timeout|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error/i.test(message);
}

/** Device and inode of a file, undefined when it is gone. */
function fileIdentity(path: string): string | undefined {
  try {
    const stats = statSync(path);
    return `${stats.dev}:${stats.ino}`;
  } catch {
    return undefined;
  }
}
