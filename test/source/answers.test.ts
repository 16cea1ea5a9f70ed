import { createHmac } from 'node:crypto';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commandContext, openEngineAndSource } from '../../src/cli/context.js';
import { parseCliArgs } from '../../src/cli/args.js';
import { openLore } from '../../src/engine.js';
import { createGitWebhookHandler } from '../../src/source/git/webhook.js';
import { silentLogger } from '../../src/logger.js';
import { runInProcess } from '../cli/helpers.js';
import { createRemote, git, type TestRemote } from './git-repos.js';

const DEPLOY = ['# Deploy', '', 'Deploys go out with make ship from the release branch.', '', '## Rollback', '', 'Roll back with make rollback within ten minutes.', ''].join('\n');

let remote: TestRemote;
beforeEach(() => {
  remote = createRemote({ 'runbooks/deploy.md': DEPLOY }, '2024-03-01T12:00:00Z');
});
afterEach(() => remote.cleanup());

function env(extra: Record<string, string> = {}) {
  return { KNOWLEDGE_GIT_URL: remote.url, KNOWLEDGE_GIT_INTERVAL: '0', LORE_DB: join(remote.root, 'data', 'lore.db'), LOG_LEVEL: 'silent', ...extra };
}

describe('answers from notes in git', () => {
  it('lore ask --json gives each citation the commit and the date of the newest change to its lines', async () => {
    const rollbackEdit = remote.commit({ 'runbooks/deploy.md': DEPLOY.replace('ten minutes', 'fifteen minutes') }, 'longer rollback window', { date: '2025-06-10T08:30:00Z' });
    const { code, stdout } = await runInProcess(['ask', '--json', '--top', '1', 'how do I roll back within fifteen minutes?'], { env: { ...env(), KNOWLEDGE_DIR: '' } });
    expect(code).toBe(0);
    const best = (JSON.parse(stdout) as { citations: { file: string; startLine: number; commit?: string; changed?: string }[] }).citations[0];
    expect(best).toMatchObject({ file: 'runbooks/deploy.md', commit: rollbackEdit, changed: '2025-06-10T08:30:00.000Z' });

    const { stdout: other } = await runInProcess(['ask', '--json', '--top', '1', 'which branch do deploys go out from?'], { env: { ...env(), KNOWLEDGE_DIR: '' } });
    // Lines the later commit did not touch keep their own, older date.
    expect((JSON.parse(other) as { citations: { changed?: string; commit?: string }[] }).citations[0]).toMatchObject({ commit: rollbackEdit, changed: '2024-03-01T12:00:00.000Z' });
  });

  it('a pushed commit becomes answerable after the webhook, pinned to the new commit', async () => {
    const args = parseCliArgs(['serve']);
    const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), env: env(), cwd: remote.root };
    const { lore, source } = await openEngineAndSource(commandContext(args, io, 'silent'));
    expect(source).toBeDefined();
    expect((await lore.ask('how do we page the on-call?')).found).toBe(false);

    const next = remote.commit({ 'runbooks/oncall.md': '# On-call\n\nPage the on-call with pagerduty escalate.\n' }, 'on-call runbook', { date: '2025-07-01T00:00:00Z' });
    let fetching: Promise<unknown> | undefined;
    const secret = 'push-secret-0123456789abcdef';
    const handler = createGitWebhookHandler({ secret, onPush: () => void (fetching = source?.requestSync()), branch: () => source?.branch(), logger: silentLogger() });
    const body = JSON.stringify({ ref: 'refs/heads/main' });
    const res = { status: 0, writeHead(status: number) { this.status = status; return this; }, end() {}, headersSent: false };
    const req = Object.assign(PassThrough.from([Buffer.from(body)]), { method: 'POST', headers: { 'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}` } });
    await handler(req as never, res as never);
    expect(res.status).toBe(202);
    await fetching;

    const answer = await lore.ask('how do we page the on-call?');
    expect(answer.found).toBe(true);
    expect(answer.citations[0]).toMatchObject({ file: 'runbooks/oncall.md', commit: next, changed: '2025-07-01T00:00:00.000Z' });
    expect(lore.commit()).toBe(next);
    await source?.stop();
  });
});

describe('answers from a folder of the repository (KNOWLEDGE_GIT_PATH)', () => {
  it('cites files relative to the folder, blames and links them at their repository path, and ignores commits outside it', async () => {
    const first = remote.commit({ 'handbook/runbooks/deploy.md': DEPLOY, 'README.md': '# Repository\n\nPage the on-call with the red phone.\n' }, 'handbook', { date: '2024-05-01T00:00:00Z' });
    const folderEnv = env({ KNOWLEDGE_GIT_PATH: 'handbook/runbooks', KNOWLEDGE_BASE_URL: 'https://github.com/acme/notes/blob/{commit}/' });
    const { code, stdout } = await runInProcess(['ask', '--json', '--top', '1', 'how do I roll back within ten minutes?'], { env: folderEnv });
    expect(code).toBe(0);
    const best = (JSON.parse(stdout) as { citations: { file: string; startLine: number; endLine: number; url?: string }[] }).citations[0];
    expect(best).toMatchObject({ file: 'deploy.md', commit: first, changed: '2024-05-01T00:00:00.000Z' });
    expect(best?.url).toBe(`https://github.com/acme/notes/blob/${first}/handbook/runbooks/deploy.md?plain=1#L${best?.startLine}-L${best?.endLine}`);

    const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), env: folderEnv, cwd: remote.root };
    const { lore, source } = await openEngineAndSource(commandContext(parseCliArgs(['serve']), io, 'silent'));
    expect((await lore.ask('how do we page the on-call?')).found).toBe(false);
    remote.commit({ 'README.md': '# Repository\n\nPage the on-call with pagerduty escalate.\n' }, 'outside', { date: '2025-07-01T00:00:00Z' });
    await source?.requestSync();
    expect((await lore.ask('how do we page the on-call with pagerduty?')).found).toBe(false);
    const inside = remote.commit({ 'handbook/runbooks/oncall.md': '# On-call\n\nPage the on-call with pagerduty escalate.\n' }, 'inside', { date: '2025-07-02T00:00:00Z' });
    await source?.requestSync();
    const answer = await lore.ask('how do we page the on-call with pagerduty?');
    expect(answer.citations[0]).toMatchObject({ file: 'oncall.md', commit: inside, changed: '2025-07-02T00:00:00.000Z' });
    expect(answer.citations[0]?.url).toMatch(new RegExp(`^https://github\\.com/acme/notes/blob/${inside}/handbook/runbooks/oncall\\.md\\?plain=1#L`));
    await source?.stop();
  });
});

