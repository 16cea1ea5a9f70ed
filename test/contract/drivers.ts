import { PassThrough } from 'node:stream';
import { createConsoleAdapter } from '../../src/adapters/console.js';
import { createDiscordAdapter } from '../../src/adapters/discord/client.js';
import { createSlackAdapter } from '../../src/adapters/slack/index.js';
import { silentLogger } from '../../src/logger.js';
import type { ChatAdapter } from '../../src/types.js';
import { MessageFlags } from 'discord.js';
import type { InteractionCallbackBody, MessageBody } from '../fakes/discord-requests.js';
import { FakeDiscord } from '../fakes/discord-server.js';
import { appMention, blockAction, eventCallback, httpDelivery, messageShortcut, nextTs, socketDelivery, type SlackDelivery } from '../fakes/slack-payloads.js';
import { FakeSlack, type RecordedCall } from '../fakes/slack-server.js';
import { buttons, shownText } from '../adapters/slack-harness.js';
import { DISCORD_ALLOWED, SLACK_ALLOWED, SLACK_CLOSED, world, type World } from './world.js';

/** What a platform showed in reply to one question. */
export interface Said {
  text: string;
  /** `public`: in the channel, thread or terminal; `private`: only the asker (ephemeral, DM). */
  where: 'public' | 'private';
  /** Every length limit of the platform holds. */
  withinLimits: boolean;
  /** Nothing in it can notify anyone (@channel, @everyone, user or role mentions). */
  pingsNobody: boolean;
  /** Clicks 👍/👎 under it, when it has them; resolves with what the click showed. */
  vote?(vote: 'up' | 'down'): Promise<string>;
  /** Clicks Share under it, when it has it; resolves with what was posted for everyone. */
  share?(): Promise<Said>;
}

export interface AskOptions {
  /** Ask inside this thread (created on first use); absent: a new message in the channel. */
  thread?: string;
  /** Ask in a channel the rules close to the bot. */
  closed?: boolean;
}

