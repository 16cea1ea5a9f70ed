import { LRUCache } from 'lru-cache';

/**
 * State that several lore processes serving one workspace would have to share. Each is a small async interface so a
 * shared store can stand in for the in-memory defaults below.
 */

/** Drops redelivered or replayed platform events: an event id is claimed once. */
export interface ReplayGuard {
  /** True the first time `key` is seen within `ttlMs`; false for every later claim. */
  claim(key: string, ttlMs: number): Promise<boolean>;
}

/** Whether a hit is allowed; when it is not, how long until the next one would be (0 when allowed). */
export interface RateLimitVerdict {
  allowed: boolean;
  retryAfterMs: number;
}

/** Counts one person's questions in a window. */
export interface RateLimitCounter {
  /** Counts one hit on `key` when it is allowed (at most `limit` allowed hits in any `windowMs`). */
  hit(key: string, limit: number, windowMs: number): Promise<RateLimitVerdict>;
}

export const ALLOWED: RateLimitVerdict = Object.freeze({ allowed: true, retryAfterMs: 0 });

/** Keys held at most by the in-memory implementations, so a long-running bot stays bounded. */
const MAX_KEYS = 10_000;

/** One process's memory of event ids; the oldest are forgotten beyond 10,000 or after their TTL. */
export function memoryReplayGuard(maxKeys = MAX_KEYS): ReplayGuard {
  const seen = new LRUCache<string, true>({ max: maxKeys });
  return {
    async claim(key, ttlMs) {
      if (seen.has(key)) return false;
      seen.set(key, true, { ttl: Math.max(1, ttlMs) });
      return true;
    },
  };
}

/**
 * A sliding window per key in one process's memory. Only allowed hits count, so a person who keeps asking while
 * limited is let in again as soon as their oldest counted question leaves the window.
 */
export function memoryRateLimitCounter(now: () => number = Date.now, maxKeys = MAX_KEYS): RateLimitCounter {
  const times = new LRUCache<string, number[]>({ max: maxKeys });
  return {
    async hit(key, limit, windowMs) {
      if (limit <= 0) return ALLOWED;
      const at = now();
      const recent = (times.get(key) ?? []).filter((time) => time > at - windowMs);
      const allowed = recent.length < limit;
      if (allowed) recent.push(at);
      times.set(key, recent);
      // Refused: the next hit is allowed when the oldest counted one leaves the window.
      return allowed ? ALLOWED : { allowed, retryAfterMs: (recent[0] ?? at) + windowMs - at };
    },
  };
}
