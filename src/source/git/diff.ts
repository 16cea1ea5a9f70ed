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

/**
 * The changes inside `folder` of the repository, with paths relative to it (the notes' own paths); all of them when
 * `folder` is undefined.
 */
export function withinFolder(change: NoteChanges, folder: string | undefined): NoteChanges {
  if (folder === undefined) return change;
  const prefix = `${folder}/`;
  const inside = (paths: readonly string[]) => paths.filter((path) => path.startsWith(prefix)).map((path) => path.slice(prefix.length));
  return { changed: inside(change.changed), removed: inside(change.removed) };
}
