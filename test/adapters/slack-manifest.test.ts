import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SHORTCUT } from '../../src/adapters/slack/listeners.js';
import { readmeSection, repoFile } from '../readme.js';

const root = new URL('../../', import.meta.url);
const manifest = parse(readFileSync(new URL('slack-manifest.yml', root), 'utf8')) as {
  features: { slash_commands: { command: string }[]; shortcuts: { type: string; callback_id: string }[]; app_home: { messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean } };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean };
};
const doc = `${readmeSection('Slack in 10 minutes')}\n${repoFile('docs/slack.md')}`;

describe('slack-manifest.yml', () => {
  it('asks for exactly the scopes, events and features the adapter uses', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['app_mentions:read', 'chat:write', 'commands', 'im:history']);
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(['app_mention', 'message.im']);
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/ask']);
    expect(manifest.features.shortcuts).toEqual([expect.objectContaining({ type: 'message', callback_id: SHORTCUT })]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    // Without the messages tab people cannot DM the bot.
    expect(manifest.features.app_home).toMatchObject({ messages_tab_enabled: true, messages_tab_read_only_enabled: false });
  });

  it('is described by the README\'s Slack section and docs/slack.md, with every setting it reads', () => {
    for (const scope of manifest.oauth_config.scopes.bot) expect(doc).toContain(`\`${scope}\``);
    for (const variable of ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_API_URL', 'SLACK_COMMAND', 'PORT']) {
      expect(doc).toContain(`\`${variable}\``);
    }
    expect(doc).toContain('npm start');
    expect(doc).toContain('/slack/events');
    expect(doc).toContain('/healthz');
  });
});
