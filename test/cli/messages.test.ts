import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';
import { silentLogger } from '../../src/logger.js';
import { renderStatsText, surfaceLabel } from '../../src/reports/render.js';
import type { UsageStats } from '../../src/reports/stats.js';
import { openRulesFile } from '../../src/service/rules-file.js';
import { parseRules } from '../../src/service/rules.js';
import { FeedbackStore } from '../../src/store/store.js';
import { didYouMean, editDistance } from '../../src/suggest.js';
import { note, question } from '../store/helpers.js';
import { BUNDLED_NOTES, ROOT, runInProcess } from './helpers.js';

const temp = mkdtempSync(join(tmpdir(), 'lore-messages-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('bad flags and commands', () => {
  it.each([
    [['ask', '--bogus', 'x'], 'lore: Unknown option --bogus.'],
    [['ask', '--knowlege', 'notes', 'x'], 'lore: Unknown option --knowlege. Did you mean --knowledge?'],
    [['ask', '--top'], 'lore: --top needs a value, e.g. --top 3.'],
    [['index', '--json=yes'], 'lore: --json takes no value.'],
    [['stat'], 'lore: Unknown command "stat". Did you mean stats?'],
    [['frobnicate'], 'lore: Unknown command "frobnicate".'],
  ])('%j: one line, then where to look, exit 2', async (argv, first) => {
    const { code, stderr } = await runInProcess(argv);
    expect(stderr.trimEnd().split('\n')).toEqual([first, 'See lore --help for the commands and options.']);
    expect(code).toBe(2);
  });

  it('does not pass on Node\'s raw message, with its unbalanced quote', async () => {
    const { stderr } = await runInProcess(['--bogus']);
    expect(stderr).not.toContain("'");
    expect(stderr).not.toContain('positional argument');
  });
});

describe('lore ask on a terminal without a question', () => {
  it('says how to ask instead of waiting for input', async () => {
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await runCli(['ask'], {
      stdin,
      stdout: new PassThrough(),
      stderr,
      env: { KNOWLEDGE_DIR: BUNDLED_NOTES, LOG_LEVEL: 'silent', LORE_DB: 'off' },
      cwd: ROOT,
    });
    expect(code).toBe(2);
    expect(err).toContain('ask needs a question: lore ask "how do we deploy?"');
  });
});

