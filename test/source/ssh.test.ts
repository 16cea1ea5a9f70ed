import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NoteChanges } from '../../src/engine.js';
import { GitSource, type GitSourceOptions } from '../../src/source/git/source.js';
import { capturingLogger } from '../capturing-logger.js';
import { runInProcess } from '../cli/helpers.js';
import { createRemote, git, type TestRemote } from './git-repos.js';
import { startSshServer, type SshServer } from './ssh-server.js';

// A real OpenSSH server on 127.0.0.1 serves the bare repository; ssh and git run as lore runs them. Every source
// here names a known_hosts file (KNOWLEDGE_GIT_KNOWN_HOSTS, or a temp file in place of the user's own), so no test
// writes to the known_hosts of the user running the tests.
let server: SshServer;
beforeAll(async () => {
  server = await startSshServer();
});
afterAll(async () => {
  await server?.stop();
});

let remote: TestRemote;
beforeEach(() => {
  remote = createRemote({ 'deploy.md': '# Deploy\n\nRun make deploy.\n' });
});
afterEach(() => remote.cleanup());

function source(overrides: Partial<GitSourceOptions['config']> = {}, userKnownHostsPath?: string) {
  const { logger, lines } = capturingLogger();
  const changes: NoteChanges[] = [];
  const config: GitSourceOptions['config'] = {
    url: server.url(remote.bare),
    sshKeyPath: server.clientKey,
    knownHostsPath: server.knownHosts,
    intervalSeconds: 0,
    cloneDir: join(remote.root, 'data', 'notes-git'),
    ...overrides,
  };
  const notes = new GitSource({ config, logger, userKnownHostsPath, onChange: async (change) => void changes.push(change) });
  return { notes, lines, changes, config };
}

/**
 * Clones, then restarts the server with a new host key and fetches a new commit: the fetch is refused and the clone
 * stays where it was. Returns the reason the warning gives. The caller puts the server's key back in its known_hosts.
 */
async function fetchAfterHostKeyChange({ notes, lines, changes }: ReturnType<typeof source>): Promise<unknown> {
  await notes.open();
  const kept = notes.commit();
  remote.commit({ 'later.md': '# Later\n' }, 'later');
  await server.replaceHostKey();
  await expect(notes.requestSync()).resolves.toBe('unreachable');
  expect(notes.commit()).toBe(kept);
  expect(changes).toEqual([]);
  return lines.find((line) => line.level === 40 && line.msg?.includes('cannot fetch'))?.reason;
}

/** The body of a private key file: what must never reach a log line or a message. */
const keyBody = (path: string) => readFileSync(path, 'utf8').split('\n').filter((line) => line !== '' && !line.startsWith('-----')).join('');

describe('notes from an ssh URL, served by a real sshd', () => {
  it('clones with the deploy key, and takes in a new commit on the next fetch', async () => {
    const { notes, changes, config } = source();
    await notes.open();
    expect(notes.branch()).toBe('main');
    expect(notes.commit()).toBe(git(remote.work, ['rev-parse', 'HEAD']).trim());
    expect(readFileSync(join(config.cloneDir, 'deploy.md'), 'utf8')).toContain('make deploy');
    // Stored without the user, as every URL is; each fetch passes the full URL.
    expect(git(config.cloneDir, ['remote', 'get-url', 'origin']).trim()).toBe(`ssh://127.0.0.1:${server.port}${remote.bare}`);

    const next = remote.commit({ 'deploy.md': '# Deploy\n\nRun make ship.\n', 'db.md': '# DB\n\nRestart it.\n' }, 'edit');
    await expect(notes.requestSync()).resolves.toBe('updated');
    expect(notes.commit()).toBe(next);
    expect(changes).toEqual([{ changed: ['db.md', 'deploy.md'], removed: [] }]);
    expect(readFileSync(join(config.cloneDir, 'deploy.md'), 'utf8')).toContain('make ship');
    expect(server.log()).toMatch(new RegExp(`Accepted publickey for ${server.user} from 127\\.0\\.0\\.1`));
  });

  it('refuses a key the server does not accept, with a clear message and no key material in it or the logs', async () => {
    const wrong = server.newKey('not_authorized');
    const { notes, lines } = source({ sshKeyPath: wrong });
    const error = await notes.open().catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      new RegExp(`^Could not clone the notes from ssh://127\\.0\\.0\\.1:${server.port}/.*remote\\.git: git clone failed: ${server.user}@127\\.0\\.0\\.1: Permission denied \\(publickey\\)\\. Check KNOWLEDGE_GIT_URL and the credentials \\(a token in the URL, or KNOWLEDGE_GIT_SSH_KEY\\)\\.$`),
    );
    expect(notes.readiness().ok).toBe(false);
    for (const key of [wrong, server.clientKey]) {
      expect((error as Error).message).not.toContain(keyBody(key));
      expect(JSON.stringify(lines)).not.toContain(keyBody(key));
    }
  });
});

