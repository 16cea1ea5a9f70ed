import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { isIgnoredPath, isNotePath, NOTE_KINDS } from '../knowledge/load.js';
import { redactSecrets, urlSecrets, withoutCredentials } from '../source/git/redact.js';
import { runGit, type GitRunOptions } from '../source/git/run.js';
import { describeError, fail, pass, skip, type CheckResult } from './check.js';

/** Each git command that reaches the remote is stopped after this long, so doctor never waits on a silent host. */
const REMOTE_TIMEOUT_MS = 20_000;

/**
 * KNOWLEDGE_GIT_URL answers, with the branch lore follows; the SSH key and known_hosts files exist. One
 * `git ls-remote`; before the first clone, a KNOWLEDGE_GIT_PATH is also looked up at the branch head (see
 * `filesAtHead`). Once cloned, checkNotes checks the folder in the clone.
 */
export async function checkGitSource(config: Config): Promise<CheckResult> {
  const name = 'Notes repository';
  const { git } = config;
  if (git === undefined) return skip(name, 'skipped, KNOWLEDGE_GIT_URL is not set: notes are read from the folder');
  const where = withoutCredentials(git.url);
  if (git.sshKeyPath !== undefined && !existsSync(git.sshKeyPath)) {
    return fail(name, `KNOWLEDGE_GIT_SSH_KEY names ${git.sshKeyPath}, which does not exist`, 'point KNOWLEDGE_GIT_SSH_KEY at the private key of a deploy key that may read the repository');
  }
  if (git.knownHostsPath !== undefined && !existsSync(git.knownHostsPath)) {
    return fail(name, `KNOWLEDGE_GIT_KNOWN_HOSTS names ${git.knownHostsPath}, which does not exist`, "create it with the git host's key (ssh-keyscan github.com > known_hosts, then compare the fingerprint with the one the host publishes), or unset KNOWLEDGE_GIT_KNOWN_HOSTS to accept the host's key on first use");
  }
  const run: GitRunOptions = { sshKeyPath: git.sshKeyPath, knownHostsPath: git.knownHostsPath, secrets: urlSecrets(git.url), timeoutMs: REMOTE_TIMEOUT_MS };
  const unreadable = (error: unknown) =>
    fail(name, `${where} cannot be read: ${redactSecrets(describeError(error), urlSecrets(git.url))}`, 'check KNOWLEDGE_GIT_URL and its credentials (a token in the URL, or KNOWLEDGE_GIT_SSH_KEY), and that this machine reaches the host');
  const ref = git.branch === undefined ? 'HEAD' : `refs/heads/${git.branch}`;
  let output: string;
  try {
    output = await runGit(['ls-remote', '--symref', '--', git.url, ref], run);
  } catch (error) {
    return unreadable(error);
  }
  const sha = /^([0-9a-f]{40})\t/m.exec(output)?.[1];
  if (sha === undefined) {
    return fail(name, `${where} has no branch ${git.branch ?? '(no default branch: the repository is empty)'}`, 'set KNOWLEDGE_GIT_BRANCH to a branch the repository has, or push the notes first');
  }
  const branch = git.branch ?? /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(output)?.[1];
  let folder = '';
  if (git.path !== undefined && !existsSync(git.cloneDir)) {
    let files: string[];
    let head: string;
    try {
      ({ files, head } = await filesAtHead(git.url, branch, run));
    } catch (error) {
      return unreadable(error);
    }
    const notes = notesIn(git.path, files);
    const problem = folderProblem(git.path, files, notes);
    const at = `branch ${branch ?? 'HEAD'} of ${where} (commit ${head.slice(0, 12)})`;
    if (problem !== undefined) return fail(name, `KNOWLEDGE_GIT_PATH is ${git.path}, but ${problem.what} at ${at}`, problem.fix);
    folder = `; KNOWLEDGE_GIT_PATH ${git.path}/ holds ${notes} note${notes === 1 ? '' : 's'}`;
  }
  const polling = git.intervalSeconds === 0 ? 'polling off' : `fetched every ${git.intervalSeconds} s`;
  const webhook = git.webhookSecret === undefined ? 'no webhook' : 'webhook at POST /hooks/git';
  return pass(name, `${where} is readable: branch ${branch ?? 'HEAD'} at ${sha.slice(0, 12)}${folder}; ${polling}, ${webhook}`);
}

