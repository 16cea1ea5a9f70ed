import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSlackManifest } from '../../src/doctor/manifest.js';
import { EmbeddingCache, textKey } from '../../src/rerank/embedding-cache.js';
import { FeedbackStore } from '../../src/store/store.js';
import { runInProcess } from '../cli/helpers.js';
import { FakeDiscord } from '../fakes/discord-server.js';
import { FakeSlack } from '../fakes/slack-server.js';

let slack: FakeSlack;
let discord: FakeDiscord;
const dir = mkdtempSync(join(tmpdir(), 'lore-doctor-'));

beforeAll(async () => {
  [slack, discord] = await Promise.all([FakeSlack.start(), FakeDiscord.start()]);
  registerCommands(discord);
});
afterAll(async () => {
  await Promise.all([slack.close(), discord.close()]);
  rmSync(dir, { recursive: true, force: true });
});

function registerCommands(fake: FakeDiscord): void {
  fake.commands.set('global', [{ name: 'ask' }, { name: 'lore-gaps' }, { name: 'Ask lore' }]);
}

/** A complete set-up: Slack in Socket Mode and Discord, both on the fakes, a database in a fresh folder. */
function goodEnv() {
  return {
    SLACK_BOT_TOKEN: 'xoxb-good',
    SLACK_APP_TOKEN: 'xapp-good',
    SLACK_API_URL: slack.apiUrl,
    DISCORD_TOKEN: discord.token,
    DISCORD_API_URL: discord.apiUrl,
    LORE_DB: join(mkdtempSync(join(dir, 'db-')), 'lore.db'),
    LORE_CONFIG: writeFile('good.yml', 'slack:\n  channels: [C0123ABCD]\n'),
  };
}

function writeFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function doctor(env: Record<string, string>, argv: string[] = []) {
  const result = await runInProcess(['doctor', ...argv], { env });
  return { ...result, lines: result.stdout.trim().split('\n') };
}

/** The line of the check `name`, which must exist. */
function line(lines: string[], name: string): string {
  const found = lines.find((l) => l.slice(2).startsWith(`${name}:`));
  if (found === undefined) throw new Error(`no "${name}" line in:\n${lines.join('\n')}`);
  return found;
}

