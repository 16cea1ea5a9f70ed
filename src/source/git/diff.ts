import type { NoteChanges } from '../../engine.js';

/**
 * Reads `git diff --name-status -z --no-renames`: `A\0path\0`, `M\0path\0`, `D\0path\0`, `T\0path\0`.
 * Added, modified and retyped files are changed; deleted ones removed. Paths are relative to the repository root.
 */
export function parseNameStatus(output: string): NoteChanges {
  const fields = output.split('\u0000');
  const changed: string[] = [];
  const removed: string[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const status = fields[i] ?? '';
    const path = fields[i + 1] ?? '';
    if (status === '' || path === '') continue;
    (status.startsWith('D') ? removed : changed).push(path);
  }
  return { changed, removed };
}
