import { LRUCache } from 'lru-cache';
import { RateLimiter } from '../service/rate-limit.js';

/** Has this request been handled already? Shared by replicas when the store is PostgreSQL. */
export interface ReplayGuard {
  /** Takes `key` for `ttlMs`: true the first time it is seen in that time, false for every later copy. */
  claim(key: string, ttlMs: number): Promise<boolean>;
}

/** Questions per person and window. Shared by replicas when the store is PostgreSQL. */
export interface RateLimitCounter {
  /** Counts one hit for `key`: true when it is within `limit` hits per `windowMs` (and so counted), false when refused. */
  hit(key: string, limit: number, windowMs: number): Promise<boolean>;
}

const REMEMBERED = 10_000;

/** One replica's memory of the keys it claimed; the oldest are forgotten past 10,000. */
export class MemoryReplayGuard implements ReplayGuard {
  private readonly claimed: LRUCache<string, true>;

  constructor(capacity = REMEMBERED) {
    this.claimed = new LRUCache({ max: capacity, ttlAutopurge: false });
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    return this.claimSync(key, ttlMs);
  }

  claimSync(key: string, ttlMs: number): boolean {
    if (this.claimed.has(key)) return false;
    this.claimed.set(key, true, { ttl: ttlMs });
    return true;
  }
}

/** One replica's sliding-window counts (see {@link RateLimiter}). */
export class MemoryRateLimitCounter implements RateLimitCounter {
  private readonly limiters = new Map<string, RateLimiter>();

  constructor(private readonly now: () => number = Date.now) {}

  async hit(key: string, limit: number, windowMs: number): Promise<boolean> {
    return this.hitSync(key, limit, windowMs);
  }

  hitSync(key: string, limit: number, windowMs: number): boolean {
    const kind = `${limit}/${windowMs}`;
    let limiter = this.limiters.get(kind);
    if (!limiter) this.limiters.set(kind, (limiter = new RateLimiter(limit, windowMs)));
    return limiter.take(key, this.now()).ok;
  }
}
