/**
 * A line that is one HTML element of text, as wiki exports and docs sites write them (`<p>Releases are cut every
 * <strong>Tuesday</strong>.</p>`, `<li>Freeze the branch.</li>`, `<dt>Release captain</dt>`), read as the Markdown
 * line it shows: a paragraph, a list item, a bold term, a heading. Left as HTML, such lines run together into one
 * HTML block, quoted whole with their tags. Only a line the element opens and closes is read so (a list item's close
 * may be left out, as HTML allows), so every line keeps its number.
 */

const LINE_ELEMENT = /^\s*<(p|li|dt|dd|h[1-6])(?:\s[^<>]*)?>(.*?)(?:<\/\1\s*>)?\s*$/i;
/** Another element of block level on the same line: the line is more than one element, and is left as written. */
const BLOCK_TAG = /<\/?(?:p|li|dt|dd|h[1-6]|ul|ol|dl|div|table|tr|td|th|pre|blockquote)\b/i;
const TAG = /<\/?[A-Za-z][\w.-]*(?:\s(?:[^<>"']|"[^"]*"|'[^']*')*)?\/?>/g;

/** The Markdown of a line that is one element of text (see above); undefined for any other line. */
export function markdownOfHtmlLine(line: string): string | undefined {
  const element = LINE_ELEMENT.exec(line);
  if (!element) return undefined;
  const name = (element[1] ?? '').toLowerCase();
  const inner = element[2] ?? '';
  // Another element on the line, or a heading left open, is more than this line shows.
  if (BLOCK_TAG.test(inner) || (name.startsWith('h') && !/<\/h[1-6]\s*>\s*$/i.test(line))) return undefined;
  const text = inlineMarkdown(inner);
  if (!/[\p{L}\p{N}]/u.test(text)) return undefined;
  if (name === 'li') return `- ${text}`;
  if (name === 'dt') return /^\*\*.*\*\*$/.test(text) ? text : `**${text}**`;
  if (name.startsWith('h')) return `${'#'.repeat(Number(name.slice(1)))} ${text}`;
  return text;
}

/** Inline HTML as Markdown writes it: bold, italics, code and links kept, other tags dropped. */
function inlineMarkdown(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<(strong|b)>(.*?)<\/\1>/gi, '**$2**')
    .replace(/<(em|i)>(.*?)<\/\1>/gi, '*$2*')
    .replace(/<code>(.*?)<\/code>/gi, '`$1`')
    .replace(/<a\s[^<>]*?href\s*=\s*"([^"]*)"[^<>]*>(.*?)<\/a>/gi, '[$2]($1)')
    .replace(TAG, '')
    .replace(/\s+/g, ' ')
    .trim();
}
