import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A fixed identity and clock for every commit, so tests do not depend on this machine's git configuration. */
export function gitIdentity(date: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LC_ALL: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Ada Writer',
    GIT_AUTHOR_EMAIL: 'ada@example.com',
    GIT_COMMITTER_NAME: 'Ada Writer',
    GIT_COMMITTER_EMAIL: 'ada@example.com',
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  };
}

export function git(cwd: string, args: string[], date = '2025-01-15T10:00:00Z'): string {
  return execFileSync('git', args, { cwd, env: gitIdentity(date), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * A bare repository (the remote, reached as a file:// URL) and a work tree that pushes to it, in a temporary folder.
 */
export interface TestRemote {
  root: string;
  /** The bare repository's folder. */
  bare: string;
  url: string;
  /** Where commits are made before they are pushed. */
  work: string;
  /** Writes files (path → text; null deletes), commits them and pushes (to `main` by default); returns the commit's sha. */
  commit(files: Record<string, string | null>, message: string, options?: { date?: string; branch?: string; force?: boolean }): string;
  cleanup(): void;
}

export function createRemote(files: Record<string, string>, date = '2025-01-15T10:00:00Z'): TestRemote {
  const root = mkdtempSync(join(tmpdir(), 'lore-git-'));
  const bare = join(root, 'remote.git');
  const work = join(root, 'work');
  mkdirSync(work);
  git(root, ['init', '--quiet', '--bare', '--initial-branch=main', bare]);
  git(work, ['init', '--quiet', '--initial-branch=main']);
  git(work, ['remote', 'add', 'origin', bare]);
  const remote: TestRemote = {
    root,
    bare,
    url: `file://${bare}`,
    work,
    commit(changes, message, { date: when = date, branch = 'main', force = false } = {}) {
      for (const [path, text] of Object.entries(changes)) {
        const full = join(work, path);
        if (text === null) rmSync(full);
        else {
          mkdirSync(dirname(full), { recursive: true });
          writeFileSync(full, text);
        }
      }
      git(work, ['add', '--all'], when);
      git(work, ['commit', '--quiet', '-m', message], when);
      git(work, ['push', '--quiet', ...(force ? ['--force'] : []), 'origin', `HEAD:refs/heads/${branch}`], when);
      return git(work, ['rev-parse', 'HEAD']).trim();
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
  remote.commit(files, 'first notes', { date });
  return remote;
}
