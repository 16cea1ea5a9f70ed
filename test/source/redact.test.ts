import { mkdirSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { redactSecrets, urlSecrets, withoutCredentials } from '../../src/source/git/redact.js';
import { gitEnv, runGit } from '../../src/source/git/run.js';
import { GitSource } from '../../src/source/git/source.js';
import { capturingLogger } from '../capturing-logger.js';
import { runInProcess } from '../cli/helpers.js';
import { createRemote, git, type TestRemote } from './git-repos.js';

const TOKEN = 'ghp_s3cr3tT0kenValue0123456789';
/** Nothing listens on port 1 of this machine: the remote is unreachable at once. */
const UNREACHABLE = `https://x-access-token:${TOKEN}@127.0.0.1:1/acme/notes.git`;

describe('credentials in git URLs', () => {
  it.each([
    [`fatal: unable to access '${UNREACHABLE}/': Failed to connect`, "fatal: unable to access 'https://[redacted]@127.0.0.1:1/acme/notes.git/': Failed to connect"],
    ['cloning ssh://deploy:pa55word@git.example.com/notes.git', 'cloning ssh://[redacted]@git.example.com/notes.git'],
    ['no URL here', 'no URL here'],
  ])('are replaced in %s', (text, expected) => {
    expect(redactSecrets(text)).toBe(expected);
  });

  it('are dropped from the URL kept in the clone, and listed for scrubbing (decoded too)', () => {
    expect(withoutCredentials(UNREACHABLE)).toBe('https://127.0.0.1:1/acme/notes.git');
    expect(urlSecrets('https://oauth2:abc%2Fdef123@gitlab.example.com/n.git')).toEqual(expect.arrayContaining(['oauth2:abc%2Fdef123', 'abc%2Fdef123', 'abc/def123']));
    expect(urlSecrets('git@github.com:acme/notes.git')).toEqual([]);
  });
});

describe('a token in KNOWLEDGE_GIT_URL', () => {
  let remote: TestRemote;
  beforeEach(() => {
    remote = createRemote({ 'a.md': '# A\n\nText.\n' });
  });
  afterEach(() => remote.cleanup());

  it('is in no error message or log line when the clone fails', async () => {
    const { logger, lines } = capturingLogger();
    const source = new GitSource({ config: { url: UNREACHABLE, intervalSeconds: 0, cloneDir: join(remote.root, 'data', 'notes-git') }, logger });
    const error = await source.open().then(() => undefined, (caught: unknown) => caught as Error);
    expect(error?.message).toMatch(/Could not clone the notes from https:\/\/127\.0\.0\.1:1\/acme\/notes\.git/);
    expect(error?.message).not.toContain(TOKEN);
    expect(JSON.stringify(lines)).not.toContain(TOKEN);
    expect(JSON.stringify(source.readiness())).not.toContain(TOKEN);
  });

  it('is in no log line, readiness detail or stored remote when a later fetch fails', async () => {
    const cloneDir = join(remote.root, 'data', 'notes-git');
    mkdirSync(join(remote.root, 'data'));
    git(remote.root, ['clone', '--quiet', remote.url, cloneDir]);
    git(cloneDir, ['remote', 'set-url', 'origin', withoutCredentials(UNREACHABLE)]);
    const { logger, lines } = capturingLogger();
    const source = new GitSource({ config: { url: UNREACHABLE, intervalSeconds: 0, cloneDir }, logger });
    await source.open();
    expect(source.readiness().detail).toMatch(/^git remote unreachable since/);
    expect(lines.some((line) => line.msg?.includes('cannot fetch'))).toBe(true);
    expect(JSON.stringify(lines)).not.toContain(TOKEN);
    expect(JSON.stringify(source.readiness())).not.toContain(TOKEN);
    expect(git(cloneDir, ['config', '--get', 'remote.origin.url']).trim()).toBe('https://127.0.0.1:1/acme/notes.git');
  });

  it('is not in a failing git command message, even when git prints it', async () => {
    const error = await runGit(['clone', '--', `file://${TOKEN}@nowhere/x.git`, join(remote.root, 'x')], { secrets: [TOKEN] }).catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).not.toContain(TOKEN);
  });

  it('is not printed by the command line, at any log level', async () => {
    const { code, stdout, stderr } = await runInProcess(['ask', 'anything?'], {
      env: { KNOWLEDGE_DIR: '', KNOWLEDGE_GIT_URL: UNREACHABLE, LORE_DB: join(remote.root, 'data', 'lore.db'), LOG_LEVEL: 'trace' },
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/Could not clone the notes from https:\/\/127\.0\.0\.1:1\/acme\/notes\.git/);
    expect(stdout + stderr).not.toContain(TOKEN);
  });
});

describe('a git command that hangs', () => {
  it('is stopped at its timeout with its helpers, so nothing stays connected', async () => {
    // A server that accepts the connection and never answers: git's https helper waits on it until stopped.
    const sockets: Socket[] = [];
    const server = createServer((socket) => void sockets.push(socket.resume()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const started = Date.now();
      await expect(runGit(['ls-remote', '--', `https://x-access-token:${TOKEN}@127.0.0.1:${port}/notes.git`], { timeoutMs: 1000, secrets: [TOKEN] })).rejects.toThrow(/^git ls-remote failed: timed out after 1 s$/);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(sockets.length).toBe(1);
      const closed = sockets.map((socket) => (socket.closed ? Promise.resolve() : new Promise((resolve) => socket.once('close', resolve))));
      await expect(Promise.race([Promise.all(closed).then(() => 'closed'), new Promise((resolve) => setTimeout(() => resolve('still open'), 2000))])).resolves.toBe('closed');
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('an SSH key for ssh remotes', () => {
  it('reaches ssh through GIT_SSH_COMMAND, quoted as one argument, and never a prompt', () => {
    const env = gitEnv({ sshKeyPath: "/run/secrets/it's a key" });
    expect(env.GIT_SSH_COMMAND).toBe(`ssh -i '/run/secrets/it'\\''s a key' -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=accept-new`);
    expect(env.GIT_TERMINAL_PROMPT).toBe('0');
    expect(env.GIT_ALLOW_PROTOCOL).toBe('https:ssh:file');
    // Without a key of its own, ssh still never prompts, and still accepts a new host only on first use.
    expect(gitEnv().GIT_SSH_COMMAND).toBe('ssh -o BatchMode=yes -o StrictHostKeyChecking=accept-new');
  });

  it('records first-use host keys in the given known_hosts file, only while KNOWLEDGE_GIT_KNOWN_HOSTS is unset', () => {
    expect(gitEnv({ userKnownHostsPath: '/tmp/a home/known_hosts' }).GIT_SSH_COMMAND).toBe(
      `ssh -o BatchMode=yes -o StrictHostKeyChecking=accept-new -o 'UserKnownHostsFile="/tmp/a home/known_hosts"'`,
    );
    expect(gitEnv({ userKnownHostsPath: '/tmp/known_hosts', knownHostsPath: '/etc/lore/known_hosts' }).GIT_SSH_COMMAND).toBe(
      `ssh -o BatchMode=yes -o StrictHostKeyChecking=yes -o 'UserKnownHostsFile="/etc/lore/known_hosts"' -o GlobalKnownHostsFile=/dev/null`,
    );
  });

  it('trusts only the keys of KNOWLEDGE_GIT_KNOWN_HOSTS when it is set, its path quoted for the shell and for ssh', () => {
    const env = gitEnv({ sshKeyPath: '/run/secrets/key', knownHostsPath: `/run/secrets/known "hosts" 100%` });
    expect(env.GIT_SSH_COMMAND).toBe(
      `ssh -i '/run/secrets/key' -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=yes -o 'UserKnownHostsFile="/run/secrets/known \\"hosts\\" 100%%"' -o GlobalKnownHostsFile=/dev/null`,
    );
    expect(gitEnv({ knownHostsPath: '/etc/lore/known_hosts' }).GIT_SSH_COMMAND).toBe(
      `ssh -o BatchMode=yes -o StrictHostKeyChecking=yes -o 'UserKnownHostsFile="/etc/lore/known_hosts"' -o GlobalKnownHostsFile=/dev/null`,
    );
  });
});

