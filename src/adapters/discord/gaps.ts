import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { asError } from '../../errors.js';
import { gapCounts } from '../../reports/render.js';
import type { KnowledgeGap } from '../../types.js';
import { LIMITS } from './limits.js';
import { cutAtLine } from '../../chat/truncate.js';
import { escapeDiscord } from './markdown.js';
import { APOLOGY } from './render.js';
import { NO_PINGS, slashAsker, type AnswerDeps } from './reply.js';

/** How many gaps `/lore-gaps` shows. */
export const CHAT_GAPS = 10;

export const NOT_RECORDING = "Questions aren't being recorded here (LORE_DB is off or could not be opened), so there are no gaps to show.";
export const NOT_HERE = "The knowledge-gap report isn't available in this channel.";

/** `/lore-gaps`: the top knowledge gaps, only to the person who asked. */
export async function showGaps(interaction: ChatInputCommandInteraction, deps: AnswerDeps): Promise<void> {
  const asker = slashAsker(interaction);
  let content: string;
  try {
    if (!deps.reports) content = NOT_RECORDING;
    else if (deps.service.allows?.(asker) === false) content = NOT_HERE;
    else content = renderGaps(await deps.reports.gaps(CHAT_GAPS, { platform: 'discord', channelId: asker.channelId ?? '' }));
  } catch (error) {
    deps.logger.error({ err: asError(error) }, 'could not read the knowledge gaps');
    content = APOLOGY;
  }
  await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
}

/** The top knowledge gaps as Discord Markdown, within one message. */
export function renderGaps(gaps: readonly KnowledgeGap[]): string {
  if (gaps.length === 0) return 'No knowledge gaps in this channel lately: every question asked here found an answer and none was voted down.';
  const lines = [`**Top ${gaps.length} knowledge gap${gaps.length === 1 ? '' : 's'} in this channel**: questions the notes did not answer well, most asked first.`];
  gaps.forEach((gap, i) => {
    lines.push('', `**${i + 1}.** ${escapeDiscord(gap.question)}`, `${gapCounts(gap)} · last ${gap.lastAt.toISOString().slice(0, 10)}`);
    if (gap.variants.length > 0) lines.push(`*Also asked as:* ${gap.variants.map((variant) => `“${escapeDiscord(variant)}”`).join(', ')}`);
    if (gap.closest.length > 0) lines.push(`*Closest notes:* ${gap.closest.map((note) => `\`${note.file.replace(/`/g, "'")}\` (${note.times}×)`).join(', ')}`);
  });
  return cutAtLine(lines.join('\n'), LIMITS.content);
}
