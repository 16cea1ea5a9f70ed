import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { addLoreChecks, trackConnection } from '../../src/ops/checks.js';
import { createMetrics } from '../../src/ops/metrics.js';
import { createOpsServer, type OpsServer } from '../../src/ops/server.js';
import { createGuardedService } from '../../src/service/guarded.js';
import type { ChatAdapter } from '../../src/types.js';
import { FixtureService } from '../adapters/slack-fixtures.js';
import { runInProcess } from '../cli/helpers.js';
import { startHarness, type Harness } from '../adapters/slack-harness.js';

let ops: OpsServer | undefined;
let harness: Harness | undefined;
afterEach(async () => {
  await ops?.close();
  await harness?.stop();
  ops = harness = undefined;
});

async function started(): Promise<{ ops: OpsServer; base: string; metrics: ReturnType<typeof createMetrics> }> {
  const metrics = createMetrics();
  ops = createOpsServer({ metrics, logger: silentLogger() });
  const port = await ops.listen(0);
  return { ops, base: `http://127.0.0.1:${port}`, metrics };
}

function fakeAdapter(name: string): ChatAdapter & { up: boolean } {
  return { name, up: true, start: async () => undefined, stop: async () => undefined, connected() { return this.up; } };
}

describe('the ops server', () => {
  it('answers /healthz while alive and 404 for paths it does not serve', async () => {
    const { base } = await started();
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    expect((await fetch(`${base}/slack/events`)).status).toBe(404);
  });

  it('is ready only when the index is built and every platform is connected, with the detail of each check', async () => {
    const { ops: server, base } = await started();
    const service = new FixtureService();
    const discord = fakeAdapter('discord');
    const tracked = trackConnection(discord);
    addLoreChecks(server, { stats: () => service.stats(), adapters: [tracked] });
    const before = await fetch(`${base}/readyz`);
    expect(before.status).toBe(503);
    expect(await before.json()).toMatchObject({ ok: false, checks: { index: { ok: true, detail: { files: 3 } }, discord: { ok: false, detail: 'not connected' } } });
    await tracked.start();
    const after = await fetch(`${base}/readyz`);
    expect(after.status).toBe(200);
    expect(await after.json()).toMatchObject({ ok: true, checks: { discord: { ok: true, detail: 'connected' } } });
    discord.up = false;
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
  });

  it('takes routes and readiness checks from other modules; a failing check is reported, not thrown', async () => {
    const { ops: server, base } = await started();
    const bodies: string[] = [];
    server.route('POST', '/hooks/git', async (req, res) => {
      let body = '';
      for await (const chunk of req) body += String(chunk);
      bodies.push(body);
      res.writeHead(202).end();
    });
    server.addReadinessCheck('git', () => {
      throw new Error('remote unreachable');
    });
    expect((await fetch(`${base}/hooks/git`, { method: 'POST', body: '{"ref":"main"}' })).status).toBe(202);
    expect(bodies).toEqual(['{"ref":"main"}']);
    expect((await fetch(`${base}/hooks/git`)).status).toBe(404);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ checks: { git: { ok: false, detail: 'remote unreachable' } } });
  });

  it('serves Prometheus metrics: questions by platform, surface and outcome, latency, votes, index and store', async () => {
    const { base, metrics } = await started();
    const inner = new FixtureService();
    metrics.observe({ index: () => inner.stats(), store: () => ({ queued: 4, dropped: 2 }) });
    metrics.indexBuildSeconds.observe(0.25);
    metrics.indexBuildSeconds.observe(3);
    const service = createGuardedService(inner, { logger: silentLogger(), metrics, rateLimitPerMinute: 1 });
    const asker = { platform: 'slack' as const, surface: 'mention' as const, userId: 'U1', channelId: 'C1' };
    await service.ask('how do I roll back a release?', { asker });
    await service.ask('how do I roll back a release?', { asker });
    await service.ask('how do I bake bread?', { asker: { ...asker, platform: 'discord', surface: 'slash', userId: 'D1' } });
    service.recordVote?.({ platform: 'slack', userId: 'U1', vote: 'down' });
    const response = await fetch(`${base}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('lore_questions_total{platform="slack",surface="mention",outcome="answered"} 1');
    expect(text).toContain('lore_questions_total{platform="slack",surface="mention",outcome="rate-limited"} 1');
    expect(text).toContain('lore_questions_total{platform="discord",surface="slash",outcome="not-found"} 1');
    expect(text).toMatch(/lore_answer_seconds_count\{platform="slack"\} 1\n/);
    expect(text).toContain('lore_votes_total{platform="slack",vote="down"} 1');
    expect(text).toContain('lore_index_files 3');
    expect(text).toContain('# TYPE lore_index_build_seconds histogram');
    expect(text).toContain('lore_index_build_seconds_bucket{le="0.25"} 1');
    expect(text).toContain('lore_index_build_seconds_bucket{le="5"} 2');
    expect(text).toContain('lore_index_build_seconds_count 2');
    expect(text).toContain('lore_index_build_seconds_sum 3.25');
    expect(text).toContain('lore_store_queued_writes 4');
    expect(text).toContain('lore_store_dropped_writes 2');
  });

  it('shares the Slack port in HTTP mode: Slack events still reach Bolt', async () => {
    const metrics = createMetrics();
    const server = createOpsServer({ metrics, logger: silentLogger() });
    harness = await startHarness('http', new FixtureService(), {}, { shared: server });
    expect((await fetch(`${harness.baseUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${harness.baseUrl}/metrics`)).status).toBe(200);
    const unsigned = await fetch(`${harness.baseUrl}/slack/events`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(unsigned.status).toBe(401);
  });

  it('is what lore health asks in every chat mode: exit 0 when ready, 1 with the failing check when not', async () => {
    const { ops: server, base } = await started();
    const port = new URL(base).port;
    let up = true;
    server.addReadinessCheck('discord', () => ({ ok: up, detail: up ? 'connected' : 'not connected' }));
    const env = { DISCORD_TOKEN: 'token', HEALTH_PORT: port };
    const ok = await runInProcess(['health'], { env });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`ok: http://127.0.0.1:${port}/readyz`);
    up = false;
    const bad = await runInProcess(['health'], { env });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('not connected');
    const socket = await runInProcess(['health'], { env: { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', PORT: port } });
    expect(socket.code).toBe(1);
    expect(socket.stderr).toContain(`/readyz answered 503`);
  });

  it('reports Slack Socket Mode connected only while its socket is', async () => {
    harness = await startHarness('socket', new FixtureService());
    const { adapter, fake } = harness;
    expect(adapter.connected?.()).toBe(true);
    await fake.close();
    // The client notices a dropped socket by its missing pongs, about 5 s on a quiet machine.
    await expect.poll(() => adapter.connected?.(), { timeout: 20_000 }).toBe(false);
  }, 30_000);
});
