import { watch, type ChokidarOptions } from 'chokidar';
import { statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { isIgnoredPath, isNotePath } from './knowledge/load.js';
import type { Logger } from './logger.js';

const DEBOUNCE_MS = 250;
const IDENTITY_CHECK_MS = 2000;

/** Paths reported since the last call: those that were added or changed, and those that went away. */
export interface WatchedChanges {
  changed: string[];
  removed: string[];
}

export interface WatchOptions {
  /** chokidar's own filters (what not to watch at all). */
  chokidar: ChokidarOptions;
  /** Which reported paths count as a change. */
  accept?: (path: string) => boolean;
  /** Names what is watched, for log lines. */
  what: string;
}

/**
 * Calls `onChange` once a burst of changes under `path` has settled, with the paths reported since the last
 * call (folders that appeared are left out: their files are reported one by one). Calls never overlap:
 * changes seen during one start another afterwards. Returns a function that stops watching (and waits for a
 * running call).
 */
export async function watchForChanges(
  path: string,
  onChange: (changes: WatchedChanges) => Promise<unknown>,
  logger: Logger,
  options: WatchOptions,
): Promise<() => Promise<void>> {
  const watcher = watch(path, { ignoreInitial: true, ...options.chokidar });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let again = false;
  let pending = new Map<string, boolean>();

  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    const seen = pending;
    pending = new Map();
    const changes: WatchedChanges = { changed: [], removed: [] };
    for (const [changed, gone] of seen) (gone ? changes.removed : changes.changed).push(changed);
    running = onChange(changes).catch((error: unknown) => logger.error({ err: error }, `reloading ${options.what} failed`));
    await running;
    running = undefined;
    if (again) {
      again = false;
      await run();
    }
  };
  watcher.on('all', (event, changed) => {
    if (options.accept && !options.accept(changed)) return;
    if (event !== 'addDir') pending.set(changed, event === 'unlink' || event === 'unlinkDir');
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

export interface NoteWatchHandlers {
  /** Notes (paths relative to the folder, `/`-separated) were added or changed, or went away. */
  changed(changes: WatchedChanges): Promise<unknown>;
  /** The folder itself was replaced: everything is to be read again. */
  replaced(): Promise<unknown>;
}

/**
 * Hands the notes that change under `dir` to `handlers.changed`. The folder itself is watched from its parent too:
 * when it is replaced (`mv kb kb.old; mv kb.new kb`) or deleted and made again, the notes are watched in the new
 * folder and `handlers.replaced` re-indexes them; a watcher keeps following the folder it started on, wherever it
 * was moved.
 */
export async function watchNotes(dir: string, handlers: NoteWatchHandlers, logger: Logger): Promise<() => Promise<void>> {
  const folder = resolve(dir);
  const inFolder = (paths: string[]) => paths.map((path) => relative(folder, path)).filter((path) => path !== '' && !path.startsWith('..')).map((path) => path.split(sep).join('/'));
  const changed = ({ changed, removed }: WatchedChanges) => handlers.changed({ changed: inFolder(changed), removed: inFolder(removed) });
  const watchInside = () =>
    watchForChanges(folder, changed, logger, {
      what: 'notes',
      chokidar: {
        followSymlinks: false,
        ignored: (path, stats) => isIgnoredPath(relative(folder, path).split(sep).join('/')) || (stats?.isFile() === true && !isNotePath(path)),
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
      await handlers.replaced();
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
