import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { createGuardedService } from '../../src/service/guarded.js';
import { openRulesFile } from '../../src/service/rules-file.js';
import { slashCommand } from '../fakes/slack-payloads.js';
import { FixtureService, captureLog } from '../adapters/slack-fixtures.js';
import { shownText, sleep, startHarness, type Harness } from '../adapters/slack-harness.js';

/** Only an absent lore.config.yml means "answer everywhere"; an emptied one is a bad edit. */

let h: Harness | undefined;
let dir: string | undefined;
afterEach(async () => {
  await h?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
  h = dir = undefined;
});

describe('an empty lore.config.yml', () => {
  it.each(['', '  \n\t\n'])('at start-up (%j) is an error naming the file', async (text) => {
    dir = await mkdtemp(join(tmpdir(), 'lore-rules-'));
    const path = join(dir, 'lore.config.yml');
    await writeFile(path, text);
    await expect(openRulesFile({ path, required: false, knowledgeDir: dir, logger: silentLogger() })).rejects.toThrow(`${path} is empty`);
  });

  it('truncated while serving keeps the last good rules, and the error names the file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'lore-rules-'));
    const path = join(dir, 'lore.config.yml');
    await writeFile(path, 'slack:\n  channels:\n    - { id: C0000042, name: platform-team }\n');
    const { logger, lines } = captureLog();
    const rules = await openRulesFile({ path, required: false, knowledgeDir: dir, logger });
    const stop = await rules.watch();
    try {
      const service = new FixtureService();
      h = await startHarness('socket', createGuardedService(service, { rules: rules.current, logger: silentLogger() }));
      await writeFile(path, '');
      await expect.poll(() => lines.some((line) => line.level === 50 && line.file === path), { timeout: 5000 }).toBe(true);
      await h.deliver.command(slashCommand(h.fake, '/ask', 'how do I roll back a release?'));
      const reply = await h.fake.waitForCall((call) => call.method === 'response_url');
      expect(shownText(reply)).toContain("I don't answer questions in this channel");
      await sleep(50);
      expect(service.asked).toHaveLength(0);
    } finally {
      await stop();
    }
  });
});
