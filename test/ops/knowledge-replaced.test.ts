import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLore } from '../../src/engine.js';
import { silentLogger } from '../../src/logger.js';
import { addLoreChecks } from '../../src/ops/checks.js';
import { createMetrics } from '../../src/ops/metrics.js';
import { createOpsServer } from '../../src/ops/server.js';
import { startHarness, type Harness } from '../adapters/slack-harness.js';

/** Live reload follows the knowledge folder by its name, not the folder it first found there. */

let h: Harness | undefined;
let stop: (() => Promise<void>) | undefined;
let parent: string | undefined;
afterEach(async () => {
  await stop?.();
  await h?.stop();
  if (parent) await rm(parent, { recursive: true, force: true });
  h = stop = parent = undefined;
});

async function healthFiles(harness: Harness): Promise<number> {
  const body = (await (await fetch(`${harness.baseUrl}/readyz`)).json()) as { checks: { index: { detail: { files: number } } } };
  return body.checks.index.detail.files;
}

async function notes(dir: string, names: string[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const name of names) await writeFile(join(dir, `${name}.md`), `# ${name}\n\nThe ${name} service restarts every night.\n`);
}

describe('the knowledge folder replaced while serving', () => {
  it('is watched again and re-indexed after mv away and mv in, and after delete and re-create', async () => {
    parent = await mkdtemp(join(tmpdir(), 'lore-replaced-'));
    const kb = join(parent, 'kb');
    await notes(kb, ['alpha']);
    const lore = await openLore({ knowledgeDir: kb });
    stop = await lore.watch();
    const ops = createOpsServer({ metrics: createMetrics(), logger: silentLogger() });
    addLoreChecks(ops, { stats: () => lore.stats(), adapters: [] });
    h = await startHarness('http', lore, {}, { shared: ops });
    expect(await healthFiles(h)).toBe(1);

    await notes(join(parent, 'kb.new'), ['alpha', 'beta']);
    await rename(kb, join(parent, 'kb.old'));
    await rename(join(parent, 'kb.new'), kb);
    const harness = h;
    await expect.poll(() => healthFiles(harness), { timeout: 10_000 }).toBe(2);
    await notes(kb, ['gamma']);
    await expect.poll(() => healthFiles(harness), { timeout: 10_000 }).toBe(3);

    await rm(kb, { recursive: true, force: true });
    await notes(kb, ['delta']);
    await expect.poll(() => healthFiles(harness), { timeout: 10_000 }).toBe(1);
    expect(lore.answer('when does the delta service restart?').found).toBe(true);
  }, 40_000);
});
