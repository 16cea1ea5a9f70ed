import type { App, MessageShortcut, RespondFn, webApi } from '@slack/bolt';
import { apologyFor, sendOrApologize } from '../../chat/apology.js';
import { echoesQuestion, type Conversation } from '../../chat/conversation.js';
import { conversationOf, type Reply, type Turn } from '../../chat/turn.js';
import type { Logger } from '../../logger.js';
import type { InFlight } from '../../service/in-flight.js';
import type { Asker } from '../../types.js';
import { renderReply } from './render.js';
import { questionFromSlack } from './slack-text.js';

/** What every Slack listener needs, created once per adapter. */
export interface ListenerDeps {
  conversation: Conversation;
  logger: Logger;
  /** Slash command name, with its leading `/`. */
  command: string;
  /** Listener runs not finished yet; stop() waits for them so the last answers still get posted. */
  handlers: InFlight;
}

export type SlackClient = webApi.WebClient;

/** The message shortcut's callback id, as in slack-manifest.yml. */
export const SHORTCUT = 'lore_ask_about_message';

/** Who asked, and where. Slack's direct-message channel ids start with D. */
export function slackAsker(surface: Asker['surface'], userId: string | undefined, channelId: string | undefined, workspaceId?: string, threadId?: string): Asker {
  return { platform: 'slack', surface, userId, channelId, workspaceId, ...(channelId?.startsWith('D') && { direct: true }), ...(threadId !== undefined && { threadId }) };
}

/** Where a reply goes: a thread or a DM (posted), and for private replies the interaction's response_url if any. */
interface Target {
  channel: string;
  threadTs?: string;
  respond?: RespondFn;
  userId?: string;
}

/** `/ask`, the message shortcut, @-mentions in channels (answered in a thread) and direct messages. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  app.command(deps.command, async ({ command, ack, respond, client }) => {
    await ack();
    const asker = slackAsker('slash', command.user_id, command.channel_id, command.team_id);
    const turn: Turn = { asker, text: questionFromSlack(command.text), ...conversationOf({ ...(asker.direct && { direct: command.channel_id }) }) };
    await answer(deps, client, turn, { channel: command.channel_id, respond, userId: command.user_id });
  });

  app.shortcut<MessageShortcut>(SHORTCUT, async ({ shortcut, ack, respond, client }) => {
    await ack();
    const channel = shortcut.channel.id;
    const asker = slackAsker('shortcut', shortcut.user.id, channel, shortcut.team?.id);
    await answer(deps, client, { asker, text: questionFromSlack(shortcut.message.text ?? '') }, { channel, respond, userId: shortcut.user.id });
  });

  app.event('app_mention', async ({ event, context, client }) => {
    if (event.bot_id !== undefined || event.subtype !== undefined || 'edited' in event) return;
    // Direct messages are answered by the message listener below; don't answer twice.
    if (event.channel.startsWith('D')) return;
    const turn: Turn = {
      asker: slackAsker('mention', event.user, event.channel, context.teamId, event.thread_ts),
      text: questionFromSlack(event.text, context.botUserId),
      ...conversationOf({ thread: event.thread_ts === undefined ? undefined : `${event.channel}:${event.thread_ts}`, startsThread: `${event.channel}:${event.ts}` }),
    };
    await answer(deps, client, turn, { channel: event.channel, threadTs: event.thread_ts ?? event.ts, userId: event.user });
  });

  app.message(async ({ message, context, client }) => {
    // Edits, joins, deletions, bot posts… all carry a subtype; only plain messages from people are questions.
    if (message.subtype !== undefined || message.channel_type !== 'im') return;
    if (message.bot_id !== undefined || message.edited !== undefined) return;
    const { channel, thread_ts: threadTs } = message;
    const turn: Turn = {
      asker: slackAsker('dm', message.user, channel, context.teamId, threadTs),
      text: questionFromSlack(message.text ?? '', context.botUserId),
      ...conversationOf({ thread: threadTs === undefined ? undefined : `${channel}:${threadTs}`, direct: channel, startsThread: `${channel}:${message.ts}` }),
    };
    await answer(deps, client, turn, { channel, threadTs, userId: message.user });
  });
}

async function answer(deps: ListenerDeps, client: SlackClient, turn: Turn, target: Target): Promise<void> {
  const reply = await deps.conversation.reply(turn);
  const log = deps.logger.child({ channel: target.channel, threadTs: target.threadTs });
  const apologize = (text: string) => deliver(deps, client, apologyFor(reply, text), target, false);
  await sendOrApologize(log, 'answering a Slack message failed', apologize, async () => {
    const posted = await deliver(deps, client, reply, target, echoesQuestion(turn.asker));
    if (posted !== undefined) deps.conversation.posted(reply, `${target.channel}:${posted}`);
  });
}

/** Sends a reply as its visibility says; returns the ts of a message posted with chat.postMessage. */
export async function deliver(deps: ListenerDeps, client: SlackClient, reply: Reply, target: Target, echo: boolean): Promise<string | undefined> {
  if (reply.kind === 'silent') return undefined;
  const message = renderReply(reply, deps, { askedBy: target.userId, echo });
  if (reply.visibility === 'private' && target.respond) {
    await target.respond({ response_type: 'ephemeral', replace_original: false, ...message });
    return undefined;
  }
  const thread = target.threadTs === undefined ? {} : { thread_ts: target.threadTs };
  if (reply.visibility === 'private' && !target.channel.startsWith('D')) {
    if (target.userId !== undefined) await client.chat.postEphemeral({ channel: target.channel, user: target.userId, ...thread, ...message });
    return undefined;
  }
  try {
    const result = await client.chat.postMessage({ channel: target.channel, ...thread, ...message, unfurl_links: false, unfurl_media: false });
    return result.ts;
  } catch (error) {
    // Where the bot is not a member (or the conversation is a DM between people), a click's response_url can still post.
    const code = (error as { data?: { error?: unknown } }).data?.error;
    if (target.respond === undefined || (code !== 'not_in_channel' && code !== 'channel_not_found')) throw error;
    deps.logger.info({ code }, 'bot cannot post here; posting through response_url');
    await target.respond({ response_type: 'in_channel', replace_original: false, ...message });
    return undefined;
  }
}
