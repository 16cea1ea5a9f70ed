import { readmeSection, repoFile } from '../readme.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../src/adapters/discord/client.js';
import { BOT_PERMISSIONS, inviteUrl } from '../../src/doctor/discord-invite.js';
import { registerDiscordCommands } from '../../src/cli/discord-register.js';
import { LoreError } from '../../src/errors.js';
import { FakeDiscord } from '../fakes/discord-server.js';
import { FixtureService, capturingLogger } from './discord-helpers.js';

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('registerDiscordCommands', () => {
  it('bulk-overwrites /ask in the guild over REST without opening a gateway connection', async () => {
    fake = await FakeDiscord.start();
    const { logger, lines } = capturingLogger();
    await registerDiscordCommands({ config: { token: fake.token, apiUrl: fake.apiUrl, guildId: fake.guildId }, logger });
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /applications/@me',
      `PUT /applications/${fake.applicationId}/guilds/${fake.guildId}/commands`,
    ]);
    expect(fake.identifies).toHaveLength(0);
    expect(fake.commands.get(fake.guildId)?.map((c) => c.name)).toEqual(['ask', 'lore-gaps', 'Ask lore']);
    expect(lines.some((line) => line.msg === 'registered Discord commands in the guild')).toBe(true);
  });

  it('registers globally, usable in DMs, when no guild is set', async () => {
    fake = await FakeDiscord.start();
    await registerDiscordCommands({ config: { token: fake.token, apiUrl: fake.apiUrl }, logger: capturingLogger().logger });
    expect(fake.commands.get('global')?.[0]).toMatchObject({ name: 'ask', contexts: [0, 1], integration_types: [0] });
  });

  it('explains a rejected token', async () => {
    fake = await FakeDiscord.start();
    const failure = registerDiscordCommands({ config: { token: 'wrong', apiUrl: fake.apiUrl }, logger: capturingLogger().logger });
    await expect(failure).rejects.toThrow(/DISCORD_TOKEN.*Reset Token/);
    await expect(failure).rejects.toBeInstanceOf(LoreError);
  });
});

describe('Discord adapter start and stop', () => {
  it('fails to start with a fix-it message when the token is rejected', async () => {
    fake = await FakeDiscord.start();
    const adapter = createDiscordAdapter({
      config: { token: 'wrong', apiUrl: fake.apiUrl },
      service: new FixtureService(),
      logger: capturingLogger().logger,
    });
    await expect(adapter.start()).rejects.toMatchObject({ code: 'ADAPTER_START_FAILED', message: expect.stringMatching(/DISCORD_TOKEN/) });
  });

  it('fails to start, instead of hanging, when Discord refuses the Message Content intent', async () => {
    fake = await FakeDiscord.start({ closeOnIdentify: 4014 });
    const adapter = createDiscordAdapter({
      config: { token: fake.token, apiUrl: fake.apiUrl },
      service: new FixtureService(),
      logger: capturingLogger().logger,
    });
    await expect(adapter.start()).rejects.toThrow(/Message Content Intent/);
    expect(fake.identifies).toHaveLength(1);
  });

  it('stops cleanly (twice) and closes its gateway connection', async () => {
    fake = await FakeDiscord.start();
    const adapter = createDiscordAdapter({
      config: { token: fake.token, apiUrl: fake.apiUrl },
      service: new FixtureService(),
      logger: capturingLogger().logger,
    });
    expect(adapter.name).toBe('discord');
    await adapter.start();
    expect(fake.openConnections).toBe(1);
    await adapter.stop();
    await adapter.stop();
    const current = fake;
    await current.until(() => current.openConnections === 0);
    expect(current.identifies).toHaveLength(1);
  });

  it('on stop, posts the answer it is working on but takes no new question, then closes the connection', async () => {
    fake = await FakeDiscord.start();
    const service = new FixtureService(undefined, { delayMs: 300 });
    const adapter = createDiscordAdapter({ config: { token: fake.token, apiUrl: fake.apiUrl }, service, logger: capturingLogger().logger });
    await adapter.start();
    const current = fake;
    const since = current.requests.length;
    current.sendUserMessage(`<@${current.bot.id}> is the EKS control plane free?`);
    await current.until(() => service.calls.length === 1);
    const stopped = adapter.stop();
    current.sendUserMessage(`<@${current.bot.id}> does fargate support daemonsets?`);
    const reply = await current.nextChannelMessage(current.channelId, since);
    expect(reply.embeds?.[0]?.title).toContain('EKS');
    await stopped;
    await current.until(() => current.openConnections === 0);
    expect(service.calls.map((call) => call.question)).toEqual(['is the EKS control plane free?']);
  });

  it('keeps running when command registration fails, and logs why', async () => {
    fake = await FakeDiscord.start();
    fake.failNext((r) => r.method === 'PUT', 403, { message: 'Missing Access', code: 50001 });
    const { logger, lines } = capturingLogger();
    const service = new FixtureService();
    const adapter = createDiscordAdapter({ config: { token: fake.token, apiUrl: fake.apiUrl, guildId: fake.guildId }, service, logger });
    await adapter.start();
    try {
      expect(lines.find((line) => line.level === 50)?.msg).toMatch(/applications\.commands/);
      const since = fake.requests.length;
      fake.sendUserMessage(`<@${fake.bot.id}> is the EKS control plane free?`);
      const reply = await fake.nextChannelMessage(fake.channelId, since);
      expect(reply.embeds?.[0]?.title).toContain('EKS');
    } finally {
      await adapter.stop();
    }
  });
});

describe('the README\'s Discord section and docs/discord.md', () => {
  it('gives the invite URL and permissions integer the code computes', async () => {
    const docs = `${readmeSection('Discord in 10 minutes')}\n${repoFile('docs/discord.md')}`;
    expect(docs).toContain(inviteUrl('APPLICATION_ID'));
    expect(docs).toContain(`Permissions integer \`${BOT_PERMISSIONS}\``);
    for (const name of ['DISCORD_TOKEN', 'DISCORD_GUILD_ID', 'DISCORD_API_URL', 'Message Content Intent', 'npm start']) {
      expect(docs).toContain(name);
    }
  });
});
