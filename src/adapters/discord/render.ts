import type { APIEmbed, APIEmbedField } from 'discord.js';
import { updatedAgo } from '../../answer/age.js';
import { CLOSEST_LINES, EXAMPLES, EXAMPLES_TITLE, NOT_FOUND_TITLE, NO_GAPS, citationLabel, smallPrint } from '../../chat/wording.js';
import { answerParts, gapsReport } from '../../render/chat-parts.js';
import type { Answer, Citation, KnowledgeGap } from '../../types.js';
import { LIMITS } from './limits.js';
import { cutAtLine, cutBetween, cutText } from '../../chat/truncate.js';
import { DISCORD, escapeDiscord, toDiscordMarkdown } from './markdown.js';

const FOUND_COLOR = 0x2b8a3e;
const NOT_FOUND_COLOR = 0x868e96;

/**
 * An answer as one embed: the source as its title, the quote, more notes and examples as fields, the small print
 * below, led by the vote tally once there is one.
 */
export function renderEmbed(answer: Answer, examples: readonly string[] = [], votes?: string): APIEmbed {
  const { found, layout, ...parts } = answerParts(answer, examples, { dialect: DISCORD, markdown: toDiscordMarkdown, quoteMax: LIMITS.description });
  const embed: APIEmbed = found
    ? { color: FOUND_COLOR, title: cutText(escapeDiscord(citationLabel(found.citation)), LIMITS.title), description: found.quote, ...(found.citation.url && { url: found.citation.url }) }
    : { color: NOT_FOUND_COLOR, title: NOT_FOUND_TITLE, description: parts.text };
  const fields: APIEmbedField[] = [];
  if (parts.closest) pushField(fields, CLOSEST_LINES, [parts.closest.citation, parts.closest.lines]);
  pushField(fields, layout.more.title, parts.more);
  pushField(fields, EXAMPLES, parts.examples.map((example) => `• ${example}`));
  if (fields.length > 0) embed.fields = fields;
  embed.footer = { text: cutText([votes, smallPrint(answer, layout)].filter(Boolean).join('\n'), LIMITS.footer) };
  return fitEmbed(embed);
}

/** An answer as message content, where the bot may not send embeds (no Embed Links permission). */
export function renderPlainText(answer: Answer, examples: readonly string[] = [], votes?: string): string {
  const parts = answerParts(answer, examples, { dialect: DISCORD, markdown: toDiscordMarkdown, quoteMax: LIMITS.content });
  const { found, layout } = parts;
  const head = cutText(found ? plainLabel(found.citation, true) : parts.text, 400);
  const body = found?.quote ?? (layout.closest && parts.closest ? `${CLOSEST_LINES}: ${plainLabel(layout.closest)}\n${parts.closest.lines}` : '');
  const trailer = [
    layout.more.citations.length > 0 ? `${layout.more.title}: ${layout.more.citations.map((citation) => plainLabel(citation)).join(' · ')}` : '',
    parts.examples.length > 0 ? `${EXAMPLES}: ${parts.examples.join(' · ')}` : '',
    parts.stale ?? '',
    votes ?? '',
  ];
  const tail = trailer.filter((line) => line !== '').map((line) => cutText(line, 400)).join('\n');
  return cutBetween(head, body, tail, LIMITS.content);
}

/** How to ask, with a few examples from the notes. */
export function renderHelp(text: string, examples: readonly string[]): string {
  const lines = [text];
  if (examples.length > 0) lines.push(EXAMPLES_TITLE, ...examples.map((example) => `• ${escapeDiscord(example)}`));
  return cutAtLine(lines.join('\n'), LIMITS.content);
}

/** The top knowledge gaps as Discord Markdown, within one message that always ends with where the full list is. */
export function renderGaps(gaps: readonly KnowledgeGap[]): string {
  if (gaps.length === 0) return NO_GAPS;
  const { heading, gaps: blocks, footer } = gapsReport(gaps, DISCORD);
  return `${cutAtLine([heading, ...blocks].join('\n\n'), LIMITS.content - footer.length - 2)}\n\n${footer}`;
}

/** A citation in message content: its label (in bold for the source), its age, and its address in `<>`, which shows no preview. */
function plainLabel(citation: Citation, strong = false): string {
  const label = escapeDiscord(cutText(citationLabel(citation), 200));
  const age = updatedAgo(citation);
  return `${strong ? `**${label}**` : label}${age ? ` *(${age})*` : ''}${citation.url ? ` <${citation.url}>` : ''}`;
}

function pushField(fields: APIEmbedField[], name: string, lines: readonly string[]): void {
  if (lines.length === 0 || fields.length >= LIMITS.fields) return;
  fields.push({ name: cutText(name, LIMITS.fieldName), value: cutAtLine(lines.join('\n'), LIMITS.fieldValue) });
}

/** What counts towards Discord's embed total: title, description, field names and values, footer text and author name. */
function embedSize({ title, description, fields = [], footer, author }: APIEmbed): number {
  const texts = [title, description, ...fields.flatMap((field) => [field.name, field.value]), footer?.text, author?.name];
  return texts.reduce((sum, text) => sum + (text?.length ?? 0), 0);
}

/** Keeps the whole embed under Discord's 6,000 character total by shortening the description, the longest part. */
function fitEmbed(embed: APIEmbed): APIEmbed {
  const excess = embedSize(embed) - LIMITS.embedTotal;
  if (excess <= 0 || embed.description === undefined) return embed;
  return { ...embed, description: cutAtLine(embed.description, Math.max(1, embed.description.length - excess)) };
}
