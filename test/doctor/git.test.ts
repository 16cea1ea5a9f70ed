import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInProcess } from '../cli/helpers.js';
import { createRemote, type TestRemote } from '../source/git-repos.js';

let remote: TestRemote;
beforeEach(() => {
  remote = createRemote({ 'a.md': '# A\n\nText.\n' });
});
afterEach(() => remote.cleanup());

const doctor = (env: Record<string, string>) =>
  runInProcess(['doctor'], { env: { KNOWLEDGE_DIR: '', LORE_DB: join(remote.root, 'data', 'lore.db'), ...env } });

describe('lore doctor with notes from git', () => {
  it('reads the remote branch without cloning, and says the notes are cloned on first start', async () => {
    const { code, stdout } = await doctor({ KNOWLEDGE_GIT_URL: remote.url, KNOWLEDGE_GIT_WEBHOOK_SECRET: 'a-secret-of-enough-length' });
    expect(code).toBe(0);
    expect(stdout).toMatch(/✓ Notes repository: file:\/\/.*remote\.git is readable: branch main at [0-9a-f]{12}; fetched every 60 s, webhook at POST \/hooks\/git/);
    expect(stdout).toMatch(/– Notes: not cloned yet/);
  });

  it('fails a branch the remote does not have, and an unreachable remote, without showing the token', async () => {
    const missing = await doctor({ KNOWLEDGE_GIT_URL: remote.url, KNOWLEDGE_GIT_BRANCH: 'nope' });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/✗ Notes repository: .* has no branch nope → fix: set KNOWLEDGE_GIT_BRANCH/);
    const token = 'glpat-s3cretvalue0123456789';
    const unreachable = await doctor({ KNOWLEDGE_GIT_URL: `https://oauth2:${token}@127.0.0.1:1/notes.git` });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stdout).toMatch(/✗ Notes repository: https:\/\/127\.0\.0\.1:1\/notes\.git cannot be read/);
    expect(unreachable.stdout + unreachable.stderr).not.toContain(token);
  });

  it('fails a KNOWLEDGE_GIT_KNOWN_HOSTS file that does not exist, before trying the remote', async () => {
    const missing = join(remote.root, 'known_hosts');
    const { code, stdout } = await doctor({ KNOWLEDGE_GIT_URL: remote.url, KNOWLEDGE_GIT_KNOWN_HOSTS: missing });
    expect(code).toBe(1);
    expect(stdout).toContain(`✗ Notes repository: KNOWLEDGE_GIT_KNOWN_HOSTS names ${missing}, which does not exist → fix: create it with the git host's key`);
  });

  it('fails a KNOWLEDGE_GIT_PATH the clone has no folder for, and passes one it has', async () => {
    remote.commit({ 'handbook/b.md': '# B\n\nMore text.\n' }, 'handbook');
    const base = { KNOWLEDGE_GIT_URL: remote.url, KNOWLEDGE_GIT_INTERVAL: '0' };
    expect((await runInProcess(['ask', 'text?'], { env: { KNOWLEDGE_DIR: '', LORE_DB: join(remote.root, 'data', 'lore.db'), ...base } })).code).toBe(0);
    const missing = await doctor({ ...base, KNOWLEDGE_GIT_PATH: 'runbooks' });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/✗ Notes: KNOWLEDGE_GIT_PATH is runbooks, but the clone in .*notes-git\/ has no such folder → fix: set KNOWLEDGE_GIT_PATH to a folder of the repository/);
    const present = await doctor({ ...base, KNOWLEDGE_GIT_PATH: 'handbook' });
    expect(present.stdout).toMatch(/✓ Notes: .*handbook\/ indexes: 1 file,/);
  });
});