describe('a knowledge folder inside a git work tree', () => {
  it('pins clean files to HEAD, dates uncommitted lines by the file, and leaves commit out for edited files', async () => {
    const dir = join(remote.work, 'runbooks');
    appendFileSync(join(dir, 'deploy.md'), '\n## Freeze\n\nNo deploys during the holiday freeze.\n');
    writeFileSync(join(dir, 'draft.md'), '# Draft\n\nThe canary stage lasts thirty minutes.\n');
    const lore = await openLore({ knowledgeDir: dir, datedCitations: true, knowledgeBaseUrl: 'https://github.com/acme/notes/blob/{commit}/runbooks/' });
    const head = git(remote.work, ['rev-parse', 'HEAD']).trim();
    expect(lore.commit()).toBe(head);
    const started = Date.now() - 60_000;

    const edited = (await lore.ask('holiday freeze deploys?', { top: 1 })).citations[0];
    expect(edited?.file).toBe('deploy.md');
    expect(edited?.commit).toBeUndefined();
    expect(Date.parse(edited?.changed ?? '')).toBeGreaterThan(started);
    expect(edited?.url).toMatch(/^https:\/\/github\.com\/acme\/notes\/blob\/HEAD\/runbooks\/deploy\.md\?plain=1#L\d+-L\d+$/);

    const untracked = (await lore.ask('how long is the canary stage?', { top: 1 })).citations[0];
    expect(untracked).toMatchObject({ file: 'draft.md' });
    expect(untracked?.commit).toBeUndefined();
    expect(Date.parse(untracked?.changed ?? '')).toBeGreaterThan(started);

    git(remote.work, ['add', '--all']);
    git(remote.work, ['commit', '--quiet', '-m', 'freeze and canary'], '2025-08-01T00:00:00Z');
    await lore.reload();
    const committed = git(remote.work, ['rev-parse', 'HEAD']).trim();
    const pinned = (await lore.ask('how long is the canary stage?', { top: 1 })).citations[0];
    expect(pinned).toMatchObject({ commit: committed, changed: '2025-08-01T00:00:00.000Z', stale: true });
    expect(pinned?.url).toBe(`https://github.com/acme/notes/blob/${committed}/runbooks/draft.md?plain=1#L${pinned?.startLine}-L${pinned?.endLine}`);
  });

  it('adds neither field when the folder is not in a work tree', async () => {
    const plain = join(remote.root, 'plain-notes');
    mkdirSync(plain);
    writeFileSync(join(plain, 'deploy.md'), DEPLOY);
    const { code, stdout } = await runInProcess(['ask', '--json', 'which branch do deploys go out from?'], { env: { KNOWLEDGE_DIR: plain } });
    expect(code).toBe(0);
    const citations = (JSON.parse(stdout) as { citations: Record<string, unknown>[] }).citations;
    expect(citations.length).toBeGreaterThan(0);
    for (const citation of citations) expect(Object.keys(citation)).not.toEqual(expect.arrayContaining(['commit']));
    for (const citation of citations) expect(citation.changed).toBeUndefined();
  });
});
