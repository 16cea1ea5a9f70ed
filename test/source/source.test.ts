import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NoteChanges } from '../../src/engine.js';
import { GitSource, type GitSourceOptions } from '../../src/source/git/source.js';
import { capturingLogger } from '../capturing-logger.js';
import { createRemote, git, type TestRemote } from './git-repos.js';

let remote: TestRemote;
beforeEach(() => {
  remote = createRemote({ 'deploy.md': '# Deploy\n\nRun make deploy.\n', 'old.md': '# Old\n\nGone soon.\n' });
});
afterEach(() => remote.cleanup());

function source(overrides: Partial<GitSourceOptions['config']> = {}) {
  const { logger, lines } = capturingLogger();
  const changes: NoteChanges[] = [];
  const config: GitSourceOptions['config'] = { url: remote.url, intervalSeconds: 0, cloneDir: join(remote.root, 'data', 'notes-git'), ...overrides };
  const notes = new GitSource({ config, logger, onChange: async (change) => void changes.push(change) });
  return { notes, lines, changes, config };
}

const warnings = (lines: { level: number; msg?: string }[]) => lines.filter((line) => line.level === 40).map((line) => line.msg);

describe('notes from a git repository', () => {
  it('clones the remote HEAD branch into the data folder and serves its commit', async () => {
    const { notes, config } = source();
    await notes.open();
    expect(notes.branch()).toBe('main');
    expect(notes.commit()).toBe(git(remote.work, ['rev-parse', 'HEAD']).trim());
    expect(readFileSync(join(config.cloneDir, 'deploy.md'), 'utf8')).toContain('make deploy');
    expect(notes.readiness()).toEqual({ ok: true, detail: expect.stringMatching(/^notes at commit [0-9a-f]{12} of main/) });
  });

  it('fast-forwards to a new commit and hands over the changed and removed files', async () => {
    const { notes, changes, config } = source();
    await notes.open();
    const next = remote.commit({ 'deploy.md': '# Deploy\n\nRun make ship.\n', 'runbooks/db.md': '# DB\n\nRestart it.\n', 'old.md': null }, 'edit');
    await expect(notes.requestSync()).resolves.toBe('updated');
    expect(notes.commit()).toBe(next);
    expect(changes).toEqual([{ changed: ['deploy.md', 'runbooks/db.md'], removed: ['old.md'] }]);
    expect(readFileSync(join(config.cloneDir, 'deploy.md'), 'utf8')).toContain('make ship');
    expect(existsSync(join(config.cloneDir, 'old.md'))).toBe(false);
    await expect(notes.requestSync()).resolves.toBe('unchanged');
    expect(changes).toHaveLength(1);
  });

  it('reuses an existing clone on the next start and catches up with what was pushed meanwhile', async () => {
    const first = source();
    await first.notes.open();
    const next = remote.commit({ 'later.md': '# Later\n' }, 'later');
    const second = source();
    await second.notes.open();
    expect(second.notes.commit()).toBe(next);
    expect(second.changes).toEqual([{ changed: ['later.md'], removed: [] }]);
  });

  it('clones afresh when the branch was force-pushed with a rewritten history', async () => {
    const { notes, changes, lines, config } = source();
    await notes.open();
    const dropped = remote.commit({ 'secret.md': '# Oops\n\npassword=hunter2\n' }, 'oops');
    await notes.requestSync();
    expect(notes.commit()).toBe(dropped);
    git(remote.work, ['reset', '--quiet', '--hard', 'HEAD~1']);
    const rewritten = remote.commit({ 'deploy.md': '# Deploy\n\nRun make release.\n' }, 'rewrite', { date: '2025-02-01T09:00:00Z', force: true });
    await expect(notes.requestSync()).resolves.toBe('recloned');
    expect(notes.commit()).toBe(rewritten);
    expect(changes.at(-1)).toEqual({ changed: ['deploy.md'], removed: ['secret.md'] });
    expect(existsSync(join(config.cloneDir, 'secret.md'))).toBe(false);
    // A fresh clone: the rewritten-away commit is not in it at all.
    expect(() => git(config.cloneDir, ['cat-file', '-e', `${dropped}^{commit}`])).toThrow();
    expect(warnings(lines)).toContain('the notes branch was rewritten (force-push); cloning it afresh');
  });

  it('reports a deleted branch once and keeps serving the last good commit', async () => {
    remote.commit({ 'docs.md': '# Docs branch\n' }, 'docs', { branch: 'docs' });
    const { notes, lines, config } = source({ branch: 'docs' });
    await notes.open();
    const kept = notes.commit();
    git(remote.bare, ['branch', '--quiet', '-D', 'docs']);
    await expect(notes.requestSync()).resolves.toBe('branch-missing');
    await expect(notes.requestSync()).resolves.toBe('branch-missing');
    expect(notes.commit()).toBe(kept);
    expect(readFileSync(join(config.cloneDir, 'docs.md'), 'utf8')).toContain('Docs branch');
    expect(warnings(lines).filter((msg) => msg?.includes('no longer exists'))).toHaveLength(1);
    expect(notes.readiness()).toEqual({ ok: true, detail: expect.stringMatching(/^branch docs no longer exists on the remote; serving commit/) });
  });

  it('keeps the last good commit while the remote is unreachable, warns once, and recovers', async () => {
    const { notes, lines, changes } = source();
    await notes.open();
    const kept = notes.commit();
    renameSync(remote.bare, `${remote.bare}.away`);
    await expect(notes.requestSync()).resolves.toBe('unreachable');
    await expect(notes.requestSync()).resolves.toBe('unreachable');
    expect(notes.commit()).toBe(kept);
    expect(warnings(lines).filter((msg) => msg?.includes('cannot fetch'))).toHaveLength(1);
    expect(notes.readiness()).toEqual({ ok: true, detail: expect.stringMatching(/^git remote unreachable since .*; serving commit/) });
    renameSync(`${remote.bare}.away`, remote.bare);
    const next = remote.commit({ 'new.md': '# New\n' }, 'new');
    await expect(notes.requestSync()).resolves.toBe('updated');
    expect(notes.commit()).toBe(next);
    expect(changes).toEqual([{ changed: ['new.md'], removed: [] }]);
    expect(notes.readiness().detail).toMatch(/^notes at commit/);
  });

  it('merges requests that arrive during a fetch into one more fetch', async () => {
    const { notes, changes } = source();
    await notes.open();
    remote.commit({ 'a.md': '# A\n' }, 'a');
    const results = await Promise.all([notes.requestSync(), notes.requestSync(), notes.requestSync()]);
    // Each caller waits for the merged fetch too; the commit is taken in once.
    expect(new Set(results).size).toBe(1);
    expect(notes.commit()).toBe(git(remote.work, ['rev-parse', 'HEAD']).trim());
    expect(changes).toHaveLength(1);
  });

  it('fails to open with a clear message when there is nothing to clone', async () => {
    const { notes } = source({ url: `file://${join(remote.root, 'missing.git')}` });
    await expect(notes.open()).rejects.toThrow(/Could not clone the notes from file:\/\/.*missing\.git: git clone failed: .*Check KNOWLEDGE_GIT_URL/);
    expect(notes.readiness()).toEqual({ ok: false, detail: expect.stringContaining('not cloned yet') });
  });
});