describe('KNOWLEDGE_GIT_KNOWN_HOSTS against a real sshd', () => {
  it("lets the clone through when the file holds the host's key", async () => {
    const { notes } = source();
    await notes.open();
    expect(notes.readiness()).toEqual({ ok: true, detail: expect.stringMatching(/^notes at commit [0-9a-f]{12} of main/) });
  });

  it('refuses a host whose key is not the one in the file, naming the setting', async () => {
    const other = join(remote.root, 'other_known_hosts');
    writeFileSync(other, server.knownHostsLine(server.newKey('someone_else')));
    const { notes } = source({ knownHostsPath: other });
    await expect(notes.open()).rejects.toThrow(
      new RegExp(`git clone failed: Host key for \\[127\\.0\\.0\\.1\\]:${server.port} has changed: the known_hosts file KNOWLEDGE_GIT_KNOWN_HOSTS names \\(${other}\\) holds another key for this host; add the host's key to it`),
    );
  });

  it('refuses a host the file does not list, and a file that does not exist', async () => {
    const empty = join(remote.root, 'empty_known_hosts');
    writeFileSync(empty, '');
    await expect(source({ knownHostsPath: empty }).notes.open()).rejects.toThrow(/git clone failed: No ED25519 host key is known for \[127\.0\.0\.1\]:\d+: the known_hosts file KNOWLEDGE_GIT_KNOWN_HOSTS names \(.*\) holds no key for this host/);
    const missing = join(remote.root, 'missing_known_hosts');
    await expect(source({ knownHostsPath: missing }).notes.open()).rejects.toThrow(new RegExp(`KNOWLEDGE_GIT_KNOWN_HOSTS names ${missing}, which does not exist; create it with the host's key`));
  });

  it("keeps serving the last good commit when the host's key changes, and says why", async () => {
    const opened = source();
    const { notes, changes, config } = opened;
    try {
      const reason = await fetchAfterHostKeyChange(opened);
      expect(readFileSync(join(config.cloneDir, 'deploy.md'), 'utf8')).toContain('make deploy');
      expect(reason).toMatch(/Host key for \[127\.0\.0\.1\]:\d+ has changed: the known_hosts file KNOWLEDGE_GIT_KNOWN_HOSTS names/);
      expect(notes.readiness()).toEqual({ ok: true, detail: expect.stringMatching(/^git remote unreachable since .*KNOWLEDGE_GIT_KNOWN_HOSTS.*; serving commit/) });

      // Once the file holds the new key, the next fetch takes the commit in.
      writeFileSync(server.knownHosts, server.knownHostsLine());
      await expect(notes.requestSync()).resolves.toBe('updated');
      expect(changes).toEqual([{ changed: ['later.md'], removed: [] }]);
    } finally {
      writeFileSync(server.knownHosts, server.knownHostsLine());
    }
  });

  it('passes lore doctor before the first clone, KNOWLEDGE_GIT_PATH looked up over ssh, and fails a folder the branch lacks', async () => {
    remote.commit({ 'runbooks/db.md': '# DB\n\nRestart it.\n' }, 'runbooks');
    const doctor = (path: string) =>
      runInProcess(['doctor'], {
        env: { KNOWLEDGE_DIR: '', LORE_DB: join(remote.root, 'data', 'lore.db'), KNOWLEDGE_GIT_URL: server.url(remote.bare), KNOWLEDGE_GIT_SSH_KEY: server.clientKey, KNOWLEDGE_GIT_KNOWN_HOSTS: server.knownHosts, KNOWLEDGE_GIT_PATH: path },
      });
    const present = await doctor('runbooks');
    expect(present.code).toBe(0);
    expect(present.stdout).toMatch(/✓ Notes repository: ssh:\/\/.* is readable: branch main at [0-9a-f]{12}; KNOWLEDGE_GIT_PATH runbooks\/ holds 1 note;/);
    const missing = await doctor('handbook');
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/✗ Notes repository: KNOWLEDGE_GIT_PATH is handbook, but there is no such folder at branch main of ssh:\/\/.* → fix: set KNOWLEDGE_GIT_PATH to a folder of the repository \(its top-level folders: runbooks\)/);
  });

  it('fails lore doctor with the host key problem and the setting', async () => {
    const other = join(remote.root, 'other_known_hosts');
    writeFileSync(other, server.knownHostsLine(server.newKey('impostor')));
    const { code, stdout } = await runInProcess(['doctor'], {
      env: { KNOWLEDGE_DIR: '', LORE_DB: join(remote.root, 'data', 'lore.db'), KNOWLEDGE_GIT_URL: server.url(remote.bare), KNOWLEDGE_GIT_SSH_KEY: server.clientKey, KNOWLEDGE_GIT_KNOWN_HOSTS: other },
    });
    expect(code).toBe(1);
    expect(stdout).toMatch(/✗ Notes repository: ssh:\/\/.* cannot be read: .*Host key for \[127\.0\.0\.1\]:\d+ has changed: the known_hosts file KNOWLEDGE_GIT_KNOWN_HOSTS names/);
  });
});

