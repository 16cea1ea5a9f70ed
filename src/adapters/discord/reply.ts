import {
  ButtonStyle,
  ComponentType,
  PermissionFlagsBits,
  type APIActionRowComponent,
  type APIButtonComponent,
  type BaseMessageOptions,
  type Client,
  type Interaction,
  type MessageMentionOptions,
  type TextBasedChannel,
} from 'discord.js';
import { buttonId } from '../../chat/buttons.js';
import type { Conversation } from '../../chat/conversation.js';
import { answerButtons } from '../../chat/layout.js';
import type { ShownAnswer } from '../../chat/shown.js';
import type { Reply } from '../../chat/turn.js';
import { votesLine } from '../../chat/wording.js';
import type { Logger } from '../../logger.js';
import { renderReply } from '../../render/chat-parts.js';
import type { Asker } from '../../types.js';
import { LIMITS } from './limits.js';
import { renderEmbed, renderGaps, renderHelp, renderPlainText } from './render.js';

/** Everything the message and interaction handlers share. */
export interface AnswerDeps {
  conversation: Conversation;
  logger: Logger;
  /** How long a slash command may wait for the engine before the reply is deferred (Discord allows 3 s in all). */
  deferAfterMs: number;
}

/** Sent with every message: a note or a question may contain @everyone, a role or a user, and nobody is pinged. */
export const NO_PINGS: MessageMentionOptions = Object.freeze({ parse: [], repliedUser: false });

/** A reply as a Discord message: embeds, or plain `content` where `embeds` is false (no Embed Links permission). */
export function payloadOf(reply: Exclude<Reply, { kind: 'silent' }>, deps: AnswerDeps, embeds: boolean): BaseMessageOptions {
  const plain = (content: string): BaseMessageOptions => ({ content, embeds: [], components: [], allowedMentions: NO_PINGS });
  return renderReply(reply, {
    answer: (answer) => answerPayload(deps.conversation.shown.add(answer), embeds),
    help: (text, examples) => plain(renderHelp(text, examples)),
    gaps: (gaps) => plain(renderGaps(gaps)),
    note: plain,
  });
}

/** A shown answer as a Discord message with its buttons, and the vote tally once it has votes (as on Slack). */
export function answerPayload(shown: ShownAnswer, embeds: boolean): BaseMessageOptions {
  const { answer, examples, visibility } = shown.reply;
  const votes = votesLine(shown.votes, visibility);
  const rendered = embeds ? { embeds: [renderEmbed(answer, examples, votes)] } : { content: renderPlainText(answer, examples, votes), embeds: [] };
  return { ...rendered, components: [answerRow(shown)], allowedMentions: NO_PINGS };
}

/** The buttons under an answer: 👍/👎 and, on a private answer, Share, each with an id naming the shown answer. */
function answerRow(shown: ShownAnswer): APIActionRowComponent<APIButtonComponent> {
  const components = answerButtons(shown.reply.share).map(({ action, label, emoji, primary }): APIButtonComponent => ({
    type: ComponentType.Button,
    style: primary ? ButtonStyle.Primary : ButtonStyle.Secondary,
    custom_id: buttonId(action, shown, LIMITS.customId),
    ...(emoji && { emoji: { name: emoji } }),
    label,
  }));
  return { type: ComponentType.ActionRow, components };
}

/** Whether the bot may send embeds in `channel`: DMs always; guild channels need Embed Links (unknown counts as yes). */
export function embedsAllowed(client: Client<true>, channel: TextBasedChannel): boolean {
  if (channel.isDMBased()) return true;
  const permissions = channel.permissionsFor(client.user);
  return permissions === null || permissions.has(PermissionFlagsBits.EmbedLinks);
}

/** Who asked, and where, from a message or an interaction (a thread is judged by its parent channel's rules). */
export function discordAsker(surface: Asker['surface'], { user, channel, channelId, guildId }: Pick<Interaction, 'user' | 'channel' | 'channelId' | 'guildId'>): Asker {
  return {
    platform: 'discord',
    surface,
    userId: user.id,
    channelId: channelId ?? undefined,
    direct: channel?.isDMBased() ?? false,
    ...(guildId !== null && { workspaceId: guildId }),
    ...(channel?.isThread() && channel.parentId !== null && { parentChannelId: channel.parentId, threadId: channel.id }),
  };
}
