import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** Fresh folders holding the given notes, removed after each test of the file that calls this. */
export function tempFolders(prefix: string): (notes?: Record<string, string>) => Promise<string> {
  const folders: string[] = [];
  afterEach(async () => {
    await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
  });
  return async (notes = {}) => {
    const folder = await mkdtemp(join(tmpdir(), prefix));
    folders.push(folder);
    await Promise.all(Object.entries(notes).map(([file, text]) => writeFile(join(folder, file), text)));
    return folder;
  };
}

/** A path in a fresh folder (its parent folder not yet made), removed after each test. */
export function tempFiles(prefix: string): (name: string) => Promise<string> {
  const folder = tempFolders(prefix);
  return async (name) => join(await folder(), name);
}
