import { IN_STRONG, OUTSIDE, bulletMarker, renderMarkdown, wrapOutsideSpaces as wrap, type Dialect, type InlineState } from '../../render/dialect.js';

/**
 * Escapes text for Slack mrkdwn: `&`, `<` and `>` become entities, so nothing in it can become a link or a
 * mention, and broadcast words (@channel, @here, @everyone) get an invisible word joiner so they never ping.
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/(?<![\p{L}\p{N}_])@(channel|here|everyone)(?![\p{L}\p{N}_])/giu, '@\u2060$1');
}

/**
 * Converts a note's Markdown (CommonMark + GFM) to Slack mrkdwn: **bold** → *bold*, [text](url) → <url|text>,
 * lists keep their bullets and nesting, code stays code. All note text is escaped; only http(s) and mailto
 * links become links. `highlights` are marked in bold wherever they appear as whole words (case-insensitive).
 */
export function markdownToMrkdwn(markdown: string, highlights: readonly string[] = []): string {
  return renderMarkdown(markdown, MRKDWN, highlights).replace(/\n{3,}/g, '\n\n').trim();
}

export const MRKDWN: Dialect = {
  escape: escapeMrkdwn,
  mark: (text) => `*${text}*`,
  // Slack cannot nest `*`.
  strong: (inner, outer) => (outer.strong ? inner : wrap('*', inner)),
  em: (inner) => wrap('_', inner),
  del: (inner) => wrap('~', inner),
  codespan: (code) => (code === '' ? '' : `\`${escapeMrkdwn(code.replace(/`/g, 'ˋ'))}\``),
  link: (href, _label, plain, state) => link(href, plain, state),
  image: (href, alt, state) => link(href, alt || 'image', state),
  heading: (inner) => wrap('*', inner),
  code: (code) => [`\`\`\`\n${escapeMrkdwn(code)}\n\`\`\``],
  quotePrefix: '> ',
  hr: '───',
  table: (rows, walker) =>
    rows.map((row, index) => row.map((cell) => (index === 0 ? wrap('*', walker.inline(cell, IN_STRONG)) : walker.inline(cell, OUTSIDE))).join(' │ ')),
  listMarker: bulletMarker,
  listIndent: (_marker, nested) => (nested ? '    ' : '  '),
  paragraphGap: true,
};

function link(url: string, label: string, state: InlineState): string {
  const target = safeUrl(url);
  const text = escapeMrkdwn(label.trim());
  if (target === undefined || state.link) return text || escapeMrkdwn(url);
  if (text === '' || label.trim() === url) return `<${target}>`;
  return `<${target}|${text}>`;
}

/** Only absolute web and mail links are linked; anything else (relative paths, `javascript:`) stays text. */
function safeUrl(url: string): string | undefined {
  if (!/^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i.test(url)) return undefined;
  return url.replace(/[<>|"\s]/g, (char) => encodeURIComponent(char)).replace(/&/g, '&amp;');
}