/** One platform, driven the way a person uses it, against its fake server (or the terminal's streams). */
export interface Driver {
  readonly world: World;
  /** Channel rules, a per-person rate limit and votes exist on chat platforms, not in the terminal. */
  readonly chat: boolean;
  /** Resolves with the reply, or undefined when none came within a short wait. */
  ask(text: string, options?: AskOptions): Promise<Said | undefined>;
  /** "Ask lore about this message" on someone else's message (Slack message shortcut, Discord message command). */
  askAbout?(message: string): Promise<Said>;
  /** Stops the adapter and starts a new one against the same server and engine, as a restart does. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export type DriverFactory = () => Promise<Driver>;

const QUIET_MS = 400;

// ---- Slack ---------------------------------------------------------------------------------------------------------

export function slackDriver(mode: 'http' | 'socket'): DriverFactory {
  return async () => {
    const w = await world();
    const fake = await FakeSlack.start();
    const secret = 'contract-secret';
    let adapter = createSlackAdapter({ config: slackConfig(fake, mode, secret), service: w.service, logger: silentLogger(), reports: w.reports });
    let deliver: SlackDelivery;
    const begin = async () => {
      await adapter.start();
      deliver = mode === 'http' ? httpDelivery(fake, `http://127.0.0.1:${adapter.port}/slack/events`, secret) : socketDelivery(fake);
    };
    await begin();
    const threads = new Map<string, string>();
    const said = (call: RecordedCall): Said => {
      const blocks = Array.isArray(call.args.blocks) ? (call.args.blocks as { type: string; text?: { text?: string } }[]) : [];
      const text = shownText(call);
      const voteValue = buttons(call).find((button) => button.actionId === 'lore_vote_up')?.value;
      const shareValue = buttons(call).find((button) => button.actionId === 'lore_share')?.value;
      return {
        text,
        where: call.method === 'chat.postEphemeral' || call.args.response_type === 'ephemeral' ? 'private' : 'public',
        withinLimits: blocks.length <= 50 && blocks.every((block) => (block.text?.text ?? '').length <= 3000) && buttons(call).every((button) => button.value.length <= 2000),
        pingsNobody: !/<!(channel|here|everyone|subteam)|<@[UW]/.test(text) && !/(^|[^\p{L}\u2060])@(channel|here|everyone)\b/u.test(text),
        ...(voteValue !== undefined && {
          vote: async (vote: 'up' | 'down') => {
            const count = fake.calls.length;
            await deliver.action(blockAction(fake, { actionId: vote === 'up' ? 'lore_vote_up' : 'lore_vote_down', value: voteValue, channel: String(call.args.channel), messageTs: String(call.result?.ts ?? nextTs()) }));
            const shown = await fake.waitForCall((c) => fake.calls.indexOf(c) >= count && (c.method === 'chat.update' || c.method === 'response_url'));
            return shownText(shown);
          },
        }),
        ...(shareValue !== undefined && {
          share: async () => {
            const count = fake.calls.length;
            await deliver.action(blockAction(fake, { actionId: 'lore_share', value: shareValue, channel: SLACK_ALLOWED }));
            return said(await fake.waitForCall((c) => fake.calls.indexOf(c) >= count && c.method === 'chat.postMessage'));
          },
        }),
      };
    };
    return {
      world: w,
      chat: true,
      async ask(text, options = {}) {
        const count = fake.calls.length;
        const ts = nextTs();
        let threadTs: string | undefined;
        if (options.thread !== undefined) {
          threadTs = threads.get(options.thread) ?? ts;
          threads.set(options.thread, threadTs);
        }
        const channel = options.closed ? SLACK_CLOSED : SLACK_ALLOWED;
        await deliver.event(eventCallback(fake, appMention(fake, { text: `<@${fake.botUserId}> ${text}`, ts, channel, ...(threadTs !== undefined && threadTs !== ts && { thread_ts: threadTs }) })));
        const reply = await fake
          .waitForCall((call) => fake.calls.indexOf(call) >= count && (call.method === 'chat.postMessage' || call.method === 'chat.postEphemeral'), QUIET_MS)
          .catch(() => undefined);
        return reply && said(reply);
      },
      async askAbout(message) {
        const count = fake.calls.length;
        await deliver.action(messageShortcut(fake, { text: message }));
        return said(await fake.waitForCall((call) => fake.calls.indexOf(call) >= count && call.method === 'response_url'));
      },
      async restart() {
        await adapter.stop();
        adapter = createSlackAdapter({ config: slackConfig(fake, mode, secret), service: w.service, logger: silentLogger(), reports: w.reports });
        await begin();
      },
      async close() {
        await adapter.stop();
        await fake.close();
      },
    };
  };
}

function slackConfig(fake: FakeSlack, mode: 'http' | 'socket', secret: string) {
  return { botToken: 'xoxb-contract', ...(mode === 'socket' ? { appToken: 'xapp-contract' } : { signingSecret: secret }), apiUrl: fake.apiUrl, command: '/ask', port: 0 };
}

// ---- Discord -------------------------------------------------------------------------------------------------------

export const discordDriver: DriverFactory = async () => {
  const w = await world();
  const fake = await FakeDiscord.start();
  const make = (): ChatAdapter => createDiscordAdapter({ config: { token: fake.token, apiUrl: fake.apiUrl }, service: w.service, logger: silentLogger(), reports: w.reports });
  let adapter = make();
  await adapter.start();
  const channels = [fake.channelId, fake.threadId, fake.noEmbedChannelId, fake.dmChannelId];
  const said = (body: MessageBody, channel: string, messageId: string | undefined): Said => {
    const ephemeral = ((body.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
    const embed = body.embeds?.[0];
    const text = [body.content ?? '', embed?.title ?? '', embed?.description ?? '', ...(embed?.fields ?? []).map((f) => `${f.name}\n${f.value}`), embed?.footer?.text ?? ''].join('\n');
    const total = (embed?.title?.length ?? 0) + (embed?.description?.length ?? 0) + (embed?.footer?.text.length ?? 0) + (embed?.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
    const up = body.components?.[0]?.components.find((c) => c.custom_id?.startsWith('lore:vote:up'))?.custom_id;
    const share = body.components?.[0]?.components.find((c) => c.custom_id?.startsWith('lore:share:'))?.custom_id;
    const clicked = async (customId: string) => {
      const since = fake.requests.length;
      const click = fake.clickButton(messageId ?? '', customId);
      return (await fake.waitForRequest((r) => r.path.startsWith(`/interactions/${click.id}/`), since)).body as InteractionCallbackBody;
    };
    return {
      text,
      where: channel === fake.dmChannelId || ephemeral ? 'private' : 'public',
      withinLimits: (body.content?.length ?? 0) <= 2000 && (embed?.description?.length ?? 0) <= 4096 && total <= 6000 && (embed?.fields ?? []).every((f) => f.value.length <= 1024),
      pingsNobody: JSON.stringify(body.allowed_mentions) === JSON.stringify({ parse: [], replied_user: false }) && !/(^|[^\\])@(everyone|here)/.test(text),
      ...(up !== undefined && messageId !== undefined && {
        vote: async (vote: 'up' | 'down') => said((await clicked(vote === 'up' ? up : up.replace(':up:', ':down:'))).data ?? {}, channel, messageId).text,
      }),
      ...(share !== undefined && {
        share: async () => said((await clicked(share)).data ?? {}, channel, fake.botMessageIds().at(-1)),
      }),
    };
  };
  return {
    world: w,
    chat: true,
    async ask(text, options = {}) {
      const since = fake.requests.length;
      const channel = options.closed ? fake.noEmbedChannelId : options.thread !== undefined ? fake.threadId : DISCORD_ALLOWED;
      fake.sendUserMessage(`<@${fake.bot.id}> ${text}`, { channelId: channel });
      const request = await fake
        .waitForRequest((r) => r.method === 'POST' && channels.some((id) => r.path === `/channels/${id}/messages`), since, QUIET_MS)
        .catch(() => undefined);
      if (request === undefined) return undefined;
      const target = channels.find((id) => request.path === `/channels/${id}/messages`) ?? '';
      return said(request.body as MessageBody, target, fake.botMessageIds().at(-1));
    },
    async askAbout(message) {
      const since = fake.requests.length;
      const { id } = fake.sendMessageCommand('Ask lore', message);
      const callback = (await fake.waitForRequest((r) => r.path.startsWith(`/interactions/${id}/`), since)).body as InteractionCallbackBody;
      return said(callback.data ?? {}, DISCORD_ALLOWED, fake.botMessageIds().at(-1));
    },
    async restart() {
      await adapter.stop();
      adapter = make();
      await adapter.start();
    },
    async close() {
      await adapter.stop();
      await fake.close();
    },
  };
};

// ---- Terminal ------------------------------------------------------------------------------------------------------

export const terminalDriver: DriverFactory = async () => {
  const w = await world();
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const chat = createConsoleAdapter({ service: w.service, logger: silentLogger(), input, output, interactive: true });
  const running = chat.start();
  // Readline moves the cursor with escape sequences; what a person reads is the text between them.
  const clean = () => printed.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
  const prompts = () => clean().split('\n? ').length;
  await until(() => prompts() >= 2);
  return {
    world: w,
    chat: false,
    async ask(text) {
      const before = clean().length;
      const seen = prompts();
      input.write(`${text}\n`);
      await until(() => prompts() > seen);
      // The terminal echoes the typed line first.
      const shown = clean().slice(before).replace(/^[^\n]*\r\n/, '').replace(/\n\? $/, '').trim();
      return { text: shown, where: 'public', withinLimits: true, pingsNobody: !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(shown) };
    },
    async restart() {
      // The terminal chat keeps nothing across runs that a restart could lose.
    },
    async close() {
      input.end();
      await running;
    },
  };
};

async function until(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('the terminal chat did not answer in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
