import { asError } from '../errors.js';
import type { Logger } from '../logger.js';
import { ALLOWED, memoryRateLimitCounter, memoryReplayGuard, type RateLimitCounter, type ReplayGuard } from '../chat/shared-state.js';
import type { SqlClient } from './sql.js';

/** What the shared state has been through, for logs and /metrics. */
export interface SharedStateCounts {
  /** True while PostgreSQL cannot be reached and each replica de-duplicates and rate-limits on its own. */
  degraded: boolean;
  /** Claims and hits answered from this replica's memory because PostgreSQL could not be reached. */
  fallbacks: number;
  /** Times PostgreSQL went away. */
  outages: number;
}

export interface SharedState {
  replays: ReplayGuard;
  limits: RateLimitCounter;
  counts(): SharedStateCounts;
}

/**
 * Replay claims and rate-limit windows in PostgreSQL, one atomic statement each, so every replica sees the same.
 * When PostgreSQL cannot be reached, each call falls back to this replica's memory (answers keep flowing; a
 * retry landing on two replicas may then be answered twice, and a person's limit counts per replica), said once
 * in the log when it starts and once when it ends. Replica clocks are assumed in step (NTP): windows are cut by them.
 */
export function postgresSharedState(sql: SqlClient, logger: Logger, now: () => number = Date.now): SharedState {
  const memoryReplays = memoryReplayGuard();
  const memoryLimits = memoryRateLimitCounter(now);
  const counts: SharedStateCounts = { degraded: false, fallbacks: 0, outages: 0 };

  const shared = async <T>(work: () => Promise<T>, fallback: () => Promise<T>): Promise<T> => {
    try {
      const result = await work();
      if (counts.degraded) {
        counts.degraded = false;
        logger.info({ fallbacks: counts.fallbacks }, 'PostgreSQL is back: de-duplication and rate limits are shared by the replicas again');
      }
      return result;
    } catch (error) {
      counts.fallbacks += 1;
      if (!counts.degraded) {
        counts.degraded = true;
        counts.outages += 1;
        logger.warn({ err: asError(error) }, "PostgreSQL cannot be reached: de-duplication and rate limits fall back to this replica's memory until it is back");
      }
      return fallback();
    }
  };

  return {
    replays: {
      claim: (key, ttlMs) =>
        shared(
          async () => {
            const at = now();
            // A key whose claim has expired may be taken again; the row says who holds it until when.
            const row = await sql.get<{ key: string }>(
              `INSERT INTO replay_claims (key, expires_at) VALUES (?, ?)
               ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE replay_claims.expires_at <= ?
               RETURNING key`,
              [key, at + ttlMs, at],
            );
            // Remembered here too, so a copy arriving during an outage is still dropped by this replica.
            await memoryReplays.claim(key, ttlMs);
            return row !== undefined;
          },
          () => memoryReplays.claim(key, ttlMs),
        ),
    },
    limits: {
      hit: (key, limit, windowMs) =>
        shared(
          async () => {
            if (limit <= 0) return ALLOWED;
            const at = now();
            const windowStart = Math.floor(at / windowMs) * windowMs;
            // One statement per hit: counted only while under the limit, so a refused question costs nothing.
            const row = await sql.get<{ hits: number }>(
              `INSERT INTO rate_windows (key, window_start, hits, expires_at) VALUES (?, ?, 1, ?)
               ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_windows.hits + 1 WHERE rate_windows.hits < ?
               RETURNING hits`,
              [key, windowStart, windowStart + 2 * windowMs, limit],
            );
            // Refused: the window is full until the next one starts.
            return row !== undefined ? ALLOWED : { allowed: false, retryAfterMs: windowStart + windowMs - at };
          },
          () => memoryLimits.hit(key, limit, windowMs),
        ),
    },
    counts: () => ({ ...counts }),
  };
}
