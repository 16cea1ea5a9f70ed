import { describe, expect, it } from 'vitest';
import { memoryRateLimitCounter, memoryReplayGuard } from '../../src/chat/shared-state.js';

describe('the in-memory shared state', () => {
  it('claims a key once within its time to live, and again after it', async () => {
    const guard = memoryReplayGuard();
    expect(await guard.claim('event:Ev1', 50)).toBe(true);
    expect(await guard.claim('event:Ev1', 50)).toBe(false);
    expect(await guard.claim('event:Ev2', 50)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await guard.claim('event:Ev1', 50)).toBe(true);
  });

  it('forgets the oldest keys beyond its bound', async () => {
    const guard = memoryReplayGuard(2);
    for (const key of ['a', 'b', 'c']) await guard.claim(key, 60_000);
    expect(await guard.claim('a', 60_000)).toBe(true);
    expect(await guard.claim('c', 60_000)).toBe(false);
  });

  it('allows `limit` hits per key in a sliding window; refused hits do not count and say how long to wait', async () => {
    let now = 0;
    const counter = memoryRateLimitCounter(() => now);
    const allowed = { allowed: true, retryAfterMs: 0 };
    expect(await counter.hit('slack:U1', 2, 60_000)).toEqual(allowed);
    now = 30_000;
    expect(await counter.hit('slack:U1', 2, 60_000)).toEqual(allowed);
    now = 45_000;
    expect(await counter.hit('slack:U1', 2, 60_000)).toEqual({ allowed: false, retryAfterMs: 15_000 });
    expect(await counter.hit('slack:U2', 2, 60_000)).toEqual(allowed);
    now = 60_001;
    expect(await counter.hit('slack:U1', 2, 60_000)).toEqual(allowed);
    // The oldest counted hit is now the one at 30 s.
    expect(await counter.hit('slack:U1', 2, 60_000)).toEqual({ allowed: false, retryAfterMs: 29_999 });
    expect(await counter.hit('anyone', 0, 60_000)).toEqual(allowed);
  });
});
