import { watch, type ChokidarOptions } from 'chokidar';
import { statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { isIgnoredName, isNotePath } from './knowledge/load.js';
import type { Logger } from './logger.js';

const DEBOUNCE_MS = 250;
const IDENTITY_CHECK_MS = 2000;

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

/**
 * Rebuilds the index when notes under `dir` change. The folder itself is watched from its parent too: when it is
 * replaced (`mv kb kb.old; mv kb.new kb`) or deleted and made again, the notes are watched in the new folder and
 * re-indexed; a watcher keeps following the folder it started on, wherever it was moved.
 */
export async function watchNotes(dir: string, rebuild: () => Promise<unknown>, logger: Logger): Promise<() => Promise<void>> {
  const folder = resolve(dir);
  const watchInside = () =>
    watchForChanges(folder, rebuild, logger, {
      what: 'notes',
      chokidar: {
        followSymlinks: false,
        ignored: (path, stats) => isIgnoredName(basename(path)) || (stats?.isFile() === true && !isNotePath(path)),
      },
    });
  let inside = await watchInside();
  let identity = folderIdentity(folder);
  let replacing = Promise.resolve();
  const replace = (): Promise<void> =>
    (replacing = replacing.then(async () => {
      identity = folderIdentity(folder);
      if (identity === undefined) return void logger.warn({ dir: folder }, 'the knowledge folder is gone; still serving the last index');
      logger.info({ dir: folder }, 'the knowledge folder was replaced; watching the new one and re-indexing');
      await inside();
      inside = await watchInside();
      await rebuild();
    }).catch((error: unknown) => logger.error({ err: error, dir: folder }, 'watching the new knowledge folder failed')));
  const parent = dirname(folder);
  // The folder's own appearing and disappearing, seen from its parent. A quick swap (two renames) can come and go
  // between two looks of the watcher, so the folder's identity is also checked every few seconds.
  const stopOutside = await watchForChanges(parent, replace, logger, {
    what: 'knowledge folder',
    chokidar: { depth: 0, ignored: (candidate) => candidate !== folder && candidate !== parent },
    accept: (changed) => changed === folder,
  });
  const check = setInterval(() => {
    const now = folderIdentity(folder);
    if (now !== undefined && now !== identity) void replace();
  }, IDENTITY_CHECK_MS).unref();
  return async () => {
    clearInterval(check);
    await stopOutside();
    await replacing;
    await inside();
  };
}

/** Device and inode of a folder, undefined when there is none. */
function folderIdentity(path: string): string | undefined {
  try {
    const stats = statSync(path);
    return stats.isDirectory() ? `${stats.dev}:${stats.ino}` : undefined;
  } catch {
    return undefined;
  }
}
