import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/args.js';
import { serveCommand } from '../../src/cli/serve.js';
import { createRemote, type TestRemote } from './git-repos.js';

const SECRET = 'serve-test-secret-0123456789';

let remote: TestRemote;
beforeEach(() => {
  remote = createRemote({ 'deploy.md': '# Deploy\n\nDeploys go out with make ship.\n' });
});
afterEach(() => remote.cleanup());

async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('lore serve with notes from git', () => {
  it('clones, listens for the webhook on PORT, and answers from a pushed commit once GitHub calls it', async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const env = {
      KNOWLEDGE_GIT_URL: remote.url,
      KNOWLEDGE_GIT_INTERVAL: '0',
      KNOWLEDGE_GIT_WEBHOOK_SECRET: SECRET,
      PORT: String(port),
      LORE_DB: 'off',
      LOG_LEVEL: 'silent',
    };
    const serving = serveCommand(parseCliArgs(['serve']), { stdin, stdout, stderr: new PassThrough(), env, cwd: remote.root }, new PassThrough());
    const hook = `http://127.0.0.1:${port}/hooks/git`;
    await until('the webhook server', () => fetch(hook).then((r) => (r.status === 405 ? true : undefined), () => undefined));

    stdin.write('how do we page the on-call?\n');
    await until('the first answer', () => (out.includes("couldn't find") ? true : undefined));

    remote.commit({ 'oncall.md': '# On-call\n\nPage the on-call with pagerduty escalate.\n' }, 'on-call');
    const body = JSON.stringify({ ref: 'refs/heads/main' });
    const bad = await fetch(hook, { method: 'POST', headers: { 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` }, body });
    expect(bad.status).toBe(401);
    const signature = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
    const headers = { 'content-type': 'application/json', 'x-hub-signature-256': signature, 'x-github-delivery': 'delivery-1' };
    const good = await fetch(hook, { method: 'POST', headers, body });
    expect(good.status).toBe(202);
    // GitHub's "Redeliver" sends the same delivery id: recognised, and no second fetch.
    const redelivered = await fetch(hook, { method: 'POST', headers, body });
    expect(redelivered.status).toBe(200);

    // The fetch runs after the 202; ask until the new note answers.
    await until('the pushed note to answer', async () => {
      const before = out.length;
      stdin.write('how do we page the on-call?\n');
      await new Promise((resolve) => setTimeout(resolve, 300));
      return out.slice(before).includes('pagerduty escalate') ? true : undefined;
    });
    // Committed on 2025-01-15 (the test repository's clock).
    expect(out).toMatch(/Source: oncall\.md › On-call · L3 · updated \d+ (months?|years?) ago/);
    stdin.end();
    await expect(serving).resolves.toBe(0);
    await expect(fetch(hook)).rejects.toThrow();
    expect(existsSync(join(remote.root, 'data', 'notes-git', 'oncall.md'))).toBe(true);
  });
});
