import { alignedTable, renderMarkdown, type Dialect } from '../../render/dialect.js';

/**
 * Converts a note's Markdown (CommonMark + GFM) into the Markdown dialect Discord renders in messages and embeds:
 * headings become bold lines, tables become code blocks, task items get boxes, and any text that Discord would read
 * as markup (`*`, `_`, `|`, `<@…>`, …) is escaped. `highlights` are marked in bold wherever they appear as whole words.
 */
export function toDiscordMarkdown(markdown: string, highlights: readonly string[] = []): string {
  return renderMarkdown(markdown, DISCORD, highlights).trim();
}

/** Escapes text so Discord shows it literally (no markup, no mention pills, no headings or quotes). */
export function escapeDiscord(text: string): string {
  return text.replace(/[\\*_~`|>#[\]]|<(?=[@#:/]|a:|t:)/g, '\\$&').replace(/^(\s*)-(?=\s)/gm, '$1\\-');
}

const WEB_LINK = /^https?:\/\//i;

export const DISCORD: Dialect = {
  escape: escapeDiscord,
  mark: (text) => `**${text}**`,
  strong: (inner) => `**${inner}**`,
  em: (inner) => `*${inner}*`,
  del: (inner) => `~~${inner}~~`,
  codespan: inlineCode,
  link: (href, label, plain) => (!WEB_LINK.test(href) ? label : plain === href ? href : `[${label}](${href.replace(/\)/g, '%29')})`),
  image: (href, alt) => (WEB_LINK.test(href) ? `[${escapeDiscord(alt || 'image')}](${href})` : escapeDiscord(alt)),
  heading: (inner) => `**${inner}**`,
  code: fence,
  quotePrefix: '> ',
  hr: '───',
  // Discord has no tables: they are shown aligned in a code block, where nothing needs escaping.
  table: (cells) => fence(alignedTable(cells).join('\n'), ''),
  listMarker: (ordered, number) => (ordered ? `${number}. ` : '- '),
  listIndent: (marker) => ' '.repeat(marker.length),
  paragraphGap: false,
};

function fence(value: string, lang: string): string[] {
  // A ``` inside the code would close the block early; a zero-width space keeps it visible but inert.
  const body = value.replace(/```/g, '`\u200b``');
  return [`\`\`\`${/^[\w+-]+$/.test(lang) ? lang : ''}`, ...body.split('\n'), '```'];
}

function inlineCode(value: string): string {
  if (!value.includes('`')) return `\`${value}\``;
  return `\`\` ${value.replace(/``/g, '`\u200b`')} \`\``;
}
