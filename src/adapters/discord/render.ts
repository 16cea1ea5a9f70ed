import type { APIEmbed, APIEmbedField } from 'discord.js';
import { updatedAgo } from '../../answer/age.js';
import { layoutAnswer, type AnswerLayout } from '../../chat/layout.js';
import { EXAMPLES, EXAMPLES_TITLE, NOT_FOUND_TITLE, NO_GAPS, citationLabel, provenance } from '../../chat/wording.js';
import { citationWithAge, gapsReport, quoteFor } from '../../render/chat-parts.js';
import type { Answer, Citation, KnowledgeGap } from '../../types.js';
import { LIMITS } from './limits.js';
import { cutAtLine, cutText } from '../../chat/truncate.js';
import { DISCORD, escapeDiscord, toDiscordMarkdown } from './markdown.js';

const FOUND_COLOR = 0x2b8a3e;
const NOT_FOUND_COLOR = 0x868e96;

/**
 * An answer as one embed: the source as its title, the quote, more notes and examples as fields, the small print
 * below, led by the vote tally once there is one.
 */
export function renderEmbed(answer: Answer, examples: readonly string[] = [], votes?: string): APIEmbed {
  const layout = layoutAnswer(answer, examples);
  const { source } = layout;
  const embed: APIEmbed = source
    ? { color: FOUND_COLOR, title: cutText(escapeDiscord(citationLabel(source)), LIMITS.title), description: quoteFor(answer, toDiscordMarkdown, LIMITS.description), ...(source.url && { url: source.url }) }
    : { color: NOT_FOUND_COLOR, title: NOT_FOUND_TITLE, description: escapeDiscord(answer.text) };
  const fields: APIEmbedField[] = [];
  pushField(fields, layout.more.title, layout.more.citations.map(linkedLabel));
  pushField(fields, EXAMPLES, layout.examples.map((example) => `• ${escapeDiscord(example)}`));
  if (fields.length > 0) embed.fields = fields;
  embed.footer = { text: cutText([votes, footerText(answer, layout)].filter(Boolean).join('\n'), LIMITS.footer) };
  return fitEmbed(embed);
}

/** An answer as message content, where the bot may not send embeds (no Embed Links permission). */
export function renderPlainText(answer: Answer, examples: readonly string[] = [], votes?: string): string {
  const { source, more, stale, ...layout } = layoutAnswer(answer, examples);
  const age = source && updatedAgo(source);
  const head = cutText(source ? `**${escapeDiscord(citationLabel(source))}**${age ? ` *(${age})*` : ''}${source.url ? ` <${source.url}>` : ''}` : escapeDiscord(answer.text), 400);
  const trailer = [
    more.citations.length > 0 ? `${more.title}: ${more.citations.map(plainLabel).join(' · ')}` : '',
    layout.examples.length > 0 ? `${EXAMPLES}: ${layout.examples.map(escapeDiscord).join(' · ')}` : '',
    stale ? escapeDiscord(stale) : '',
    votes ?? '',
  ];
  const tail = trailer.filter((line) => line !== '').map((line) => cutText(line, 400)).join('\n');
  const room = LIMITS.content - head.length - tail.length - 2;
  const parts = [head, source ? cutAtLine(quoteFor(answer, toDiscordMarkdown, LIMITS.content), room) : '', tail].filter((part) => part !== '');
  return cutAtLine(parts.join('\n'), LIMITS.content);
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

/** The small print: where the answer came from, the words looked for (always: the footer is a summary), how old. */
function footerText(answer: Answer, { source, stale }: AnswerLayout): string {
  const text = provenance(answer.found, source && updatedAgo(source), answer.lookedFor);
  return stale ? `${stale}\n${text}` : text;
}

const linkedLabel = (citation: Citation): string => citationWithAge(citation, DISCORD);

function plainLabel(citation: Citation): string {
  const age = updatedAgo(citation);
  return `${escapeDiscord(cutText(citationLabel(citation), 200))}${age ? ` *(${age})*` : ''}${citation.url ? ` <${citation.url}>` : ''}`;
}

function pushField(fields: APIEmbedField[], name: string, lines: readonly string[]): void {
  if (lines.length === 0 || fields.length >= LIMITS.fields) return;
  fields.push({ name: cutText(name, LIMITS.fieldName), value: cutAtLine(lines.join('\n'), LIMITS.fieldValue) });
}

function embedSize(embed: APIEmbed): number {
  const fields = (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    fields +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0)
  );
}

/** Keeps the whole embed under Discord's 6,000 character total by shortening the description, the longest part. */
function fitEmbed(embed: APIEmbed): APIEmbed {
  const excess = embedSize(embed) - LIMITS.embedTotal;
  if (excess <= 0 || embed.description === undefined) return embed;
  return { ...embed, description: cutAtLine(embed.description, Math.max(1, embed.description.length - excess)) };
}
