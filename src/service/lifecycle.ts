import { asError, LoreError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { ChatAdapter } from '../types.js';
import type { GuardedService } from './guarded.js';
import { keepServingOnStrayErrors } from './last-resort.js';

/** Questions in flight get this long to be answered on shutdown (Docker waits 10 s before SIGKILL by default; see the README, "Running it in Docker"). */
export const SHUTDOWN_GRACE_MS = 10_000;

export interface LifecycleOptions {
  service: GuardedService;
  adapters: readonly ChatAdapter[];
  /** Stopped last: file watchers. */
  watchers: readonly (() => Promise<void>)[];
  logger: Logger;
  graceMs?: number;
}

/**
 * The one shutdown sequence: refuse new questions, let those in flight finish and be posted (up to the grace
 * period), close the chat connections, stop watching files. Idempotent: every caller gets the same promise.
 */
export function createShutdown(options: LifecycleOptions): (reason: string) => Promise<void> {
  const { service, adapters, watchers, logger } = options;
  const graceMs = options.graceMs ?? SHUTDOWN_GRACE_MS;
  let stopping: Promise<void> | undefined;
  return (reason) =>
    (stopping ??= (async () => {
      logger.info({ reason }, 'shutting down: no new questions, finishing the ones in flight');
      service.close();
      const deadline = Date.now() + graceMs;
      if (!(await service.drain(graceMs))) logger.warn({ graceMs }, 'questions still in flight at the end of the grace period');
      // Adapters wait for their own handlers (posting the last answers) before closing their connections.
      const left = Math.max(1000, deadline - Date.now());
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), left)));
      const stopped = Promise.allSettled(adapters.map((adapter) => adapter.stop())).then((results) => {
        for (const [i, result] of results.entries()) {
          if (result.status === 'rejected') logger.warn({ adapter: adapters[i]?.name, err: asError(result.reason) }, 'adapter did not stop cleanly');
        }
      });
      if ((await Promise.race([stopped, timeout])) === 'timeout') logger.warn('chat connections did not close in time; exiting anyway');
      clearTimeout(timer);
      await Promise.allSettled(watchers.map((stop) => stop()));
      logger.info('stopped');
    })());
}

/**
 * Starts every adapter, then serves until SIGINT or SIGTERM and shuts down gracefully; resolves 0. A start-up
 * failure stops what had started and throws a LoreError whose message says what to fix.
 */
export async function serveUntilSignal(options: LifecycleOptions & { signals: NodeJS.EventEmitter }): Promise<number> {
  const { adapters, logger, signals } = options;
  const shutdown = createShutdown(options);
  let received: NodeJS.Signals | undefined;
  let onSignal: ((signal: NodeJS.Signals) => void) | undefined;
  const signalled = new Promise<NodeJS.Signals>((resolve) => (onSignal = resolve));
  // Shutdown starts at once, even while an adapter is still connecting.
  const listener = (signal: NodeJS.Signals) => {
    received ??= signal;
    onSignal?.(signal);
    void shutdown(signal);
  };
  signals.on('SIGINT', listener);
  signals.on('SIGTERM', listener);
  const stopGuarding = keepServingOnStrayErrors(signals, logger);
  try {
    for (const adapter of adapters) {
      try {
        // A signal stops a start that is still trying to connect: lore exits instead of waiting for it.
        const outcome = await Promise.race([adapter.start().then(() => 'started' as const), signalled.then(() => 'signalled' as const)]);
        if (outcome === 'signalled') {
          await shutdown(received ?? 'signal');
          return 0;
        }
        logger.info({ adapter: adapter.name }, 'adapter started');
      } catch (error) {
        await shutdown(received ?? 'start-up failed');
        if (received !== undefined) return 0;
        throw error instanceof LoreError ? error : new LoreError('ADAPTER_START_FAILED', `${adapter.name} could not start: ${asError(error).message}`, { cause: error });
      }
    }
    const signal = await signalled;
    await shutdown(signal);
    return 0;
  } finally {
    stopGuarding();
    signals.off('SIGINT', listener);
    signals.off('SIGTERM', listener);
  }
}
