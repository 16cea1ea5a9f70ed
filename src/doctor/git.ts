import { existsSync } from 'node:fs';
import type { Config } from '../config.js';
import { redactSecrets, urlSecrets, withoutCredentials } from '../source/git/redact.js';
import { runGit } from '../source/git/run.js';
import { describeError, fail, pass, skip, type CheckResult } from './check.js';

const LS_REMOTE_TIMEOUT_MS = 20_000;

/** KNOWLEDGE_GIT_URL answers, with the branch lore follows; the SSH key and known_hosts files exist. One `git ls-remote`, nothing cloned. */
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
  const ref = git.branch === undefined ? 'HEAD' : `refs/heads/${git.branch}`;
  let output: string;
  try {
    output = await runGit(['ls-remote', '--symref', '--', git.url, ref], { sshKeyPath: git.sshKeyPath, knownHostsPath: git.knownHostsPath, secrets: urlSecrets(git.url), timeoutMs: LS_REMOTE_TIMEOUT_MS });
  } catch (error) {
    return fail(name, `${where} cannot be read: ${redactSecrets(describeError(error), urlSecrets(git.url))}`, 'check KNOWLEDGE_GIT_URL and its credentials (a token in the URL, or KNOWLEDGE_GIT_SSH_KEY), and that this machine reaches the host');
  }
  const sha = /^([0-9a-f]{40})\t/m.exec(output)?.[1];
  if (sha === undefined) {
    return fail(name, `${where} has no branch ${git.branch ?? '(no default branch: the repository is empty)'}`, 'set KNOWLEDGE_GIT_BRANCH to a branch the repository has, or push the notes first');
  }
  const branch = git.branch ?? /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(output)?.[1] ?? 'HEAD';
  const polling = git.intervalSeconds === 0 ? 'polling off' : `fetched every ${git.intervalSeconds} s`;
  const webhook = git.webhookSecret === undefined ? 'no webhook' : 'webhook at POST /hooks/git';
  return pass(name, `${where} is readable: branch ${branch} at ${sha.slice(0, 12)}; ${polling}, ${webhook}`);
}