describe('lore doctor', () => {
  it('passes every check of a complete set-up, one line each, and exits 0', async () => {
    const { code, lines, stderr } = await doctor(goodEnv());
    expect(stderr).toBe('');
    expect(lines.filter((l) => l.startsWith('✗'))).toEqual([]);
    for (const name of ['Environment', 'Notes', 'Channel rules', 'Database', 'Slack bot token', 'Slack scopes', 'Slack Socket Mode', 'Slack slash command', 'Discord bot token', 'Discord Message Content intent', 'Discord commands', 'Discord servers']) {
      expect(line(lines, name)).toMatch(/^✓ /);
    }
    expect(line(lines, 'Notes')).toMatch(/^✓ Notes: knowledge\/ indexes: 1 file, \d+ chunks$/);
    expect(line(lines, 'Slack bot token')).toContain('@lore in Fake (T0000001)');
    expect(line(lines, 'Discord servers')).toContain('Lore test server');
    expect(lines.at(-1)).toBe('All checks passed.');
    expect(code).toBe(0);
  });

  it('skips the platforms whose tokens are not set, without failing', async () => {
    const { code, lines } = await doctor({ LORE_DB: 'off' });
    expect(line(lines, 'Slack')).toBe('– Slack: skipped, SLACK_BOT_TOKEN is not set');
    expect(line(lines, 'Discord')).toBe('– Discord: skipped, DISCORD_TOKEN is not set');
    expect(line(lines, 'Database')).toMatch(/^– Database: skipped, LORE_DB=off/);
    expect(lines.at(-1)).toBe('All checks passed (3 skipped).');
    expect(code).toBe(0);
  });

  it('checks the sentence encoder only when LORE_RERANK turns it on', async () => {
    expect((await doctor({ LORE_DB: 'off' })).lines.some((l) => l.includes('Re-ranking'))).toBe(false);
    const data = mkdtempSync(join(dir, 'data-'));
    const { code, lines } = await doctor({ LORE_DB: join(data, 'lore.db'), LORE_RERANK: 'encoder' });
    expect(line(lines, 'Re-ranking')).toMatch(/^✓ Re-ranking: the sentence encoder loads and embeds \(\d+ ms\); no section vectors yet in .*data-\w+\/section-vectors\.bin$/);
    expect(code).toBe(0);
    const kept = new EmbeddingCache();
    kept.set(textKey('# Deploys'), Float32Array.from([1, 0]));
    kept.set(textKey('# Rollbacks'), Float32Array.from([0, 1]));
    await kept.save(join(data, 'section-vectors.bin'));
    const again = await doctor({ LORE_DB: join(data, 'lore.db'), LORE_RERANK: 'encoder' });
    expect(line(again.lines, 'Re-ranking')).toMatch(/; 2 section vectors kept in .*section-vectors\.bin$/);
  });

  it('lists the notes it skipped and why', async () => {
    const notes = mkdtempSync(join(dir, 'notes-'));
    writeFileSync(join(notes, 'ok.md'), '# Deploys\n\nWe deploy on Tuesdays with the release train.\n');
    writeFileSync(join(notes, 'big.md'), `# Big\n\n${'word '.repeat(400)}\n`);
    const { code, stdout } = await doctor({ KNOWLEDGE_DIR: notes, MAX_NOTE_BYTES: '1000', LORE_DB: 'off' });
    expect(stdout).toMatch(/✓ Notes: .* indexes: 1 file, \d+ chunks; 1 skipped:\n {4}skipped big\.md: larger than/);
    expect(code).toBe(0);
  });

  it.each([
    ['a bad Slack bot token', () => slack.failNext('auth.test', 'invalid_auth'), {}, 'Slack bot token', /refused auth\.test: invalid_auth → fix: copy the Bot User OAuth Token/],
    ['Socket Mode refused to the app token', () => slack.failNext('apps.connections.open', 'invalid_auth'), {}, 'Slack Socket Mode', /refused apps\.connections\.open: invalid_auth → fix: turn Socket Mode on/],
    ['a bad Discord token', () => undefined, { DISCORD_TOKEN: 'not-the-token' }, 'Discord bot token', /rejected DISCORD_TOKEN \(401 Unauthorized\) → fix: copy a fresh token/],
    ['a database that cannot be created', () => undefined, { LORE_DB: join(writeFile('a-file', ''), 'lore.db') }, 'Database', /a-file is a file, not a folder → fix: set LORE_DB/],
    ['a LORE_CONFIG that does not exist', () => undefined, { LORE_CONFIG: join(dir, 'missing.yml') }, 'Channel rules', /missing\.yml, which does not exist → fix: create that file, or unset LORE_CONFIG/],
    ['an invalid lore.config.yml', () => undefined, { LORE_CONFIG: writeFile('bad.yml', 'slak:\n  dms: false\n') }, 'Channel rules', /slak: unknown key.*did you mean slack\?.* → fix: edit /],
    ['an empty notes folder', () => undefined, { KNOWLEDGE_DIR: mkdtempSync(join(dir, 'empty-')) }, 'Notes', /^✗ Notes: No notes found in .* → fix: set KNOWLEDGE_DIR/],
  ])('fails on %s, with the fix, and exits 1', async (_name, arrange, env, check, expected) => {
    arrange();
    const { code, lines } = await doctor({ ...goodEnv(), ...env });
    expect(line(lines, check)).toMatch(/^✗ /);
    expect(line(lines, check)).toMatch(expected);
    expect(lines.filter((l) => l.startsWith('✗'))).toHaveLength(1);
    expect(lines.at(-1)).toMatch(/^1 of \d+ checks failed/);
    expect(code).toBe(1);
  });

  it('fails the bot token and Socket Mode when Slack cannot be reached', async () => {
    const { code, lines } = await doctor({ ...goodEnv(), SLACK_API_URL: 'http://127.0.0.1:9/api/' });
    for (const check of ['Slack bot token', 'Slack Socket Mode']) {
      expect(line(lines, check)).toMatch(/^✗ .*: could not reach Slack at SLACK_API_URL=http:\/\/127\.0\.0\.1:9\/api\/ .* → fix: check SLACK_API_URL/);
    }
    expect(line(lines, 'Slack scopes')).toMatch(/^– Slack scopes: skipped/);
    expect(code).toBe(1);
  });

  it('fails on a missing scope, naming it', async () => {
    const narrow = await FakeSlack.start({ scopes: ['app_mentions:read', 'chat:write', 'commands'] });
    try {
      const { code, lines } = await doctor({ ...goodEnv(), SLACK_API_URL: narrow.apiUrl });
      expect(line(lines, 'Slack scopes')).toMatch(/^✗ Slack scopes: missing im:history → fix: add it under Slack app → OAuth & Permissions → Bot Token Scopes/);
      expect(code).toBe(1);
    } finally {
      await narrow.close();
    }
  });

  it.each([
    ['the Message Content intent is off', { applicationFlags: 0 }, true, 'Discord Message Content intent', /^✗ .*disabled.* → fix: Developer Portal → your application → Bot → Privileged Gateway Intents/],
    ['no commands are registered', {}, false, 'Discord commands', /^✗ Discord commands: \/ask, \/lore-gaps and Ask lore not registered globally → fix: run lore discord:register/],
    ['the bot is in no server', { guilds: [] }, true, 'Discord servers', /^✗ Discord servers: the bot is in no server → fix: invite the bot with https:\/\/discord\.com\/oauth2\/authorize\?client_id=/],
  ])('fails when %s', async (_name, options, registered, check, expected) => {
    const fake = await FakeDiscord.start(options);
    if (registered) registerCommands(fake);
    try {
      const { code, lines } = await doctor({ ...goodEnv(), DISCORD_API_URL: fake.apiUrl });
      expect(line(lines, check)).toMatch(expected);
      expect(lines.filter((l) => l.startsWith('✗'))).toHaveLength(1);
      expect(code).toBe(1);
    } finally {
      await fake.close();
    }
  });

  it('checks commands in DISCORD_GUILD_ID when it is set, and that the bot is in that server', async () => {
    const { lines } = await doctor({ ...goodEnv(), DISCORD_GUILD_ID: '999999999999999999' });
    expect(line(lines, 'Discord commands')).toContain('not registered in server 999999999999999999 (DISCORD_GUILD_ID)');
    expect(line(lines, 'Discord servers')).toContain('the bot is not in server 999999999999999999 (DISCORD_GUILD_ID)');
  });

  it('skips Socket Mode in HTTP mode, saying where Slack must reach lore', async () => {
    const { SLACK_APP_TOKEN: _socket, ...env } = goodEnv();
    const { code, lines } = await doctor({ ...env, SLACK_SIGNING_SECRET: 'secret', PORT: '3999' });
    expect(line(lines, 'Slack Socket Mode')).toBe('– Slack Socket Mode: skipped, HTTP mode (SLACK_APP_TOKEN is not set): Slack must reach http://<this host>:3999/slack/events');
    expect(line(lines, 'Environment')).toContain('Slack (HTTP mode)');
    expect(code).toBe(0);
  });

  it('takes a write lock on an existing database', async () => {
    const env = goodEnv();
    await (await FeedbackStore.open(env.LORE_DB)).close();
    const { lines } = await doctor(env);
    expect(line(lines, 'Database')).toBe(`✓ Database: ${env.LORE_DB} is writable`);
  });

  it('says which slash command lore answers when SLACK_COMMAND renames it', async () => {
    const { lines } = await doctor({ ...goodEnv(), SLACK_COMMAND: '/lore' });
    expect(line(lines, 'Slack slash command')).toBe("✓ Slack slash command: lore answers /lore (SLACK_COMMAND); the app's Slash Commands page must list /lore, not the manifest's /ask");
  });

  it('prints the checks as JSON with --json', async () => {
    const { code, stdout } = await doctor({ ...goodEnv(), DISCORD_TOKEN: 'wrong' }, ['--json']);
    const report = JSON.parse(stdout) as { ok: boolean; checks: { status: string; name: string; fix?: string }[] };
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.name === 'Discord bot token')).toMatchObject({ status: 'fail', fix: expect.stringContaining('Reset Token') });
    expect(code).toBe(1);
  });

  it('reads the scopes and the command from slack-manifest.yml', async () => {
    const manifest = await readSlackManifest();
    expect([...manifest.botScopes].sort()).toEqual(slack.scopes);
    expect(manifest.command).toBe('/ask');
  });

  it('reports an invalid environment as one failed check with each variable below it', async () => {
    const { code, lines } = await doctor({ SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(lines[0]).toMatch(/^✗ Environment: Invalid configuration → fix: /);
    expect(lines[1]).toMatch(/^ {4}SLACK_BOT_TOKEN is set without SLACK_APP_TOKEN/);
    expect(code).toBe(1);
  });
});
