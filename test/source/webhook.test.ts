import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/ops/metrics.js';
import { createOpsServer, type OpsServer } from '../../src/ops/server.js';
import { createGitWebhookHandler, mountGitWebhook } from '../../src/source/git/webhook.js';
import { capturingLogger } from '../capturing-logger.js';

const SECRET = 'a-webhook-secret-of-32-characters';
const PUSH = JSON.stringify({ ref: 'refs/heads/main', after: 'f'.repeat(40) });

let ops: OpsServer;
let base: string;
let pushes: number;
let lines: ReturnType<typeof capturingLogger>['lines'];

beforeEach(async () => {
  pushes = 0;
  const captured = capturingLogger();
  lines = captured.lines;
  const handler = createGitWebhookHandler({ secret: SECRET, onPush: () => void pushes++, branch: () => 'main', logger: captured.logger, maxBodyBytes: 64 * 1024 });
  // The ops server's own routes keep working beside the mounted webhook.
  ops = createOpsServer({ metrics: createMetrics(), logger: captured.logger });
  mountGitWebhook(ops, handler);
  base = `http://127.0.0.1:${await ops.listen(0)}`;
});
afterEach(async () => {
  await ops.close();
});

const sign = (body: string, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
const post = (headers: Record<string, string>, body = PUSH) => fetch(`${base}/hooks/git`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('POST /hooks/git', () => {
  it('accepts a GitHub push with a good signature and fetches at once', async () => {
    const response = await post({ 'x-github-event': 'push', 'x-hub-signature-256': sign(PUSH) });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ ok: true, message: 'fetching the notes now' });
    expect(pushes).toBe(1);
  });

  it('refuses a GitHub push signed with another secret, or whose body was changed', async () => {
    const wrongSecret = await post({ 'x-github-event': 'push', 'x-hub-signature-256': sign(PUSH, 'another-secret-entirely-here') });
    expect(wrongSecret.status).toBe(401);
    expect(((await wrongSecret.json()) as { message: string }).message).toMatch(/signature does not match.*KNOWLEDGE_GIT_WEBHOOK_SECRET/);
    const tampered = await post({ 'x-github-event': 'push', 'x-hub-signature-256': sign(PUSH) }, PUSH.replace('main', 'prod'));
    expect(tampered.status).toBe(401);
    expect(pushes).toBe(0);
    expect(JSON.stringify(lines)).not.toContain(SECRET);
  });

  it('answers 400 to a signature header that is not sha256=<64 hex digits>', async () => {
    const response = await post({ 'x-hub-signature-256': 'sha1=abc' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/sha256= followed by 64 hex digits/);
  });

  it('accepts a GitLab push with the right token and refuses a wrong one', async () => {
    const good = await post({ 'x-gitlab-event': 'Push Hook', 'x-gitlab-token': SECRET });
    expect(good.status).toBe(202);
    const bad = await post({ 'x-gitlab-event': 'Push Hook', 'x-gitlab-token': `${SECRET}x` });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { message: string }).message).toMatch(/X-Gitlab-Token does not match/);
    expect(pushes).toBe(1);
  });

  it('refuses a request with neither header', async () => {
    const response = await post({});
    expect(response.status).toBe(401);
    expect(((await response.json()) as { message: string }).message).toMatch(/missing X-Hub-Signature-256 \(GitHub\) or X-Gitlab-Token \(GitLab\)/);
  });

  it('answers 413 to a body over the limit, without fetching', async () => {
    const body = JSON.stringify({ ref: 'refs/heads/main', padding: 'x'.repeat(100 * 1024) });
    const response = await post({ 'x-hub-signature-256': sign(body) }, body);
    expect(response.status).toBe(413);
    expect(pushes).toBe(0);
  });

  it('answers 400 to a signed body that is not a push event', async () => {
    for (const body of ['not json', '[1,2]', '{"ref": 7}']) {
      const response = await post({ 'x-hub-signature-256': sign(body) }, body);
      expect(response.status).toBe(400);
    }
    expect(pushes).toBe(0);
  });

  it('takes GitHub form-encoded payloads, answers pings and ignores pushes to other branches', async () => {
    const form = `payload=${encodeURIComponent(PUSH)}`;
    const formPush = await fetch(`${base}/hooks/git`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-hub-signature-256': sign(form) },
      body: form,
    });
    expect(formPush.status).toBe(202);
    const ping = await post({ 'x-github-event': 'ping', 'x-hub-signature-256': sign('{"zen":"hi"}') }, '{"zen":"hi"}');
    expect(ping.status).toBe(200);
    const other = JSON.stringify({ ref: 'refs/heads/feature' });
    const elsewhere = await post({ 'x-hub-signature-256': sign(other) }, other);
    expect(elsewhere.status).toBe(202);
    expect(((await elsewhere.json()) as { message: string }).message).toMatch(/^ignored: a push to refs\/heads\/feature/);
    expect(pushes).toBe(1);
  });

  it('recognises a redelivered push by its delivery id and starts no second fetch', async () => {
    const github = { 'x-github-event': 'push', 'x-hub-signature-256': sign(PUSH), 'x-github-delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958' };
    expect((await post(github)).status).toBe(202);
    const again = await post(github);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ ok: true, message: 'already received: this delivery started a fetch before, so none starts now' });
    expect(pushes).toBe(1);
    expect((await post({ ...github, 'x-github-delivery': '8f1a0c52-cc78-11e3-81ab-4c9367dc0958' })).status).toBe(202);
    const gitlab = { 'x-gitlab-event': 'Push Hook', 'x-gitlab-token': SECRET, 'x-gitlab-event-uuid': '13792a34-cac6-4fda-95a8-c58e00a3954e' };
    expect((await post(gitlab)).status).toBe(202);
    expect((await post(gitlab)).status).toBe(200);
    expect(pushes).toBe(3);
    expect(lines.filter((line) => line.msg === 'push notification delivered again; not fetching again')).toHaveLength(2);
  });

  it('remembers only signed deliveries', async () => {
    const delivery = { 'x-github-delivery': 'b1e7c0de-0000-4000-8000-000000000001' };
    expect((await post({ ...delivery, 'x-hub-signature-256': sign(PUSH, 'another-secret-entirely-here') })).status).toBe(401);
    expect((await post({ ...delivery, 'x-hub-signature-256': sign(PUSH) })).status).toBe(202);
    expect(pushes).toBe(1);
  });

  it('answers 405 to a GET and leaves the other ops routes alone', async () => {
    const get = await fetch(`${base}/hooks/git`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const own = await fetch(`${base}/healthz`);
    expect(await own.json()).toEqual({ ok: true });
  });
});