/**
 * The paths of the files at the head of `branch` (the default branch when undefined), read without a full clone:
 * that one commit fetched with its folders but no file contents (`--filter=blob:none`, where the server supports
 * it) into an empty repository in a temp folder, removed afterwards. Fetching by URL, with no remote configured
 * and no FETCH_HEAD written, leaves the URL (and a token in it) nowhere on disk, even if doctor is killed.
 */
async function filesAtHead(url: string, branch: string | undefined, run: GitRunOptions): Promise<{ files: string[]; head: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'lore-doctor-'));
  try {
    const local = { ...run, cwd: dir };
    await runGit(['init', '--quiet', '--bare'], local);
    const source = branch === undefined ? 'HEAD' : `refs/heads/${branch}`;
    await runGit(['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', '--depth', '1', '--filter=blob:none', '--', url, `+${source}:refs/lore-doctor`], local);
    const head = (await runGit(['rev-parse', 'refs/lore-doctor'], local)).trim();
    const listing = await runGit(['ls-tree', '-r', '-z', '--name-only', 'refs/lore-doctor'], local);
    return { files: listing.split('\0').filter(Boolean), head };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Why `path` cannot be served from a commit with these files, `notes` of them notes under it (missing, a file, no
 * notes), with the fix; undefined when it can.
 */
function folderProblem(path: string, files: readonly string[], notes: number): { what: string; fix: string } | undefined {
  const unset = 'or unset it to serve the whole repository';
  if (files.includes(path)) return { what: `${path} is a file, not a folder,`, fix: `set KNOWLEDGE_GIT_PATH to the folder that holds the notes, ${unset}` };
  if (!files.some((file) => file.startsWith(`${path}/`))) {
    return { what: 'there is no such folder', fix: `set KNOWLEDGE_GIT_PATH to a folder of the repository${folderHint(path, files)}, ${unset}` };
  }
  if (notes === 0) return { what: `that folder holds no ${NOTE_KINDS} notes`, fix: `push notes to it, or set KNOWLEDGE_GIT_PATH to the folder that holds them, ${unset}` };
  return undefined;
}

/** Files under `path` that lore would read as notes: note extensions, nothing in a dot folder or node_modules. */
function notesIn(path: string, files: readonly string[]): number {
  return files.filter((file) => file.startsWith(`${path}/`) && isNotePath(file) && !isIgnoredPath(file.slice(path.length + 1))).length;
}

/** Folders of the same name elsewhere in the repository, else its top-level folders: where the notes may be. */
function folderHint(path: string, files: readonly string[]): string {
  const folders = new Set<string>();
  for (const file of files) {
    const parts = file.split('/').slice(0, -1);
    for (let i = 1; i <= parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  const visible = [...folders].filter((folder) => !isIgnoredPath(folder)).sort();
  const leaf = path.split('/').at(-1)?.toLowerCase();
  const sameName = visible.filter((folder) => folder.split('/').at(-1)?.toLowerCase() === leaf);
  if (sameName.length > 0) return ` (such as ${listed(sameName)})`;
  const topLevel = visible.filter((folder) => !folder.includes('/'));
  return topLevel.length > 0 ? ` (its top-level folders: ${listed(topLevel)})` : ' (the branch has none: its files are all at the top)';
}

function listed(folders: readonly string[], max = 8): string {
  return folders.length > max ? `${folders.slice(0, max).join(', ')} and ${folders.length - max} more` : folders.join(', ');
}
