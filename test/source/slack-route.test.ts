import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/index.js';
import { createMetrics } from '../../src/ops/metrics.js';
import { createOpsServer } from '../../src/ops/server.js';
import { createGitWebhookHandler, mountGitWebhook } from '../../src/source/git/webhook.js';
import { TableService } from '../store/helpers.js';
import { capturingLogger } from '../capturing-logger.js';
import { FakeSlack } from '../fakes/slack-server.js';

const SECRET = 'slack-port-webhook-secret-0123';

let adapter: SlackAdapter | undefined;
let fake: FakeSlack | undefined;
afterEach(async () => {
  await adapter?.stop();
  await fake?.close();
  adapter = fake = undefined;
});

describe('the git webhook in Slack HTTP mode', () => {
  it('shares the real Bolt receiver port with /slack/events, which reads the body first', async () => {
    fake = await FakeSlack.start();
    const { logger } = capturingLogger();
    let pushes = 0;
    const handler = createGitWebhookHandler({ secret: SECRET, onPush: () => void pushes++, logger });
    const ops = createOpsServer({ metrics: createMetrics(), logger });
    mountGitWebhook(ops, handler);
    adapter = createSlackAdapter({
      config: { botToken: 'xoxb-test-token', signingSecret: 'slack-signing-secret', apiUrl: fake.apiUrl, command: '/ask', port: 0 },
      service: new TableService(),
      logger,
      shared: ops,
    });
    await adapter.start();
    const hook = `http://127.0.0.1:${adapter.port}/hooks/git`;
    const body = JSON.stringify({ ref: 'refs/heads/main' });
    const sign = (secret: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

    const good = await fetch(hook, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(SECRET) }, body });
    expect(good.status).toBe(202);
    const bad = await fetch(hook, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign('not-the-secret-at-all') }, body });
    expect(bad.status).toBe(401);
    const gitlab = await fetch(hook, { method: 'POST', headers: { 'content-type': 'application/json', 'x-gitlab-token': SECRET }, body });
    expect(gitlab.status).toBe(202);
    expect(pushes).toBe(2);
    expect((await fetch(`http://127.0.0.1:${adapter.port}/healthz`)).status).toBe(200);
  });
});
