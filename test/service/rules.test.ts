import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, silentLogger } from '../../src/logger.js';
import { createGuardedService } from '../../src/service/guarded.js';
import { openRulesFile } from '../../src/service/rules-file.js';
import { judge, parseRules } from '../../src/service/rules.js';
import { FixtureService } from '../adapters/slack-fixtures.js';
import { processWarningsDuring } from '../process-warnings.js';

describe('lore.config.yml validation', () => {
  it.each([
    ['slak: {}', 'slak: unknown key'],
    ['slack:\n  dms: maybe', 'slack.dms: must be true or false'],
    ['slack:\n  channels:\n    - id: C1\n      folder: [infra]', 'slack.channels[0].folder: unknown key'],
    ['slack:\n  channels:\n    - id: C1\n      folders: [../secrets]', 'slack.channels[0].folders[0]: must stay inside the knowledge folder'],
    ['discord:\n  folders: infra/', 'discord.folders: must be a list of folders'],
    ['slack: [1', 'lore.config.yml is not valid YAML'],
  ])('%j names the bad key', (text, message) => {
    expect(() => parseRules(text)).toThrow(message);
  });

  it('is read without a process warning where the YAML parser warns', async () => {
    let rules: ReturnType<typeof parseRules> | undefined;
    const warnings = await processWarningsDuring(() => {
      rules = parseRules('%FOO bar\n---\nslack:\n  dms: false\n');
    });
    expect(warnings).toEqual([]);
    expect(rules?.slack?.dms).toBe(false);
  });

  it('keeps every digit of an unquoted Discord id, and normalises folders', () => {
    const rules = parseRules('discord:\n  channels:\n    - id: 123456789012345678\n      folders: [./infra/, /runbooks]\n');
    expect(rules.discord?.channels).toEqual([{ id: '123456789012345678', folders: ['infra', 'runbooks'] }]);
    expect(judge(rules, { platform: 'discord', surface: 'slash', channelId: '123456789012345678' })).toEqual({ allowed: true, folders: ['infra', 'runbooks'] });
    expect(judge(rules, { platform: 'discord', surface: 'dm', channelId: '1', direct: true })).toEqual({ allowed: true });
    expect(judge(rules, { platform: 'slack', surface: 'mention', channelId: 'C9' })).toEqual({ allowed: true });
  });
});

describe('lore.config.yml on disk', () => {
  it('fails start-up naming the key, and on a bad edit keeps the last good rules and logs why', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lore-rules-'));
    const path = join(dir, 'lore.config.yml');
    let output = '';
    const logger = createLogger({ level: 'info', destination: new Writable({ write: (c: Buffer, _e, cb) => ((output += c.toString()), cb()) }) });
    try {
      await writeFile(path, 'slack:\n  dms: sometimes\n');
      await expect(openRulesFile({ path, required: false, knowledgeDir: dir, logger })).rejects.toThrow('slack.dms: must be true or false');
      await expect(openRulesFile({ path: join(dir, 'missing.yml'), required: true, knowledgeDir: dir, logger })).rejects.toThrow('which does not exist: create it, or unset LORE_CONFIG');
      expect((await openRulesFile({ path: join(dir, 'missing.yml'), required: false, knowledgeDir: dir, logger })).current()).toEqual({});

      await writeFile(path, 'slack:\n  dms: false\n');
      const source = await openRulesFile({ path, required: false, knowledgeDir: dir, logger });
      const stop = await source.watch();
      try {
        await writeFile(path, 'slack:\n  dms: true\n  chanels: []\n');
        await expect.poll(() => output, { timeout: 5000 }).toContain('slack.chanels: unknown key');
        expect(source.current().slack?.dms).toBe(false);
        await writeFile(path, 'slack:\n  dms: true\n');
        await expect.poll(() => source.current().slack?.dms, { timeout: 5000 }).toBe(true);
      } finally {
        await stop();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the guarded service', () => {
  it('logs one line per question with who, where, length, found, top citation and latency, but not the question', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger({ level: 'info', destination: new Writable({ write: (c: Buffer, _e, cb) => (lines.push(JSON.parse(c.toString()) as Record<string, unknown>), cb()) }) });
    const service = createGuardedService(new FixtureService(), { logger });
    await service.ask('how do I roll back a release?', { asker: { platform: 'slack', surface: 'slash', userId: 'U1', channelId: 'C1' } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'question answered', platform: 'slack', surface: 'slash', userId: 'U1', channelId: 'C1', questionLength: 29, found: true, citation: 'ops/deploys.md:4-9' });
    expect(typeof lines[0]?.latencyMs).toBe('number');
    expect(JSON.stringify(lines)).not.toContain('roll back');
  });

  it('limits per person with a sliding window and says when to try again', async () => {
    let now = 0;
    const service = createGuardedService(new FixtureService(), { logger: silentLogger(), rateLimitPerMinute: 2, now: () => now });
    const asker = { platform: 'slack' as const, surface: 'mention' as const, userId: 'U1' };
    await service.ask('how to get a laptop from IT?', { asker });
    now = 30_000;
    await service.ask('how to get a laptop from IT?', { asker });
    now = 45_000;
    const limited = await service.ask('how to get a laptop from IT?', { asker });
    expect(limited).toMatchObject({ found: false, reason: 'rate-limited' });
    expect(limited.text).toContain('Please try again in 15 seconds.');
    expect((await service.ask('how to get a laptop from IT?', { asker: { ...asker, userId: 'U2' } })).reason).toBeUndefined();
    now = 60_001;
    expect((await service.ask('how to get a laptop from IT?', { asker })).reason).toBeUndefined();
  });
});

describe('lore health', () => {
  it('exits 0 with the counts when the notes index, 1 with the reason when they do not', async () => {
    const { runInProcess } = await import('../cli/helpers.js');
    const ok = await runInProcess(['health']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^ok: \d+ files, \d+ chunks in /);
    const bad = await runInProcess(['health'], { env: { KNOWLEDGE_DIR: '/nonexistent/lore-notes' } });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('lore: ');
  });
});
