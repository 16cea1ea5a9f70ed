import { settlesWithin } from '../settles-within.js';

/** Work that has started and not finished yet, so shutdown can wait for it. */
export class InFlight {
  private readonly pending = new Set<Promise<unknown>>();

  get size(): number {
    return this.pending.size;
  }

  /** Counts `work` as in flight until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.pending.add(settled);
    void settled.then(() => this.pending.delete(settled));
    return work;
  }

  /** Resolves once nothing is in flight (work started meanwhile included), or after `timeoutMs`; true when idle. */
  idle(timeoutMs = Number.POSITIVE_INFINITY): Promise<boolean> {
    return settlesWithin(
      (async () => {
        while (this.pending.size > 0) await Promise.all(this.pending);
      })(),
      timeoutMs,
    );
  }
}

/**
 * Waits for `pending`; when it has not settled within `ms`, runs `meanwhile` first (a typing indicator, a deferred
 * reply) and waits for that too. Resolves or rejects as `pending` does.
 */
export async function whenSlow<T>(pending: Promise<T>, ms: number, meanwhile: () => Promise<unknown>): Promise<T> {
  if (!(await settlesWithin(pending, ms))) await meanwhile();
  return pending;
}
