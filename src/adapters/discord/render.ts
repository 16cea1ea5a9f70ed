import type { APIEmbed, APIEmbedField } from 'discord.js';
import { staleNotice, updatedAgo } from '../../answer/age.js';
import { EXAMPLES_TITLE, NOT_FOUND_TITLE, NO_GAPS, citationLabel } from '../../chat/wording.js';
import { citationLink, gapLines, gapsHeading, quoteFor } from '../../render/chat-parts.js';
import type { Answer, Citation, KnowledgeGap } from '../../types.js';
import { LIMITS } from './limits.js';
import { cutAtLine, cutText } from '../../chat/truncate.js';
import { DISCORD, escapeDiscord, toDiscordMarkdown } from './markdown.js';

/** What a Discord message carries for an answer: either embeds, or plain content where embeds cannot be sent. */
export interface RenderedMessage {
  content?: string;
  embeds: APIEmbed[];
}

export interface RenderOptions {
  /** False where the bot may not send embeds (no Embed Links permission): everything goes into `content`. */
  embeds: boolean;
  /** Example questions, shown when nothing was found. */
  examples?: readonly string[];
}

const FOUND_COLOR = 0x2b8a3e;
const NOT_FOUND_COLOR = 0x868e96;

export function renderAnswer(answer: Answer, options: RenderOptions): RenderedMessage {
  if (!options.embeds) return { content: renderPlainText(answer, options.examples ?? []), embeds: [] };
  return { embeds: [renderEmbed(answer, options.examples ?? [])] };
}

export function renderEmbed(answer: Answer, examples: readonly string[] = []): APIEmbed {
  const [best, ...others] = answer.citations;
  const fields: APIEmbedField[] = [];
  let embed: APIEmbed;
  if (answer.found && best) {
    embed = {
      color: FOUND_COLOR,
      title: cutText(escapeDiscord(citationLabel(best)), LIMITS.title),
      description: quoteMarkdown(answer, LIMITS.description),
    };
    if (best.url) embed.url = best.url;
    pushField(fields, 'See also', others.map(linkedLabel));
  } else {
    embed = { color: NOT_FOUND_COLOR, title: NOT_FOUND_TITLE, description: escapeDiscord(answer.text) };
    pushField(fields, 'Closest notes', answer.citations.map(linkedLabel));
    pushField(fields, 'Try asking', examples.map((example) => `• ${escapeDiscord(example)}`));
  }
  if (fields.length > 0) embed.fields = fields;
  embed.footer = { text: cutText(footerText(answer), LIMITS.footer) };
  return fitEmbed(embed);
}

export function renderPlainText(answer: Answer, examples: readonly string[] = []): string {
  const [best, ...others] = answer.citations;
  let header: string;
  let body: string;
  const trailer: string[] = [];
  if (answer.found && best) {
    const age = updatedAgo(best);
    header = `**${escapeDiscord(citationLabel(best))}**${age ? ` *(${age})*` : ''}${best.url ? ` <${best.url}>` : ''}`;
    body = quoteMarkdown(answer, LIMITS.content);
    if (others.length > 0) trailer.push(`See also: ${others.map(plainLabel).join(' · ')}`);
    const stale = staleNotice(answer);
    if (stale) trailer.push(escapeDiscord(stale));
  } else {
    header = escapeDiscord(answer.text);
    body = '';
    if (answer.citations.length > 0) trailer.push(`Closest notes: ${answer.citations.map(plainLabel).join(' · ')}`);
    if (examples.length > 0) trailer.push(`Try asking: ${examples.map(escapeDiscord).join(' · ')}`);
  }
  const head = cutText(header, 400);
  const tail = trailer.map((line) => cutText(line, 400)).join('\n');
  const room = LIMITS.content - head.length - tail.length - 2;
  const parts = [head, body === '' ? '' : cutAtLine(body, room), tail].filter((part) => part !== '');
  return cutAtLine(parts.join('\n'), LIMITS.content);
}

/** How to ask, with a few examples from the notes. */
export function renderHelp(text: string, examples: readonly string[]): string {
  const lines = [text];
  if (examples.length > 0) lines.push(EXAMPLES_TITLE, ...examples.map((example) => `• ${escapeDiscord(example)}`));
  return cutAtLine(lines.join('\n'), LIMITS.content);
}

/** The top knowledge gaps as Discord Markdown, within one message. */
export function renderGaps(gaps: readonly KnowledgeGap[]): string {
  if (gaps.length === 0) return NO_GAPS;
  const lines = [gapsHeading(gaps.length, DISCORD), ...gaps.flatMap((gap, i) => ['', ...gapLines(gap, i, DISCORD)])];
  return cutAtLine(lines.join('\n'), LIMITS.content);
}

/** The quote as Discord Markdown within `max` characters. */
function quoteMarkdown(answer: Answer, max: number): string {
  return quoteFor(answer, (markdown, highlights) => toDiscordMarkdown(markdown, { highlights }), max);
}

function footerText(answer: Answer): string {
  const age = answer.found && answer.citations[0] ? updatedAgo(answer.citations[0]) : undefined;
  const source = answer.found ? `From your team's notes${age ? ` (${age})` : ''}` : "Searched your team's notes";
  const stale = staleNotice(answer);
  const text = answer.lookedFor.length > 0 ? `${source} · looked for: ${answer.lookedFor.join(', ')}` : source;
  return stale ? `${stale}\n${text}` : text;
}

const linkedLabel = (citation: Citation): string => citationLink(citation, DISCORD);

function plainLabel(citation: Citation): string {
  const label = escapeDiscord(cutText(citationLabel(citation), 200));
  return citation.url ? `${label} <${citation.url}>` : label;
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
