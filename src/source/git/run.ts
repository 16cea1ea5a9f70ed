import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { LoreError } from '../../errors.js';
import { redactSecrets } from './redact.js';

export interface GitRunOptions {
  /** Folder git runs in. */
  cwd?: string;
  /** Private key for ssh remotes. */
  sshKeyPath?: string;
  /** known_hosts file holding the ssh host's key; when set, a host key not in it is refused instead of accepted on first use. */
  knownHostsPath?: string;
  /**
   * Where ssh keeps the host keys it accepted on first use when `knownHostsPath` is unset. Default: ssh's own,
   * `~/.ssh/known_hosts` of the user lore runs as (ssh finds that home in the password database, not in $HOME).
   */
  userKnownHostsPath?: string;
  /** Values never to show in an error message (the URL's token). */
  secrets?: readonly string[];
  /** Milliseconds before git is stopped (default 60 s). */
  timeoutMs?: number;
}

/** A git command that failed: its exit code and stderr, already free of secrets. */
export class GitError extends LoreError {
  constructor(
    message: string,
    readonly stderr: string,
    readonly exitCode: number | string | undefined,
  ) {
    super('GIT_FAILED', message);
    this.name = 'GitError';
  }
}

const DEFAULT_TIMEOUT_MS = 60_000;
const MAX_OUTPUT = 64 * 1024 * 1024;

/**
 * The environment git runs with: never prompts (a missing credential fails at once instead of hanging), English
 * messages (they are matched), only https, ssh and file transports (no `ext::` command remotes, also in
 * submodules), no system or user configuration that could change what is fetched.
 *
 * ssh runs in batch mode (no prompt for a passphrase or a host key). With a known_hosts file, ssh trusts only the
 * host keys in it (`StrictHostKeyChecking=yes`); without one it keeps ssh's own known_hosts (or
 * `userKnownHostsPath`) and accepts a host it has never seen on first use (`accept-new`), refusing a changed key.
 */
export function gitEnv(ssh: Pick<GitRunOptions, 'sshKeyPath' | 'knownHostsPath' | 'userKnownHostsPath'> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LC_ALL: 'C',
    GIT_TERMINAL_PROMPT: '0',
    GIT_ALLOW_PROTOCOL: 'https:ssh:file',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
  };
  // GIT_SSH_COMMAND goes through a shell: paths are quoted so spaces or quotes in them stay one argument.
  const words = ['ssh'];
  if (ssh.sshKeyPath !== undefined) words.push('-i', shellQuote(ssh.sshKeyPath), '-o', 'IdentitiesOnly=yes');
  words.push('-o', 'BatchMode=yes');
  if (ssh.knownHostsPath === undefined) {
    words.push('-o', 'StrictHostKeyChecking=accept-new');
    if (ssh.userKnownHostsPath !== undefined) words.push('-o', shellQuote(`UserKnownHostsFile=${sshConfigPath(ssh.userKnownHostsPath)}`));
  } else words.push('-o', 'StrictHostKeyChecking=yes', '-o', shellQuote(`UserKnownHostsFile=${sshConfigPath(ssh.knownHostsPath)}`), '-o', 'GlobalKnownHostsFile=/dev/null');
  env.GIT_SSH_COMMAND = words.join(' ');
  return env;
}

/**
 * Runs `git <args>` without a shell and resolves with its stdout. Rejects with a GitError whose message names no
 * secret. git runs in a process group of its own, without a terminal: on timeout the whole group is stopped, so no
 * ssh or https helper is left waiting on the network (or writing into a folder about to be removed).
 */
export function runGit(args: readonly string[], options: GitRunOptions = {}): Promise<string> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd: options.cwd, env: gitEnv(options), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let size = 0;
    let stopped: 'timeout' | 'output' | undefined;
    const stop = (why: 'timeout' | 'output') => {
      stopped ??= why;
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group is gone already.
      }
    };
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_OUTPUT) stop('output');
      else into.push(chunk);
    };
    child.stdout.on('data', collect(stdout));
    child.stderr.on('data', collect(stderr));
    const timer = setTimeout(() => stop('timeout'), timeoutMs);
    const fail = (why: (stderr: string) => string | undefined, code: number | string | undefined) => {
      const clean = redactSecrets(Buffer.concat(stderr).toString('utf8').trim(), options.secrets);
      const what = redactSecrets(`git ${args[0] ?? ''}`, options.secrets);
      reject(new GitError(`${what} failed: ${why(clean) ?? `exit code ${String(code)}`}`, clean, code));
    };
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      fail(() => error.message, error.code);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (stopped === 'timeout') return fail(() => `timed out after ${Math.round(timeoutMs / 1000)} s`, signal ?? undefined);
      if (stopped === 'output') return fail(() => `printed more than ${MAX_OUTPUT / 1024 / 1024} MB`, signal ?? undefined);
      if (code === 0) return resolve(Buffer.concat(stdout).toString('utf8'));
      fail((clean) => failureReason(clean, options), code ?? signal ?? undefined);
    });
  });
}

/** git's generic advice after any failed ssh connection: it says nothing about what went wrong. */
const GIT_SSH_ADVICE = /^(fatal: Could not read from remote repository\.|Please make sure you have the correct access rights|and the repository exists\.)$/;

/**
 * The line of git's stderr that says what went wrong: ssh's refusal when there is one (a host key not trusted, a
 * key not accepted) rather than git's generic advice, else the last line. A refused host key names the setting that
 * decides which host keys are trusted.
 */
function failureReason(stderr: string, { knownHostsPath, userKnownHostsPath }: Pick<GitRunOptions, 'knownHostsPath' | 'userKnownHostsPath'>): string | undefined {
  const lines = stderr.split('\n').map((line) => line.trim()).filter(Boolean);
  const hostKey = lines.find((line) => /^(Host key for .* has changed|No \S+ host key is known for )/.test(line));
  if (hostKey !== undefined || lines.includes('Host key verification failed.')) {
    const what = (hostKey ?? 'Host key verification failed.').replace(/ and you have requested strict checking\.$/, '');
    if (knownHostsPath === undefined) {
      return `${what}: ssh accepts a host's key on first use and refuses one that changed since (see ${userKnownHostsPath ?? 'the known_hosts file of the user lore runs as'}); to say which keys to trust, set KNOWLEDGE_GIT_KNOWN_HOSTS to a known_hosts file with the host's key`;
    }
    if (!existsSync(knownHostsPath)) return `${what}: KNOWLEDGE_GIT_KNOWN_HOSTS names ${knownHostsPath}, which does not exist; create it with the host's key (ssh-keyscan, after checking the fingerprint with the host's owner)`;
    const holds = hostKey?.startsWith('Host key for ') ? 'holds another key for this host' : 'holds no key for this host';
    return `${what}: the known_hosts file KNOWLEDGE_GIT_KNOWN_HOSTS names (${knownHostsPath}) ${holds}; add the host's key to it (ssh-keyscan, after checking the fingerprint with the host's owner)`;
  }
  return lines.find((line) => /Permission denied \(/.test(line)) ?? lines.filter((line) => !GIT_SSH_ADVICE.test(line)).at(-1) ?? lines.at(-1);
}

/**
 * A path as one value of an ssh option: ssh splits UserKnownHostsFile at spaces (it takes several files) and expands
 * `%` tokens in it, so the path goes in double quotes with `%`, `"` and `\\` escaped.
 */
function sshConfigPath(path: string): string {
  return `"${path.replace(/%/g, '%%').replace(/["\\]/g, '\\$&')}"`;
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
