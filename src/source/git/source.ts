import { existsSync, statSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { GitSourceConfig } from '../../config.js';
import type { NoteChanges } from '../../engine.js';
import { LoreError, asError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { parseNameStatus, withinFolder } from './diff.js';
import { redactSecrets, urlSecrets, withoutCredentials } from './redact.js';
import { GitError, runGit } from './run.js';

/** What an ops server's /readyz shows for the notes' source. */
export interface Readiness {
  ok: boolean;
  detail: string;
}

export type SyncOutcome = 'updated' | 'unchanged' | 'recloned' | 'unreachable' | 'branch-missing';

export interface GitSourceOptions {
  config: Pick<GitSourceConfig, 'url' | 'branch' | 'intervalSeconds' | 'sshKeyPath' | 'knownHostsPath' | 'cloneDir' | 'path'>;
  logger: Logger;
  /** Called with the notes that changed once the work tree is at a new commit; the next fetch waits for it. */
  onChange?: (change: NoteChanges) => Promise<unknown>;
  /**
   * Where ssh records host keys accepted on first use when KNOWLEDGE_GIT_KNOWN_HOSTS is unset; default: ssh's own
   * known_hosts. Lets tests keep them out of the known_hosts of the user running the tests.
   */
  userKnownHostsPath?: string;
  /** Milliseconds clock, for tests. */
  now?: () => number;
}

type Health = { state: 'ok' } | { state: 'unreachable'; since: number; reason: string } | { state: 'branch-missing'; since: number };

/**
 * The notes as a clone of a git repository in lore's data folder, kept at the tip of one branch: fetched and
 * fast-forwarded on an interval or on request (the webhook). A history rewrite (force-push) gets a fresh clone;
 * an unreachable remote or a deleted branch leaves the last good commit in place.
 */
export class GitSource {
  private readonly url: string;
  private readonly publicUrl: string;
  private readonly secrets: string[];
  private readonly logger: Logger;
  private readonly now: () => number;
  private branchName: string | undefined;
  private head: string | undefined;
  private health: Health = { state: 'ok' };
  private lastFetchAt: number | undefined;
  private running: Promise<SyncOutcome> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly options: GitSourceOptions) {
    this.url = options.config.url;
    this.publicUrl = withoutCredentials(options.config.url);
    this.secrets = urlSecrets(options.config.url);
    this.branchName = options.config.branch;
    this.logger = options.logger;
    this.now = options.now ?? Date.now;
  }

  /** The clone's work tree. */
  get dir(): string {
    return this.options.config.cloneDir;
  }

  /** The folder the notes are read from: the work tree, or its KNOWLEDGE_GIT_PATH folder. */
  get notesDir(): string {
    return join(this.dir, this.options.config.path ?? '');
  }

  /** The commit checked out, once there is one. */
  commit(): string | undefined {
    return this.head;
  }

  branch(): string | undefined {
    return this.branchName;
  }

  /**
   * Makes the clone ready: clones on first use (or when the folder holds another repository or branch), else
   * fetches once, unless `update` is false (one-off commands read the clone as it is, so they neither wait for the
   * network nor move the work tree under a running server). Throws a LoreError only when there is no clone to serve.
   */
  async open(options: { update?: boolean } = {}): Promise<void> {
    if (await this.usableClone()) {
      this.head = await this.git(['rev-parse', 'HEAD'], this.dir).then((out) => out.trim());
      this.branchName ??= (await this.git(['symbolic-ref', '--short', 'HEAD'], this.dir)).trim();
      if (options.update !== false) await this.requestSync();
    } else {
      try {
        await this.freshClone();
      } catch (error) {
        throw new LoreError('GIT_FAILED', `Could not clone the notes from ${this.publicUrl}: ${redactSecrets(asError(error).message, this.secrets).replace(/\.$/, '')}. Check KNOWLEDGE_GIT_URL${this.options.config.branch ? ', KNOWLEDGE_GIT_BRANCH' : ''} and the credentials (a token in the URL, or KNOWLEDGE_GIT_SSH_KEY).`);
      }
    }
    const missing = this.missingFolder();
    if (missing !== undefined) throw new LoreError('GIT_FAILED', `${missing}: set KNOWLEDGE_GIT_PATH to a folder of the repository, or unset it to serve the whole repository.`);
  }

  /** Starts fetching every `intervalSeconds` (none when it is 0). */
  startPolling(): void {
    const seconds = this.options.config.intervalSeconds;
    if (seconds === 0 || this.timer) return;
    this.timer = setInterval(() => void this.requestSync(), seconds * 1000);
    this.timer.unref();
  }

  /**
   * Fetches now, unless a fetch is running: then one more runs after it (requests in between are merged).
   * Never rejects; problems are logged and shown by `readiness()`.
   */
  requestSync(): Promise<SyncOutcome> {
    if (this.stopped) return Promise.resolve('unchanged');
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = async (): Promise<SyncOutcome> => {
      let outcome: SyncOutcome;
      try {
        outcome = await this.sync();
      } catch (error) {
        this.logger.error({ err: error }, 'updating the notes from git failed; still serving the last good commit');
        outcome = 'unchanged';
      }
      if (this.again && !this.stopped) {
        this.again = false;
        return run();
      }
      return outcome;
    };
    this.running = run().finally(() => (this.running = undefined));
    return this.running;
  }

  /** `ok` once a commit is checked out; the detail says which, and any trouble reaching the remote. */
  readiness(): Readiness {
    const at = this.head?.slice(0, 12);
    if (at === undefined) return { ok: false, detail: `notes not cloned yet from ${this.publicUrl}` };
    const where = `commit ${at} of ${this.branchName ?? 'the default branch'}`;
    switch (this.health.state) {
      case 'ok': {
        const ago = this.lastFetchAt === undefined ? '' : `, fetched ${Math.round((this.now() - this.lastFetchAt) / 1000)} s ago`;
        return { ok: true, detail: `notes at ${where}${ago}` };
      }
      case 'unreachable':
        return { ok: true, detail: `git remote unreachable since ${new Date(this.health.since).toISOString()} (${this.health.reason}); serving ${where}` };
      case 'branch-missing':
        return { ok: true, detail: `branch ${this.branchName ?? ''} no longer exists on the remote; serving ${where}` };
    }
  }

  /** Stops polling and waits for a running fetch. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One fetch and, when the branch moved, the update of the work tree and the call to `onChange`. */
  private async sync(): Promise<SyncOutcome> {
    const branch = this.branchName;
    const old = this.head;
    if (branch === undefined || old === undefined) return 'unchanged';
    const tracking = `refs/remotes/origin/${branch}`;
    try {
      await this.git(['fetch', '--quiet', '--no-tags', '--prune', '--', this.url, `+refs/heads/${branch}:${tracking}`], this.dir);
    } catch (error) {
      return this.fetchFailed(error, branch);
    }
    this.lastFetchAt = this.now();
    if (this.health.state !== 'ok') {
      this.logger.info({ branch, remote: this.publicUrl }, 'the notes repository can be fetched again');
      this.health = { state: 'ok' };
    }
    const next = (await this.git(['rev-parse', tracking], this.dir)).trim();
    if (next === old) return 'unchanged';
    const change = withinFolder(parseNameStatus(await this.git(['diff', '--name-status', '-z', '--no-renames', old, next], this.dir)), this.options.config.path);
    const forward = await this.git(['merge-base', '--is-ancestor', old, next], this.dir).then(
      () => true,
      () => false,
    );
    if (forward) {
      await this.git(['reset', '--hard', '--quiet', next], this.dir);
      this.head = next;
    } else {
      this.logger.warn({ branch, from: old, to: next }, 'the notes branch was rewritten (force-push); cloning it afresh');
      await this.freshClone();
    }
    this.logger.info({ branch, from: old, to: this.head, changed: change.changed.length, removed: change.removed.length }, 'notes updated from git');
    if (this.missingFolder() !== undefined) {
      this.logger.warn({ branch, commit: this.head, path: this.options.config.path }, 'KNOWLEDGE_GIT_PATH is not a folder of the repository at the new commit');
    }
    await this.options.onChange?.(change);
    return forward ? 'updated' : 'recloned';
  }

  private fetchFailed(error: unknown, branch: string): SyncOutcome {
    const message = redactSecrets(asError(error).message, this.secrets);
    const stderr = error instanceof GitError ? error.stderr : '';
    if (/couldn't find remote ref/i.test(stderr)) {
      // Reported once: the branch may come back, and until then nothing changes.
      if (this.health.state !== 'branch-missing') {
        this.logger.warn({ branch, remote: this.publicUrl, commit: this.head }, 'the notes branch no longer exists on the remote; keeping the last good commit');
        this.health = { state: 'branch-missing', since: this.now() };
      }
      return 'branch-missing';
    }
    if (this.health.state !== 'unreachable') {
      this.logger.warn({ remote: this.publicUrl, reason: message, commit: this.head }, 'cannot fetch the notes repository; still serving the last good commit');
      this.health = { state: 'unreachable', since: this.now(), reason: message };
    } else {
      this.logger.debug({ reason: message }, 'the notes repository is still unreachable');
    }
    return 'unreachable';
  }

  /** Clones next to the current clone, then swaps it in: the old work tree serves until the new one is complete. */
  private async freshClone(): Promise<void> {
    const target = this.dir;
    const staging = `${target}.new`;
    const retired = `${target}.old`;
    await mkdir(dirname(target), { recursive: true });
    await rm(staging, { recursive: true, force: true });
    const branchArgs = this.branchName === undefined ? [] : ['--branch', this.branchName];
    await this.git(['clone', '--quiet', '--no-tags', '--single-branch', ...branchArgs, '--', this.url, staging]);
    // The clone keeps the address without credentials; every fetch passes the full URL instead.
    await this.git(['remote', 'set-url', 'origin', this.publicUrl], staging);
    const branch = (await this.git(['symbolic-ref', '--short', 'HEAD'], staging)).trim();
    const head = (await this.git(['rev-parse', 'HEAD'], staging)).trim();
    await rm(retired, { recursive: true, force: true });
    if (existsSync(target)) await rename(target, retired);
    await rename(staging, target);
    await rm(retired, { recursive: true, force: true });
    this.branchName = branch;
    this.head = head;
    this.lastFetchAt = this.now();
    this.health = { state: 'ok' };
    this.logger.info({ remote: this.publicUrl, branch, commit: head }, 'notes cloned');
  }

  /** Why KNOWLEDGE_GIT_PATH cannot be served from the commit checked out, or undefined when it can (or is unset). */
  private missingFolder(): string | undefined {
    const { path } = this.options.config;
    if (path === undefined) return undefined;
    const isFolder = statSync(this.notesDir, { throwIfNoEntry: false })?.isDirectory() === true;
    if (isFolder) return undefined;
    return `KNOWLEDGE_GIT_PATH names ${path}, which is not a folder at commit ${this.head?.slice(0, 12) ?? '?'} of ${this.branchName ?? 'the default branch'} in ${this.publicUrl}`;
  }

  /** The folder holds a clone of this remote (and of the configured branch, if one is set). */
  private async usableClone(): Promise<boolean> {
    if (!existsSync(this.dir)) return false;
    try {
      const origin = (await this.git(['remote', 'get-url', 'origin'], this.dir)).trim();
      if (origin !== this.publicUrl) return false;
      if (this.options.config.branch === undefined) return true;
      return (await this.git(['symbolic-ref', '--short', 'HEAD'], this.dir)).trim() === this.options.config.branch;
    } catch {
      return false;
    }
  }

  private git(args: string[], cwd?: string): Promise<string> {
    const { sshKeyPath, knownHostsPath } = this.options.config;
    return runGit(args, { cwd, sshKeyPath, knownHostsPath, userKnownHostsPath: this.options.userKnownHostsPath, secrets: this.secrets });
  }
}
