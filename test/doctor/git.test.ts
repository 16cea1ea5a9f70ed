import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInProcess } from '../cli/helpers.js';
import { createRemote, git, type TestRemote } from '../source/git-repos.js';

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

  describe('before the first clone, KNOWLEDGE_GIT_PATH looked up at the branch head', () => {
    /** Folders lore's own temp look-ups leave behind. */
    const leftovers = () => readdirSync(tmpdir()).filter((name) => name.startsWith('lore-doctor-'));

    beforeEach(() => {
      remote.commit({ 'handbook/runbooks/deploy.md': '# Deploy\n', 'handbook/runbooks/db.md': '# DB\n', 'assets/logo.png': 'PNG', 'README.txt': 'Read me.\n' }, 'more');
    });

    it('passes a folder with notes, without cloning or leaving anything behind', async () => {
      const before = leftovers();
      const { code, stdout } = await doctor({ KNOWLEDGE_GIT_URL: remote.url, KNOWLEDGE_GIT_PATH: 'handbook/runbooks' });
      expect(code).toBe(0);
      expect(stdout).toMatch(/✓ Notes repository: file:\/\/.*remote\.git is readable: branch main at [0-9a-f]{12}; KNOWLEDGE_GIT_PATH handbook\/runbooks\/ holds 2 notes; fetched every 60 s/);
      expect(stdout).toMatch(/– Notes: not cloned yet/);
      expect(existsSync(join(remote.root, 'data', 'notes-git'))).toBe(false);
      expect(leftovers().filter((name) => !before.includes(name))).toEqual([]);
    });

    it('reads the folders from a server that honours the no-contents filter, as hosted ones do', async () => {
      git(remote.bare, ['config', 'uploadpack.allowFilter', 'true']);
      const { code, stdout } = await doctor({ KNOWLEDGE_GIT_URL: remote.url, KNOWLEDGE_GIT_PATH: 'handbook/runbooks' });
      expect(code).toBe(0);
      expect(stdout).toContain('KNOWLEDGE_GIT_PATH handbook/runbooks/ holds 2 notes');
    });

    it.each([
      ['runbooks', 'there is no such folder', 'set KNOWLEDGE_GIT_PATH to a folder of the repository (such as handbook/runbooks), or unset it'],
      ['guides', 'there is no such folder', 'set KNOWLEDGE_GIT_PATH to a folder of the repository (its top-level folders: assets, handbook), or unset it'],
      ['README.txt', 'README.txt is a file, not a folder,', 'set KNOWLEDGE_GIT_PATH to the folder that holds the notes, or unset it'],
      ['assets', 'that folder holds no .md, .markdown, .mdx, .md.erb or .txt notes', 'push notes to it, or set KNOWLEDGE_GIT_PATH to the folder that holds them, or unset it'],
    ])('fails %s: %s', async (path, what, fix) => {
      const { code, stdout } = await doctor({ KNOWLEDGE_GIT_URL: remote.url, KNOWLEDGE_GIT_PATH: path });
      expect(code).toBe(1);
      const head = git(remote.work, ['rev-parse', 'HEAD']).trim().slice(0, 12);
      expect(stdout).toContain(`✗ Notes repository: KNOWLEDGE_GIT_PATH is ${path}, but ${what} at branch main of ${remote.url} (commit ${head}) → fix: ${fix}`);
    });

    it('looks at the branch KNOWLEDGE_GIT_BRANCH names', async () => {
      remote.commit({ 'guides/setup.md': '# Setup\n' }, 'guides', { branch: 'next' });
      const onNext = await doctor({ KNOWLEDGE_GIT_URL: remote.url, KNOWLEDGE_GIT_BRANCH: 'next', KNOWLEDGE_GIT_PATH: 'guides' });
      expect(onNext.code).toBe(0);
      expect(onNext.stdout).toMatch(/✓ Notes repository: .* is readable: branch next at [0-9a-f]{12}; KNOWLEDGE_GIT_PATH guides\/ holds 1 note;/);
      const onMain = await doctor({ KNOWLEDGE_GIT_URL: remote.url, KNOWLEDGE_GIT_PATH: 'guides' });
      expect(onMain.stdout).toMatch(/✗ Notes repository: KNOWLEDGE_GIT_PATH is guides, but there is no such folder at branch main of/);
    });

    it('fails a missing branch and an unreachable remote before looking for the folder, without showing the token', async () => {
      const missing = await doctor({ KNOWLEDGE_GIT_URL: remote.url, KNOWLEDGE_GIT_BRANCH: 'nope', KNOWLEDGE_GIT_PATH: 'handbook' });
      expect(missing.code).toBe(1);
      expect(missing.stdout).toMatch(/✗ Notes repository: .* has no branch nope → fix: set KNOWLEDGE_GIT_BRANCH/);
      const token = 'glpat-s3cretvalue0123456789';
      const unreachable = await doctor({ KNOWLEDGE_GIT_URL: `https://oauth2:${token}@127.0.0.1:1/notes.git`, KNOWLEDGE_GIT_PATH: 'handbook' });
      expect(unreachable.code).toBe(1);
      expect(unreachable.stdout).toMatch(/✗ Notes repository: https:\/\/127\.0\.0\.1:1\/notes\.git cannot be read: git ls-remote failed: .*Failed to connect to 127\.0\.0\.1 port 1.* → fix: check KNOWLEDGE_GIT_URL/);
      expect(unreachable.stdout + unreachable.stderr).not.toContain(token);
    });
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
