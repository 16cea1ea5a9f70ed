import { execFile } from 'node:child_process';
import { LoreError } from '../../errors.js';
import { redactSecrets } from './redact.js';

export interface GitRunOptions {
  /** Folder git runs in. */
  cwd?: string;
  /** Private key for ssh remotes. */
  sshKeyPath?: string;
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
 */
export function gitEnv(sshKeyPath?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LC_ALL: 'C',
    GIT_TERMINAL_PROMPT: '0',
    GIT_ALLOW_PROTOCOL: 'https:ssh:file',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
  };
  if (sshKeyPath !== undefined) {
    // GIT_SSH_COMMAND goes through a shell: the path is quoted so spaces or quotes in it stay one argument.
    env.GIT_SSH_COMMAND = `ssh -i ${shellQuote(sshKeyPath)} -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=accept-new`;
  }
  return env;
}

/** Runs `git <args>` without a shell and resolves with its stdout. Rejects with a GitError whose message names no secret. */
export function runGit(args: readonly string[], options: GitRunOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      { cwd: options.cwd, env: gitEnv(options.sshKeyPath), timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxBuffer: MAX_OUTPUT, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const clean = redactSecrets(String(stderr).trim(), options.secrets);
        const what = redactSecrets(`git ${args[0] ?? ''}`, options.secrets);
        const why = error.killed ? `timed out after ${Math.round((options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000)} s` : clean.split('\n').filter(Boolean).at(-1) ?? `exit code ${String(error.code)}`;
        reject(new GitError(`${what} failed: ${why}`, clean, error.code ?? undefined));
      },
    );
  });
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
