import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/args.js';
import { serveCommand } from '../../src/cli/serve.js';
import { FakeDiscord } from '../fakes/discord-server.js';
import { BUNDLED_NOTES, ROOT, runInProcess } from '../cli/helpers.js';
import { freePort } from '../free-port.js';


describe('lore serve with Discord (no inbound port of its own)', () => {
  it('serves /healthz, /readyz and /metrics on HEALTH_PORT, which lore health asks, and closes them on SIGTERM', async () => {
    const fake = await FakeDiscord.start();
    const port = await freePort();
    const env = { KNOWLEDGE_DIR: BUNDLED_NOTES, LOG_LEVEL: 'silent', WATCH: 'false', LORE_DB: 'off', DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, HEALTH_PORT: String(port) };
    const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), env, cwd: ROOT };
    const signals = new EventEmitter();
    const served = serveCommand(parseCliArgs(['serve']), io, signals);
    const base = `http://127.0.0.1:${port}`;
    try {
      await expect.poll(async () => (await fetch(`${base}/readyz`).catch(() => undefined))?.status, { timeout: 10_000 }).toBe(200);
      const ready = (await (await fetch(`${base}/readyz`)).json()) as { checks: Record<string, { ok: boolean; detail: unknown }> };
      expect(ready.checks.discord).toEqual({ ok: true, detail: 'connected' });
      expect(ready.checks.index?.detail).toMatchObject({ files: expect.any(Number) as number });
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const metrics = await (await fetch(`${base}/metrics`)).text();
      expect(metrics).toMatch(/lore_index_files [1-9]/);
      expect(metrics).toContain('lore_index_build_seconds_count 1\n');
      const health = await runInProcess(['health'], { env });
      expect(health.code).toBe(0);
      expect(health.stdout).toContain('"discord":{"ok":true');
    } finally {
      signals.emit('SIGTERM', 'SIGTERM');
      expect(await served).toBe(0);
      await fake.close();
    }
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  }, 30_000);
});
