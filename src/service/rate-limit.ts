/** What {@link RateLimiter.take} decided. */
export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number };

/** Keys are forgotten once idle this long past the window, and swept when this many are held. */
const SWEEP_AT = 10_000;

/**
 * A sliding-window limit: at most `limit` takes per key in any `windowMs`. Only allowed takes count, so a
 * person who keeps asking while limited is let in again as soon as the oldest counted question leaves the window.
 */
export class RateLimiter {
  private readonly times = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs = 60_000,
  ) {}

  take(key: string, now: number): RateDecision {
    if (this.limit <= 0) return { ok: true };
    const since = now - this.windowMs;
    const recent = (this.times.get(key) ?? []).filter((time) => time > since);
    if (recent.length >= this.limit) {
      this.times.set(key, recent);
      return { ok: false, retryAfterMs: Math.max(0, (recent[0] ?? now) + this.windowMs - now) };
    }
    recent.push(now);
    this.times.set(key, recent);
    if (this.times.size > SWEEP_AT) this.sweep(since);
    return { ok: true };
  }

  private sweep(since: number): void {
    for (const [key, times] of this.times) if ((times.at(-1) ?? 0) <= since) this.times.delete(key);
  }
}
