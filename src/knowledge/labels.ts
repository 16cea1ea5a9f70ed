import type { Block } from './markdown.js';

const MAX_LABEL = 60;

/**
 * A short name for a bullet, used in section paths: its bold lead-in, the words before a dash or colon,
 * or its first words.
 */
export function bulletLabel(item: Block): string | undefined {
  if (item.lead) return truncate(item.lead.replace(/[:：]$/, ''));
  const text = item.text ?? '';
  const lead = /^(.{2,60}?)\s+[-–—]\s|^(.{2,60}?):\s/.exec(text);
  const label = lead?.[1] ?? lead?.[2] ?? text;
  return label ? truncate(label.replace(/[:：]$/, '')) : undefined;
}

/** A short paragraph that is all bold or italic acts as a heading for what follows it. */
export function pseudoHeading(block: Block): string | undefined {
  if (block.kind !== 'paragraph' || !block.emphasisOnly) return undefined;
  const text = block.text ?? '';
  return text.length > 0 && text.length <= 160 ? text : undefined;
}

/** A line that is nothing but bold or italic text: `**Why is search slow on Mondays?**`. */
const EMPHASIS_LINE = /^\s*(?:\*\*([^*]+)\*\*|__([^_]+)__|\*([^*]+)\*|_([^_]+)_)\s*$/;

/**
 * A paragraph whose first line is all bold or italic and whose text goes on below it ("**Why is search slow?**" and
 * the answer on the next line, no blank line between): that line heads what follows it, as a short paragraph that
 * is all bold does. `firstLine` is the paragraph's first line as written.
 */
export function openingHeading(block: Block, firstLine: string): string | undefined {
  if (block.kind !== 'paragraph' || block.endLine === block.startLine || block.emphasisOnly) return undefined;
  const match = EMPHASIS_LINE.exec(firstLine);
  const emphasised = match ? (match[1] ?? match[2] ?? match[3] ?? match[4] ?? '').trim() : undefined;
  const title = block.lead ?? emphasised;
  return emphasised && title && title.length <= 160 ? title : undefined;
}

/** "Ways of running containers:" just before a list names that list. */
export function listIntro(block: Block | undefined): string | undefined {
  if (block?.kind !== 'paragraph') return undefined;
  const text = block.text ?? '';
  return text.length <= 120 && /[:：]$/.test(text) ? truncate(text.slice(0, -1)) : undefined;
}

function truncate(text: string): string {
  if (text.length <= MAX_LABEL) return text;
  const cut = text.slice(0, MAX_LABEL - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > 20 ? cut.slice(0, space) : cut}…`;
}

/** The longest first line read as a note's title. */
const MAX_TITLE = 80;

/**
 * The first line of a note with no headings, standing alone above the rest ("Standup notes - week 41", then a blank
 * line): its title, as a `#` heading would be in Markdown. Not a sentence (it ends in no stop), nor a label ("Owner:
 * …").
 */
export function titleLine(blocks: readonly Block[]): Block | undefined {
  const [first, next] = blocks;
  if (!first || !next || first.kind !== 'paragraph' || first.endLine !== first.startLine) return undefined;
  if (blocks.some((block) => block.kind === 'heading')) return undefined;
  const text = first.text ?? '';
  return text.length > 0 && text.length <= MAX_TITLE && !/[.!?:;,]\s*$/.test(text) && !text.includes(': ') ? first : undefined;
}