describe('lore stats labels and folder', () => {
  const stats = (overrides: Partial<UsageStats>): UsageStats => ({
    since: Date.UTC(2026, 2, 1),
    questions: 2,
    answered: 1,
    answeredShare: 0.5,
    perDay: [],
    perSurface: [
      { platform: 'terminal', surface: 'terminal', questions: 1, answered: 1 },
      { platform: 'slack', surface: 'slash', questions: 1, answered: 0 },
    ],
    votes: { up: 0, down: 0, upShare: null },
    mostCited: [],
    citedElsewhere: 0,
    neverCited: [],
    ...overrides,
  });

  it.each([
    ['terminal', 'terminal', 'Terminal'],
    ['slack', 'slash', 'Slack slash command'],
    ['discord', 'mention', 'Discord @mention'],
    ['slack', 'dm', 'Slack direct message'],
  ])('%s %s reads "%s"', (platform, surface, label) => expect(surfaceLabel(platform, surface)).toBe(label));

  it('says "none yet" for votes instead of a dash percentage, and names the notes folder', () => {
    const text = renderStatsText(stats({}), '/srv/notes');
    expect(text).toMatch(/^Since 2026-03-01, notes in \/srv\/notes\n/);
    expect(text).toContain('Votes: none yet');
    expect(text).not.toContain('terminal terminal');
    expect(text).not.toContain('–');
    expect(text).toMatch(/Per surface:\n {2}Terminal +1 {2}\(answered 1\)\n {2}Slack slash command +1/);
  });

  it('lists only the cited notes of the folder it is run for, and counts the others', async () => {
    const db = join(temp, 'shared', 'lore.db');
    const store = await FeedbackStore.open(db);
    await store.recordQuestion(question({ question: 'is ECS free?', at: Date.now(), platform: 'terminal', surface: 'terminal', notes: [note('aws-containers.md')] }));
    await store.recordQuestion(question({ question: 'how do we deploy?', at: Date.now(), notes: [note('ops/deploys.md')] }));
    await store.close();
    const other = join(temp, 'other-notes', 'ops');
    mkdirSync(other, { recursive: true });
    writeFileSync(join(other, 'deploys.md'), '# Deploys\n\nOn Tuesdays.\n');

    const { code, stdout } = await runInProcess(['stats', '--knowledge', join(temp, 'other-notes')], { env: { LORE_DB: db } });
    expect(code).toBe(0);
    expect(stdout).toContain(`notes in ${join(temp, 'other-notes')}`);
    expect(stdout).toMatch(/Most cited notes:\n {2}ops\/deploys\.md +1\n {2}\(and 1 cited file of another notes folder/);
    expect(stdout).not.toContain('aws-containers.md');
    expect(stdout).toContain('Terminal');
  });
});

describe('configuration messages', () => {
  it('names KNOWLEDGE_BASE_URL once when it is not a URL', () => {
    const error = captured(() => loadConfig({ KNOWLEDGE_BASE_URL: 'git.example.com/notes' }));
    expect(error.message).toContain('KNOWLEDGE_BASE_URL: must be an http(s) URL, for example https://example.com/, got "git.example.com/notes"');
    expect(error.message.match(/KNOWLEDGE_BASE_URL/g)).toHaveLength(1);
  });

  it('tells to unset a LORE_CONFIG that names a missing file', async () => {
    const path = join(temp, 'no-such.yml');
    const opening = openRulesFile({ path, required: true, knowledgeDir: BUNDLED_NOTES, logger: silentLogger() });
    await expect(opening).rejects.toThrow(`LORE_CONFIG names ${path}, which does not exist: create it, or unset LORE_CONFIG`);
    await expect(opening).rejects.not.toThrow('remove it');
  });

  it.each([
    ['slack:\n  channels: ["#platform-team"]\n'],
    ['slack:\n  channels:\n    - id: "#platform-team"\n'],
  ])('rejects a channel name where an id belongs: %j', (text) => {
    expect(() => parseRules(text)).toThrow('slack.channels[0].id: "#platform-team" is a channel name, not a channel id');
  });

  it('rejects an id with spaces, and still accepts Slack and Discord ids', () => {
    expect(() => parseRules('slack:\n  channels: ["platform team"]\n')).toThrow('"platform team" is not a channel id');
    expect(parseRules('slack:\n  channels: [C0123ABCD]\ndiscord:\n  channels: [123456789012345678]\n')).toMatchObject({
      slack: { channels: [{ id: 'C0123ABCD' }] },
      discord: { channels: [{ id: '123456789012345678' }] },
    });
  });

  it.each([
    ['slak: {}', 'slak: unknown key (did you mean slack?)'],
    ['slack:\n  chanels: [C1]\n', 'slack.chanels: unknown key (did you mean channels?)'],
    ['discord:\n  dm: false\n', 'discord.dm: unknown key (did you mean dms?)'],
    ['slack:\n  channels:\n    - id: C1\n      folder: [infra]\n', 'slack.channels[0].folder: unknown key (did you mean folders?)'],
  ])('suggests the key an unknown one was meant to be: %j', (text, message) => {
    expect(() => parseRules(text)).toThrow(message);
  });

  it('suggests nothing for a key unlike any known one', () => {
    expect(() => parseRules('teams: {}')).toThrow(/teams: unknown key$/);
  });
});

describe('didYouMean', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['slack', 'slack', 0],
  ])('editDistance(%j, %j) = %i', (a, b, distance) => expect(editDistance(a, b)).toBe(distance));

  it.each([
    ['slak', ['slack', 'discord'], 'slack'],
    ['Discrod', ['slack', 'discord'], 'discord'],
    ['foo', ['slack', 'discord'], undefined],
    ['--knowlege', ['--knowledge', '--json'], '--knowledge'],
  ])('%j among %j → %j', (word, candidates, expected) => expect(didYouMean(word, candidates)).toBe(expected));
});

function captured(action: () => unknown): ConfigError {
  try {
    action();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
