import { RESTJSONErrorCodes, type Client, type Message } from 'discord.js';
import { asError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { refusalOf } from '../../service/refusal.js';
import type { Answer, AskContext, Asker } from '../../types.js';
import { APOLOGY, renderHelp } from './render.js';
import { EXAMPLE_COUNT, NO_PINGS, answerPayload, embedsAllowed, settlesWithin, type AnswerDeps } from './reply.js';
import type { Conversation } from './thread-memory.js';

const TYPING_AFTER_MS = 1000;

/**
 * The question a message asks the bot, or undefined when the bot should stay quiet: messages from bots (itself
 * included), webhooks and the system; guild messages that do not mention the bot by name (an @everyone, @here or a
 * role mention does not count). In DMs every message is a question. An empty string means "mentioned, asked nothing".
 */
export function questionIn(message: Message, botId: string): string | undefined {
  if (message.author.bot || message.author.id === botId || message.webhookId !== null || message.system) return undefined;
  if (message.inGuild() && !message.mentions.users.has(botId)) return undefined;
  return message.content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
}

export function conversationOf(message: Message): Conversation {
  const channel = message.channel;
  return { channelId: channel.id, messageId: message.id, continuous: channel.isThread() || channel.isDMBased() };
}

/** Answers a message that asks the bot something, as a reply to it. Never throws: failures get an apology. */
export async function answerMessage(client: Client<true>, message: Message, deps: AnswerDeps): Promise<void> {
  const question = questionIn(message, client.user.id);
  if (question === undefined) return;
  const log = deps.logger.child({ channelId: message.channelId, messageId: message.id });
  const channel = message.channel;
  const asker: Asker = {
    platform: 'discord',
    surface: channel.isDMBased() ? 'dm' : 'mention',
    userId: message.author.id,
    channelId: message.channelId,
    ...(channel.isThread() && channel.parentId !== null && { parentChannelId: channel.parentId }),
  };
  // Outside the allowed channels a mention gets no reply at all, not even help.
  if (asker.surface === 'mention' && deps.service.allows?.(asker) === false) return;
  try {
    if (question === '') {
      const content = deps.service.whereToAsk?.(asker) ?? renderHelp(deps.service.examples(EXAMPLE_COUNT, { asker }));
      await message.reply({ content, allowedMentions: NO_PINGS });
      return;
    }
    const conversation = conversationOf(message);
    const previousQuestion = deps.memory.previousQuestion(conversation);
    const context: AskContext = previousQuestion === undefined ? { asker } : { previousQuestion, asker };
    const pending = deps.service.ask(question, context);
    if (!(await settlesWithin(pending, TYPING_AFTER_MS)) && 'sendTyping' in channel) {
      await channel
        .sendTyping().catch((error: unknown) => log.debug({ err: asError(error) }, 'could not show typing'));
    }
    const answer = await pending;
    if (refusalOf(answer)) {
      await notePrivately(message, answer, log);
      return;
    }
    deps.memory.remember(conversation, answer.question);
    const sent = await replyWithAnswerPayload(client, message, deps, answer, asker);
    deps.votes.remember(sent.id, answer);
    log.debug({ found: answer.found, citation: answer.citations[0]?.file ?? null }, 'answered a Discord message');
  } catch (error) {
    log.error({ err: asError(error) }, 'failed to answer a Discord message');
    await message
      .reply({ content: APOLOGY, allowedMentions: NO_PINGS })
      .catch((replyError: unknown) => log.error({ err: asError(replyError) }, 'could not send the apology either'));
  }
}

/**
 * A refusal is never posted in a server channel: in a DM it is the reply; after a mention it goes to the asker's DMs
 * (Discord has no ephemeral replies to messages), and is dropped when they do not accept DMs from the server.
 */
async function notePrivately(message: Message, answer: Answer, log: Logger): Promise<void> {
  if (message.channel.isDMBased()) {
    await message.reply({ content: answer.text, allowedMentions: NO_PINGS });
    return;
  }
  if (refusalOf(answer) === 'channel-not-allowed') return;
  await message.author
    .send({ content: answer.text, allowedMentions: NO_PINGS })
    .catch((error: unknown) => log.debug({ err: asError(error) }, 'could not send the private note by DM'));
}

async function replyWithAnswerPayload(
  client: Client<true>,
  message: Message,
  deps: AnswerDeps,
  answer: Answer,
  asker: Asker,
): Promise<Message> {
  const embeds = embedsAllowed(client, message.channel);
  try {
    return await message.reply({ ...answerPayload(answer, deps, embeds, asker), failIfNotExists: false });
  } catch (error) {
    // Permissions may be unknown to the cache (overwrites changed, partial channel): fall back to plain text once.
    if (!embeds || !isMissingPermissions(error)) throw error;
    return message.reply({ ...answerPayload(answer, deps, false, asker), failIfNotExists: false });
  }
}

function isMissingPermissions(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === RESTJSONErrorCodes.MissingPermissions
  );
}
