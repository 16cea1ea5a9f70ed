import { RESTJSONErrorCodes, type Client, type Message } from 'discord.js';
import { sendOrApologize } from '../../chat/apology.js';
import { conversationOf, type Reply, type Turn } from '../../chat/turn.js';
import { asError } from '../../errors.js';
import { whenSlow } from '../../service/in-flight.js';
import { questionFromDiscord } from './discord-text.js';
import { NO_PINGS, discordAsker, embedsAllowed, payloadOf, type AnswerDeps } from './reply.js';

const TYPING_AFTER_MS = 1000;

/**
 * The question a message asks the bot, or undefined when the bot should stay quiet: messages from bots (itself
 * included), webhooks and the system; guild messages that do not mention the bot by name (an @everyone, @here or a
 * role mention does not count). In DMs every message is a question. An empty string means "mentioned, asked nothing".
 */
export function questionIn(message: Message, botId: string): string | undefined {
  if (message.author.bot || message.author.id === botId || message.webhookId !== null || message.system) return undefined;
  if (message.inGuild() && !message.mentions.users.has(botId)) return undefined;
  return questionFromDiscord(message.content, botId);
}

/** A message as a turn. A thread has its own channel id; a thread started on a message gets the message's id. */
function turnOf(message: Message, text: string): Turn {
  const { channel } = message;
  return {
    asker: discordAsker(channel.isDMBased() ? 'dm' : 'mention', { user: message.author, channel, channelId: message.channelId, guildId: message.guildId }),
    text,
    ...conversationOf({ ...(channel.isThread() && { thread: channel.id }), ...(channel.isDMBased() && { direct: channel.id }), startsThread: message.id }),
  };
}

/** Answers a message that asks the bot something, as a reply to it. Never throws: failures get an apology. */
export async function answerMessage(client: Client<true>, message: Message, deps: AnswerDeps): Promise<void> {
  const text = questionIn(message, client.user.id);
  if (text === undefined) return;
  const log = deps.logger.child({ channelId: message.channelId, messageId: message.id });
  const { channel } = message;
  const reply = await whenSlow(deps.conversation.reply(turnOf(message, text)), TYPING_AFTER_MS, async () => {
    if ('sendTyping' in channel) await channel.sendTyping().catch((error: unknown) => log.debug({ err: asError(error) }, 'could not show typing'));
  });
  const apologize = (text: string) => message.reply({ content: text, allowedMentions: NO_PINGS });
  await sendOrApologize(log, 'failed to answer a Discord message', apologize, () => send(client, message, reply, deps));
}

async function send(client: Client<true>, message: Message, reply: Reply, deps: AnswerDeps): Promise<void> {
  if (reply.kind === 'silent') return;
  // Discord has no ephemeral replies to messages: a private reply after a mention goes to the asker's DMs, and is
  // dropped when they do not accept DMs from the server.
  if (reply.visibility === 'private' && !message.channel.isDMBased()) {
    await message.author.send(payloadOf(reply, deps, true)).catch((error: unknown) => deps.logger.debug({ err: asError(error) }, 'could not send the private reply by DM'));
    return;
  }
  const embeds = embedsAllowed(client, message.channel);
  const sent = await message.reply({ ...payloadOf(reply, deps, embeds), failIfNotExists: false }).catch((error: unknown) => {
    // Permissions may be unknown to the cache (overwrites changed, partial channel): fall back to plain text once.
    if (!embeds || (error as { code?: unknown }).code !== RESTJSONErrorCodes.MissingPermissions) throw error;
    return message.reply({ ...payloadOf(reply, deps, false), failIfNotExists: false });
  });
  // Discord gives a thread started on a message that message's id.
  deps.conversation.posted(reply, sent.id);
}
