import {
  PermissionFlagsBits,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Client,
  type MessageMentionOptions,
  type TextBasedChannel,
} from 'discord.js';
import type { Logger } from '../../logger.js';
import type { Answer, Asker, AskService, FeedbackReports } from '../../types.js';
import { renderAnswer } from './render.js';
import type { ThreadMemory } from './thread-memory.js';
import { voteRow, type VoteLedger } from './votes.js';

/** Everything the message and interaction handlers share. */
export interface AnswerDeps {
  service: AskService;
  logger: Logger;
  memory: ThreadMemory;
  votes: VoteLedger;
  /** How long a slash command may wait for the engine before the reply is deferred (Discord allows 3 s in all). */
  deferAfterMs: number;
  /** Stored feedback, for `/lore-gaps`. */
  reports?: FeedbackReports;
}

/** Sent with every message: a note or a question may contain @everyone, a role or a user, and nobody is pinged. */
export const NO_PINGS: MessageMentionOptions = Object.freeze({ parse: [], repliedUser: false });

export const EXAMPLE_COUNT = 3;

export interface AnswerPayload {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: MessageMentionOptions;
}

/** `asker` scopes the "try asking" examples shown with a not-found answer to the notes they may see. */
export function answerPayload(answer: Answer, deps: AnswerDeps, embeds: boolean, asker: Asker): AnswerPayload {
  const examples = answer.found ? [] : deps.service.examples(EXAMPLE_COUNT, { asker });
  const rendered = renderAnswer(answer, { embeds, examples });
  return { ...rendered, components: [voteRow(answer)], allowedMentions: NO_PINGS };
}

/** Whether the bot may send embeds in `channel`: DMs always; guild channels need Embed Links (unknown counts as yes). */
export function embedsAllowed(client: Client<true>, channel: TextBasedChannel): boolean {
  if (channel.isDMBased()) return true;
  const permissions = channel.permissionsFor(client.user);
  return permissions === null || permissions.has(PermissionFlagsBits.EmbedLinks);
}

/** Resolves to true when `promise` settles within `ms`, false otherwise; never rejects. */
export async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const settled = promise.then(
    () => true as const,
    () => true as const,
  );
  try {
    return await Promise.race([settled, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Who ran a slash command (or is typing one), and where (a thread is judged by its parent channel's rules). */
export function slashAsker(interaction: ChatInputCommandInteraction | AutocompleteInteraction): Asker {
  const channel = interaction.channel;
  return {
    platform: 'discord',
    surface: 'slash',
    userId: interaction.user.id,
    channelId: interaction.channelId ?? undefined,
    direct: channel?.isDMBased() ?? false,
    ...(channel?.isThread() && channel.parentId !== null && { parentChannelId: channel.parentId }),
  };
}
