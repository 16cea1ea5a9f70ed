import { watch, type ChokidarOptions } from 'chokidar';
import { basename } from 'node:path';
import { isIgnoredName, isNotePath } from './knowledge/load.js';
import type { Logger } from './logger.js';

const DEBOUNCE_MS = 250;

export interface WatchOptions {
  /** chokidar's own filters (what not to watch at all). */
  chokidar: ChokidarOptions;
  /** Which reported paths count as a change. */
  accept?: (path: string) => boolean;
  /** Names what is watched, for log lines. */
  what: string;
}

/**
 * Calls `onChange` once a burst of changes under `path` has settled. Calls never overlap: changes seen
 * during one start another afterwards. Returns a function that stops watching (and waits for a running call).
 */
export async function watchForChanges(
  path: string,
  onChange: () => Promise<unknown>,
  logger: Logger,
  options: WatchOptions,
): Promise<() => Promise<void>> {
  const watcher = watch(path, { ignoreInitial: true, ...options.chokidar });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let again = false;

  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = onChange().catch((error: unknown) => logger.error({ err: error }, `reloading ${options.what} failed`));
    await running;
    running = undefined;
    if (again) {
      again = false;
      await run();
    }
  };
  watcher.on('all', (_event, changed) => {
    if (options.accept && !options.accept(changed)) return;
    logger.debug({ path: changed }, `${options.what} changed`);
    clearTimeout(timer);
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  });
  watcher.on('error', (error) => logger.warn({ err: error }, `watching ${options.what} failed`));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return async () => {
    clearTimeout(timer);
    await watcher.close();
    await running;
  };
}

/** Rebuilds the index when notes under `dir` change. */
export function watchNotes(dir: string, rebuild: () => Promise<unknown>, logger: Logger): Promise<() => Promise<void>> {
  return watchForChanges(dir, rebuild, logger, {
    what: 'notes',
    chokidar: {
      followSymlinks: false,
      ignored: (path, stats) => isIgnoredName(basename(path)) || (stats?.isFile() === true && !isNotePath(path)),
    },
  });
}
