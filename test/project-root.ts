import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's root: the nearest folder above `from` that holds package.json. The bench runs its compiled copy
 * under bench/.cache, with the test helpers it uses, as well as the source: paths into the project are found, not
 * counted in "../".
 */
export function projectRoot(from: string | URL = import.meta.url): string {
  let folder = dirname(typeof from === 'string' && !from.startsWith('file:') ? from : fileURLToPath(from));
  for (;;) {
    if (existsSync(join(folder, 'package.json'))) return folder;
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`no package.json above ${folder}`);
    folder = parent;
  }
}
