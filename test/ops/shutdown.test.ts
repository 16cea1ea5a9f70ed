import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../src/adapters/discord/client.js';
import { createSlackAdapter } from '../../src/adapters/slack/index.js';
import { silentLogger } from '../../src/logger.js';
import { createGuardedService } from '../../src/service/guarded.js';
import { serveUntilSignal } from '../../src/service/lifecycle.js';
import { FakeDiscord } from '../fakes/discord-server.js';
import { slashCommand, socketDelivery } from '../fakes/slack-payloads.js';
import { FakeSlack } from '../fakes/slack-server.js';
import { FixtureService as DiscordFixture } from '../adapters/discord-helpers.js';
import { FixtureService as SlackFixture } from '../adapters/slack-fixtures.js';
import { shownText } from '../adapters/slack-harness.js';

const until = async (check: () => boolean, timeoutMs = 5000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('SIGTERM while a question is being answered', () => {
  it('Slack: answers the question in flight, tells a later asker to come back, then disconnects and resolves 0', async () => {
    const fake = await FakeSlack.start();
    const inner = new SlackFixture(undefined, { delayMs: 600 });
    const service = createGuardedService(inner, { logger: silentLogger() });
    const adapter = createSlackAdapter({
      config: { botToken: 'xoxb-t', appToken: 'xapp-t', apiUrl: fake.apiUrl, command: '/ask', port: 0 },
      service,
      logger: silentLogger(),
    });
    const signals = new EventEmitter();
    const served = serveUntilSignal({ service, adapters: [adapter], watchers: [], logger: silentLogger(), signals });
    try {
      await fake.waitForSocket();
      await until(() => signals.listenerCount('SIGTERM') > 0 && fake.callsTo('apps.connections.open').length > 0);
      const deliver = socketDelivery(fake);
      await deliver.command(slashCommand(fake, '/ask', 'how do I roll back a release?'));
      await until(() => inner.asked.length === 1);
      signals.emit('SIGTERM', 'SIGTERM');
      await deliver.command(slashCommand(fake, '/ask', 'how to get a laptop from IT?', 'ULATE001'));
      await expect(served).resolves.toBe(0);
      // Checked the moment serving ended: the in-flight answer was posted before the connection closed.
      const replies = fake.callsTo('response_url').map(shownText);
      expect(replies.some((text) => text.includes('To *roll back* a *release*'))).toBe(true);
      expect(replies.some((text) => text.includes("I'm restarting right now"))).toBe(true);
      expect(inner.asked).toHaveLength(1);
    } finally {
      await adapter.stop();
      await fake.close();
    }
  });

  it('Discord: replies to the mention in flight before the gateway connection is closed', async () => {
    const fake = await FakeDiscord.start();
    const inner = new DiscordFixture(undefined, { delayMs: 600 });
    const service = createGuardedService(inner, { logger: silentLogger() });
    const adapter = createDiscordAdapter({ config: { token: fake.token, apiUrl: fake.apiUrl }, service, logger: silentLogger() });
    const signals = new EventEmitter();
    const served = serveUntilSignal({ service, adapters: [adapter], watchers: [], logger: silentLogger(), signals });
    try {
      await fake.until(() => fake.identifies.length === 1 && signals.listenerCount('SIGTERM') > 0);
      await fake.waitForRequest((r) => r.method === 'PUT' && r.path.endsWith('/commands'));
      fake.sendUserMessage(`<@${fake.bot.id}> is the EKS control plane free?`);
      await until(() => inner.calls.length === 1);
      signals.emit('SIGTERM', 'SIGTERM');
      await expect(served).resolves.toBe(0);
      expect(fake.channelMessages(fake.channelId)[0]?.embeds?.[0]?.title).toContain('EKS');
      await fake.until(() => fake.openConnections === 0);
    } finally {
      await adapter.stop();
      await fake.close();
    }
  });
});
