import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { LRUCache } from 'lru-cache';
import type { Logger } from '../../logger.js';
import type { Citation } from '../../types.js';
import { parseBlamePorcelain } from './blame.js';
import { runGit } from './run.js';

/** Dates cited lines and pins citations to a commit; the engine calls it for every answer. */
export interface CitationProvenance {
  /** The commit the notes are served from. */
  commit(): string | undefined;
  /**
   * Sets `commit` (files with no uncommitted edits) and `changed` on each citation. Resolves within `budgetMs`:
   * what is not known by then is left out, and the lookups go on to fill the cache for the next question.
   */
  annotate(citations: Citation[], budgetMs?: number): Promise<void>;
  /** Reads the commit and the uncommitted files again (after the notes changed). */
  refresh(): Promise<void>;
  /**
   * ISO date of the newest change to lines `startLine..endLine` of `file` as they were at `commit` (as the file is
   * now when no commit is given). Rejects when git cannot blame them, e.g. a commit the clone no longer has.
   */
  dateLines(file: string, startLine: number, endLine: number, commit?: string): Promise<string | undefined>;
}

const DEFAULT_BUDGET_MS = 400;
/** Files whose blamed lines are kept, per commit. */
const CACHE_FILES = 2000;

/**
 * Provenance for a knowledge folder inside a git work tree (a folder of a checked-out repository, or the clone lore
 * keeps of KNOWLEDGE_GIT_URL). Undefined when the folder is not in a work tree or its repository has no commit yet.
 */
export async function openProvenance(knowledgeDir: string, logger: Logger): Promise<CitationProvenance | undefined> {
  let prefix: string;
  try {
    prefix = (await runGit(['rev-parse', '--show-prefix'], { cwd: knowledgeDir })).trim();
    await runGit(['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: knowledgeDir });
  } catch {
    return undefined;
  }
  let head = '';
  let dirty = new Set<string>();
  const cache = new LRUCache<string, Map<number, number | undefined>>({ max: CACHE_FILES });

  const refresh = async (): Promise<void> => {
    head = (await runGit(['rev-parse', 'HEAD'], { cwd: knowledgeDir })).trim();
    // Porcelain paths are relative to the repository root; -z keeps unusual names intact.
    const status = await runGit(['status', '--porcelain', '-z', '--untracked-files=all', '--ignored=matching', '--', '.'], { cwd: knowledgeDir });
    dirty = new Set(parseStatusPaths(status).filter((path) => path.startsWith(prefix)).map((path) => path.slice(prefix.length)));
  };
  await refresh();

  /**
   * Line → time of the cited range, blamed once per file and commit (or file version, for uncommitted edits), at
   * `at` when given, else at the commit checked out.
   */
  const blame = async (file: string, start: number, end: number, at?: string): Promise<{ time?: number }> => {
    // Uncommitted edits, untracked or ignored: blamed in the work tree, not at the commit.
    const isDirty = at === undefined && dirty.has(file);
    const commit = at ?? head;
    let key = `${commit}\u0000${file}`;
    let mtime: number | undefined;
    if (isDirty) {
      const info = await stat(join(knowledgeDir, file));
      mtime = Math.floor(info.mtimeMs / 1000);
      key = `worktree\u0000${file}\u0000${info.mtimeMs}:${info.size}`;
    }
    let lines = cache.get(key);
    const missing = !lines || rangeMissing(lines, start, end);
    if (missing) {
      const args = ['blame', '--porcelain', '-L', `${start},${end}`, ...(isDirty ? [] : [commit]), '--', file];
      let output: string | undefined;
      try {
        output = await runGit(args, { cwd: knowledgeDir, timeoutMs: 30_000 });
      } catch (error) {
        // An untracked or ignored file has no history: its lines are as old as the file.
        if (!isDirty) throw error;
      }
      lines ??= new Map();
      if (output === undefined) for (let line = start; line <= end; line++) lines.set(line, undefined);
      else for (const [line, time] of parseBlamePorcelain(output).lines) lines.set(line, time);
      cache.set(key, lines);
    }
    let newest: number | undefined;
    for (let line = start; line <= end; line++) {
      const time = lines?.get(line) ?? mtime;
      if (time !== undefined && (newest === undefined || time > newest)) newest = time;
    }
    return { time: newest };
  };

  return {
    commit: () => head,
    refresh: async () => {
      try {
        await refresh();
      } catch (error) {
        logger.warn({ err: error }, 'could not read the notes repository; citations keep the commit read before');
      }
    },
    async dateLines(file, startLine, endLine, commit) {
      const { time } = await blame(file, startLine, endLine, commit);
      return time === undefined ? undefined : new Date(time * 1000).toISOString();
    },
    async annotate(citations, budgetMs = DEFAULT_BUDGET_MS) {
      // A lookup that outlives the budget only fills the cache: the citations may already be on their way.
      let late = false;
      const work = citations.map(async (citation) => {
        if (!dirty.has(citation.file)) citation.commit = head;
        try {
          const { time } = await blame(citation.file, citation.startLine, citation.endLine);
          if (!late && time !== undefined) citation.changed = new Date(time * 1000).toISOString();
        } catch (error) {
          logger.debug({ err: error, file: citation.file }, 'could not date the cited lines');
        }
      });
      let timer: NodeJS.Timeout | undefined;
      const budget = new Promise<void>((resolve) => (timer = setTimeout(resolve, budgetMs)));
      await Promise.race([Promise.all(work), budget]);
      late = true;
      clearTimeout(timer);
    },
  };
}

function rangeMissing(lines: Map<number, number | undefined>, start: number, end: number): boolean {
  for (let line = start; line <= end; line++) if (!lines.has(line)) return true;
  return false;
}

/** Paths of `git status --porcelain -z`: `XY path\0`, and for renames `XY new\0old\0` (both count). */
export function parseStatusPaths(output: string): string[] {
  const paths: string[] = [];
  const fields = output.split('\u0000');
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] ?? '';
    if (field.length < 4) continue;
    const code = field.slice(0, 2);
    paths.push(field.slice(3));
    if (code.includes('R') || code.includes('C')) {
      const from = fields[i + 1];
      if (from) paths.push(from);
      i++;
    }
  }
  return paths;
}
