import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { LoreError } from '../errors.js';
import type { SkippedFile } from '../types.js';

export const NOTE_EXTENSIONS = new Set(['.md', '.markdown', '.mdx', '.txt']);

/**
 * Markdown a site generator renders through ERB first, as Middleman and the GOV.UK tech-docs template do
 * (`deploying.html.md.erb`): Markdown, with template tags read as the page shows them (`erb.ts`).
 */
const TEMPLATED_MARKDOWN = /\.(?:md|markdown)\.erb$/i;

/** The kinds of file read as notes, as messages name them. */
export const NOTE_KINDS = '.md, .markdown, .mdx, .md.erb or .txt';

export interface LoadedFile {
  /** Relative to the knowledge folder, `/`-separated. */
  file: string;
  /** Decoded text, BOM removed, line ends normalised to `\n`. */
  text: string;
}

export interface LoadResult {
  files: LoadedFile[];
  skipped: SkippedFile[];
}

export interface LoadOptions {
  maxBytes: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** True for Markdown that is run through ERB before it is rendered. */
export function isTemplatedMarkdown(path: string): boolean {
  return TEMPLATED_MARKDOWN.test(path);
}

/** True for files that lore reads as notes. */
export function isNotePath(path: string): boolean {
  return NOTE_EXTENSIONS.has(extname(path).toLowerCase()) || isTemplatedMarkdown(path);
}

/** True for names lore never descends into or reads. */
export function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** The folders where Logseq keeps copies of its pages (backups, old versions): never the notes themselves. */
const LOGSEQ_COPIES: ReadonlySet<string> = new Set(['bak', 'version-files']);

/** True for a path (relative, `/`-separated) that lore never reads: under an ignored name, or Logseq's page copies. */
export function isIgnoredPath(path: string): boolean {
  const parts = path.split('/');
  return parts.some((part, i) => isIgnoredName(part) || (i > 0 && parts[i - 1] === 'logseq' && LOGSEQ_COPIES.has(part)));
}

/**
 * Reads every note under `dir`. Unreadable, binary, empty or oversized files are skipped with a reason;
 * links are followed only when they resolve inside the folder.
 */
export async function loadNoteFiles(dir: string, options: LoadOptions): Promise<LoadResult> {
  let root: string;
  try {
    root = await realpath(dir);
    if (!(await stat(root)).isDirectory()) throw new Error('not a folder');
  } catch (error) {
    throw new LoreError('KNOWLEDGE_NOT_FOUND', `Knowledge folder ${dir} does not exist or is not a folder. Set KNOWLEDGE_DIR or pass --knowledge DIR.`, {
      cause: error,
    });
  }
  const files: LoadedFile[] = [];
  const skipped: SkippedFile[] = [];
  // The root counts as seen: a link back to it (`loop -> .`) must not walk everything again.
  const seen = new Set<string>([root]);

  const visit = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (isIgnoredName(entry.name)) continue;
      const path = join(folder, entry.name);
      const rel = relative(root, path).split(sep).join('/');
      if (isIgnoredPath(rel)) continue;
      let target = path;
      if (entry.isSymbolicLink()) {
        try {
          target = await realpath(path);
        } catch {
          skipped.push({ file: rel, reason: 'broken link' });
          continue;
        }
        if (target !== root && !target.startsWith(root + sep)) {
          skipped.push({ file: rel, reason: 'link points outside the knowledge folder' });
          continue;
        }
      }
      if (seen.has(target)) continue;
      seen.add(target);
      const info = await stat(target).catch(() => undefined);
      if (!info) {
        skipped.push({ file: rel, reason: 'cannot be read' });
      } else if (info.isDirectory()) {
        await visit(target === path ? path : target);
      } else if (info.isFile() && isNotePath(entry.name)) {
        const result = await readNote(target, rel, info.size, options.maxBytes);
        if ('reason' in result) skipped.push(result);
        else files.push(result);
      }
    }
  };
  await visit(root);

  if (files.length === 0) {
    const why = skipped.length > 0 ? ` (${skipped.length} skipped: ${skipped.map((s) => `${s.file}: ${s.reason}`).join('; ')})` : '';
    throw new LoreError('KNOWLEDGE_EMPTY', `No notes found in ${dir}: add ${NOTE_KINDS} files${why}.`);
  }
  return { files, skipped };
}

/** Reads one note file of `size` bytes: its text, or why it is skipped. */
export async function readNote(path: string, file: string, size: number, maxBytes: number): Promise<LoadedFile | SkippedFile> {
  if (size > maxBytes) return { file, reason: `larger than ${formatBytes(maxBytes)} (${formatBytes(size)}); raise MAX_NOTE_BYTES to include it` };
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { file, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  const text = decodeNote(bytes);
  if (text === undefined) return { file, reason: 'not UTF-8 text' };
  if (text.trim() === '') return { file, reason: 'empty' };
  return { file, text };
}

/** UTF-8 text with `\n` line ends, or undefined for binary or other encodings. */
export function decodeNote(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return undefined;
  }
  if (text.includes('\u0000')) return undefined;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.replace(/\r\n?/g, '\n');
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}
