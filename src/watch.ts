import { watch } from 'chokidar';
import { basename } from 'node:path';
import { isIgnoredName, isNotePath } from './knowledge/load.js';
import type { Logger } from './logger.js';

const DEBOUNCE_MS = 250;

/**
 * Calls `rebuild` once a burst of note changes has settled. Rebuilds never overlap: changes seen
 * during one start another afterwards.
 */
export async function watchNotes(dir: string, rebuild: () => Promise<unknown>, logger: Logger): Promise<() => Promise<void>> {
  const watcher = watch(dir, {
    ignoreInitial: true,
    followSymlinks: false,
    ignored: (path, stats) => isIgnoredName(basename(path)) || (stats?.isFile() === true && !isNotePath(path)),
  });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let again = false;

  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = rebuild().catch((error: unknown) => logger.error({ err: error }, 'rebuild failed'));
    await running;
    running = undefined;
    if (again) {
      again = false;
      await run();
    }
  };
  const schedule = (path: string) => {
    logger.debug({ path }, 'note changed');
    clearTimeout(timer);
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  };
  watcher.on('all', (_event, path) => schedule(path));
  watcher.on('error', (error) => logger.warn({ err: error }, 'watching notes failed'));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return async () => {
    clearTimeout(timer);
    await watcher.close();
    await running;
  };
}
