import { statSync } from 'node:fs';
import { asError } from '../errors.js';
import type { Logger } from '../logger.js';
import { FeedbackStore } from './store.js';

/** How long one write waits for another process's lock. SQLite waits synchronously, so this is time no answer moves. */
const LOCK_WAIT_MS = 20;
/** Writes per transaction; the event loop is let go between batches. */
const BATCH = 200;
/** Waits before trying a locked database again: doubling from the first to the last. */
const RETRY_FIRST_MS = 100;
const RETRY_LAST_MS = 5000;
const DEFAULT_MAX_QUEUED = 10_000;

export interface WriteQueue {
  add(what: string, write: (store: FeedbackStore) => void): void;
  /** Writes what is queued now; what the database refuses stays queued. */
  flush(): void;
  store(): FeedbackStore;
  /** Writes waiting now, and writes dropped since the queue was created (full queue or refused). */
  backlog(): { queued: number; dropped: number };
  /** Flushes, logs what could not be written, and closes the database. Later writes are ignored. */
  close(): void;
}

interface Write {
  what: string;
  run: (store: FeedbackStore) => void;
}

/**
 * The one writer of the feedback store. Writes are queued and drained off the answer path in batches; a database
 * locked by another process is retried later with growing waits, and the queue is bounded: when it is full, new
 * writes are dropped, counted and logged. A database file deleted (or replaced) while lore runs is reopened.
 */
export function createWriteQueue(initial: FeedbackStore, logger: Logger, maxQueued = DEFAULT_MAX_QUEUED): WriteQueue {
  let store = initial;
  const path = store.db.name;
  const onDisk = path !== '' && path !== ':memory:';
  let identity = onDisk ? fileIdentity(path) : undefined;
  store.db.pragma(`busy_timeout = ${LOCK_WAIT_MS}`);
  const queue: Write[] = [];
  let timer: NodeJS.Timeout | undefined;
  let retryMs = 0;
  let dropped = 0;
  let warned = false;
  let closed = false;

  const failed = (error: unknown, what: string): void => {
    if (warned) return void logger.debug({ err: asError(error), what }, 'feedback store write failed');
    warned = true;
    logger.warn({ err: asError(error), what }, 'feedback store write failed: answers still go out, but questions and votes are not being recorded');
  };

  const schedule = (delayMs: number): void => {
    if (timer !== undefined || closed) return;
    timer = setTimeout(() => {
      timer = undefined;
      drain(true);
    }, delayMs);
    timer.unref();
  };

  /** Reopens the database when its file was deleted or replaced: writes to the old one would be lost in silence. */
  const reopenIfGone = (): void => {
    if (!onDisk) return;
    const current = fileIdentity(path);
    if (current !== undefined && current === identity) return;
    logger.warn({ path }, 'the feedback database file was deleted or replaced while lore was running; opening it again');
    try {
      store.close();
      store = FeedbackStore.open(path);
      store.db.pragma(`busy_timeout = ${LOCK_WAIT_MS}`);
      identity = fileIdentity(path);
    } catch (error) {
      failed(error, 'reopen');
    }
  };

  /** Writes batches until the queue is empty or the database is locked; `yielding` lets answers run between batches. */
  const drain = (yielding: boolean): void => {
    reopenIfGone();
    while (queue.length > 0) {
      const batch = queue.slice(0, BATCH);
      try {
        store.db.transaction(() => {
          for (const write of batch) write.run(store);
        })();
        queue.splice(0, batch.length);
        recovered();
      } catch (error) {
        if (isLocked(error)) {
          locked(error);
          return;
        }
        // Something other than a lock: write one at a time, so one bad write does not cost the others.
        queue.splice(0, batch.length);
        for (const write of batch) {
          try {
            write.run(store);
          } catch (single) {
            dropped += 1;
            failed(single, write.what);
          }
        }
      }
      if (yielding && queue.length > 0) return schedule(0);
    }
  };

  const locked = (error: unknown): void => {
    if (retryMs === 0) logger.warn({ err: asError(error), queued: queue.length }, 'the feedback database is locked by another process; questions and votes wait in memory');
    retryMs = Math.min(RETRY_LAST_MS, Math.max(RETRY_FIRST_MS, retryMs * 2));
    schedule(retryMs);
  };

  const recovered = (): void => {
    if (retryMs === 0) return;
    retryMs = 0;
    logger.info({ dropped }, 'the feedback database is writable again');
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
    flush() {
      clearTimeout(timer);
      timer = undefined;
      drain(false);
    },
    store: () => store,
    backlog: () => ({ queued: queue.length, dropped }),
    close() {
      if (closed) return;
      this.flush();
      clearTimeout(timer);
      closed = true;
      if (queue.length + dropped > 0) logger.warn({ notWritten: queue.length, dropped }, 'some questions and votes were never recorded');
      try {
        store.close();
      } catch (error) {
        failed(error, 'close');
      }
    },
  };
}

function isLocked(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || (typeof code === 'string' && code.startsWith('SQLITE_BUSY_'));
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