describe('without KNOWLEDGE_GIT_KNOWN_HOSTS, against a real sshd', () => {
  /** The host key as a known_hosts entry holds it (ssh may hash the host name, never the key). */
  const hostKey = () => server.knownHostsLine().trim().split(' ').slice(1).join(' ');
  /** Stands in for ~/.ssh/known_hosts; ssh creates the file, not its folder. */
  const userKnownHosts = () => {
    mkdirSync(join(remote.root, 'home', '.ssh'), { recursive: true });
    return join(remote.root, 'home', '.ssh', 'known_hosts');
  };

  it("accepts the host's key on the first clone and records it", async () => {
    const known = userKnownHosts();
    const { notes } = source({ knownHostsPath: undefined }, known);
    expect(existsSync(known)).toBe(false);
    await notes.open();
    expect(notes.commit()).toBe(git(remote.work, ['rev-parse', 'HEAD']).trim());
    expect(readFileSync(known, 'utf8')).toContain(hostKey());

    // The recorded key lets the next fetch through.
    const next = remote.commit({ 'db.md': '# DB\n\nRestart it.\n' }, 'db');
    await expect(notes.requestSync()).resolves.toBe('updated');
    expect(notes.commit()).toBe(next);
  });

  it('refuses a later fetch once the host key changed, keeps the last good commit and says why', async () => {
    const known = userKnownHosts();
    try {
      const reason = await fetchAfterHostKeyChange(source({ knownHostsPath: undefined }, known));
      expect(reason).toMatch(
        new RegExp(`^git fetch failed: Host key for \\[127\\.0\\.0\\.1\\]:${server.port} has changed: ssh accepts a host's key on first use and refuses one that changed since \\(see ${known}\\); to say which keys to trust, set KNOWLEDGE_GIT_KNOWN_HOSTS`),
      );
      // The changed key is not recorded in place of the first one.
      const entries = readFileSync(known, 'utf8').trim().split('\n');
      expect(entries).toHaveLength(1);
      expect(entries[0]).not.toContain(hostKey());
    } finally {
      writeFileSync(server.knownHosts, server.knownHostsLine());
    }
  });
});