describe('notes in a folder of the repository (KNOWLEDGE_GIT_PATH)', () => {
  it('hands over only the changes inside the folder, with paths relative to it', async () => {
    remote.commit({ 'handbook/runbooks/deploy.md': '# Deploy\n\nRun make ship.\n', 'handbook/runbooks/old.md': '# Old\n' }, 'handbook');
    const { notes, changes, config } = source({ path: 'handbook/runbooks' });
    await notes.open();
    expect(notes.notesDir).toBe(join(config.cloneDir, 'handbook', 'runbooks'));

    remote.commit({ 'handbook/runbooks/deploy.md': '# Deploy\n\nRun make release.\n', 'handbook/runbooks/old.md': null, 'deploy.md': '# Root\n\nNot a note here.\n' }, 'inside and outside');
    await expect(notes.requestSync()).resolves.toBe('updated');
    expect(changes).toEqual([{ changed: ['deploy.md'], removed: ['old.md'] }]);

    const outside = remote.commit({ 'deploy.md': '# Root\n\nStill not a note.\n', 'handbook/runbooks-old/x.md': '# X\n' }, 'outside only');
    await expect(notes.requestSync()).resolves.toBe('updated');
    expect(notes.commit()).toBe(outside);
    expect(changes.at(-1)).toEqual({ changed: [], removed: [] });
  });

  it('refuses to open when the folder is not in the repository, naming the setting and the commit', async () => {
    const { notes } = source({ path: 'handbook' });
    const head = git(remote.work, ['rev-parse', 'HEAD']).trim().slice(0, 12);
    await expect(notes.open()).rejects.toThrow(
      new RegExp(`^KNOWLEDGE_GIT_PATH names handbook, which is not a folder at commit ${head} of main in file://.*: set KNOWLEDGE_GIT_PATH to a folder of the repository`),
    );
    // A file of that name is not a folder either.
    const file = source({ path: 'deploy.md' });
    await expect(file.notes.open()).rejects.toThrow(/KNOWLEDGE_GIT_PATH names deploy\.md, which is not a folder/);
  });
});
