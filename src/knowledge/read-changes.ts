import { lstat, readdir, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { LoreError } from '../errors.js';
import { isIgnoredPath, isNotePath, readNote, type LoadedFile, type LoadOptions } from './load.js';
import type { NoteEdit } from './update.js';
import type { SkippedFile } from '../types.js';

/** Paths relative to the knowledge folder, `/`-separated, as a watcher or a git diff reports them. */
export interface NoteChanges {
  changed: readonly string[];
  removed: readonly string[];
}

export type ReadChanges =
  | { kind: 'edit'; edit: NoteEdit; ignored: SkippedFile[] }
  /** A folder or a link changed: only reading the whole folder again gives what a fresh build would. */
  | { kind: 'rebuild'; why: string };

/**
 * Reads the notes behind changed paths as they are now on disk, whatever the report said about them: a path
 * that is gone is removed (with every known note under it, for a folder), a note file is read again. Paths
 * that leave the folder or are not notes are ignored, with a reason.
 */
export async function readNoteChanges(dir: string, changes: NoteChanges, known: ReadonlySet<string>, options: LoadOptions): Promise<ReadChanges> {
  let root: string;
  try {
    root = await realpath(dir);
  } catch (error) {
    throw new LoreError('KNOWLEDGE_NOT_FOUND', `Knowledge folder ${dir} does not exist or is not a folder.`, { cause: error });
  }
  const loaded: LoadedFile[] = [];
  const removed = new Set<string>();
  const skipped: SkippedFile[] = [];
  const ignored: SkippedFile[] = [];
  const paths = new Set<string>();
  for (const raw of new Set([...changes.changed, ...changes.removed])) {
    const file = normalize(raw);
    if (file === undefined) ignored.push({ file: String(raw), reason: 'not a path inside the knowledge folder' });
    else if (!isIgnoredPath(file)) paths.add(file);
  }
  // Something went away: a watcher may report the rest of a burst later (`rm -r`, a checkout), so the folder's
  // note names are listed and every difference from the index is taken in now.
  const gone = await Promise.all([...paths].map((file) => lstat(join(root, ...file.split('/'))).then(() => false, () => true)));
  if (gone.some(Boolean)) {
    const listed = await listNotes(root);
    if (listed === undefined) return { kind: 'rebuild', why: 'the folder holds links' };
    for (const note of known) if (!listed.has(note)) paths.add(note);
    for (const note of listed) if (!known.has(note)) paths.add(note);
  }
  for (const file of paths) {
    const path = join(root, ...file.split('/'));
    const info = await lstat(path).catch(() => undefined);
    if (!info) {
      for (const note of known) if (note === file || note.startsWith(`${file}/`)) removed.add(note);
      continue;
    }
    if (info.isSymbolicLink() || info.isDirectory()) return { kind: 'rebuild', why: `${file} is a ${info.isDirectory() ? 'folder' : 'link'}` };
    if (!info.isFile() || !isNotePath(file)) continue;
    // A note reached through a linked folder has another path in a fresh build's walk.
    if ((await realpath(path).catch(() => path)) !== path) return { kind: 'rebuild', why: `${file} lies in a linked folder` };
    const result = await readNote(path, file, info.size, options.maxBytes);
    if ('reason' in result) skipped.push(result);
    else loaded.push(result);
  }
  return { kind: 'edit', edit: { loaded, removed: [...removed], skipped }, ignored };
}

/** Paths of the note files under `root` (names only, nothing read), or undefined when a link is met. */
async function listNotes(root: string): Promise<Set<string> | undefined> {
  const found = new Set<string>();
  const visit = async (folder: string, prefix: string): Promise<boolean> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (isIgnoredPath(`${prefix}${entry.name}`)) continue;
      if (entry.isSymbolicLink()) return false;
      if (entry.isDirectory()) {
        if (!(await visit(join(folder, entry.name), `${prefix}${entry.name}/`))) return false;
      } else if (entry.isFile() && isNotePath(entry.name)) found.add(`${prefix}${entry.name}`);
    }
    return true;
  };
  return (await visit(root, '')) ? found : undefined;
}

/** `a/b.md` from `./a//b.md` or `a\b.md`; undefined for absolute paths and paths that climb out. */
function normalize(path: string): string | undefined {
  if (typeof path !== 'string') return undefined;
  const parts = path.replaceAll('\\', '/').split('/').filter((part) => part !== '' && part !== '.');
  if (parts.length === 0 || path.startsWith('/') || /^[a-z]:/i.test(path) || parts.includes('..') || path.includes('\0')) return undefined;
  return parts.join('/');
}

