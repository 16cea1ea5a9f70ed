import { FENCE } from './comments.js';

/**
 * A line that is one HTML element of text, as wiki exports and docs sites write them (`<p>Releases are cut every
 * <strong>Tuesday</strong>.</p>`, `<li>Freeze the branch.</li>`, `<dt>Release captain</dt>`), read as the Markdown
 * line it shows: a paragraph, a list item, a bold term, a heading. Left as HTML, such lines run together into one
 * HTML block, quoted whole with their tags. Only a line the element opens and closes is read so (a list item's close
 * may be left out, as HTML allows), so every line keeps its number. An element that runs on over lines of one
 * paragraph (`htmlElementAt`) is read line by line, each line as the text it shows.
 */

const LINE_ELEMENT = /^\s*<(p|li|dt|dd|h[1-6])(?:\s[^<>]*)?>(.*?)(?:<\/\1\s*>)?\s*$/i;
/** Another element of block level on the same line: the line is more than one element, and is left as written. */
const BLOCK_TAG = /<\/?(?:p|li|dt|dd|h[1-6]|ul|ol|dl|div|table|tr|td|th|pre|blockquote)\b/i;
const TAG = /<\/?[A-Za-z][\w.-]*(?:\s(?:[^<>"']|"[^"]*"|'[^']*')*)?\/?>/g;
/** An element of text opened at the start of a line. */
const OPEN_ELEMENT = /^\s*<(p|li|dt|dd)(?:\s[^<>]*)?>/i;
/** Text a reader sees: a letter or a digit. */
const SHOWS_TEXT = /[\p{L}\p{N}]/u;
/** How far an element may run on over lines before its close is taken for missing. */
const MAX_ELEMENT_LINES = 30;

/** The Markdown of a line that is one element of text (see above); undefined for any other line. */
export function markdownOfHtmlLine(line: string): string | undefined {
  const element = LINE_ELEMENT.exec(line);
  if (!element) return undefined;
  const name = (element[1] ?? '').toLowerCase();
  const inner = element[2] ?? '';
  // Another element on the line, or a heading left open, is more than this line shows.
  if (BLOCK_TAG.test(inner) || (name.startsWith('h') && !/<\/h[1-6]\s*>\s*$/i.test(line))) return undefined;
  const text = inlineMarkdown(inner);
  if (!SHOWS_TEXT.test(text)) return undefined;
  if (name.startsWith('h')) return `${'#'.repeat(Number(name.slice(1)))} ${text}`;
  return marked(name, [text])[0];
}

/**
 * An element of text opened on line `start` and closed on a later line of the same paragraph (`<p>Releases are cut
 * every Tuesday`, then `after the freeze.</p>`), as the lines `start..end` read as Markdown: the first line that
 * shows text takes the list marker or the bold of a term, and every line is the text it shows, its tags dropped, so
 * no `</p>` is quoted. Undefined where the element closes on its own line (`markdownOfHtmlLine`), or no close comes
 * before a blank line, a code fence, another block element or `MAX_ELEMENT_LINES`: such a line is left to the one-line reading.
 */
export function htmlElementAt(lines: readonly string[], start: number): { end: number; lines: string[] } | undefined {
  const open = OPEN_ELEMENT.exec(lines[start] ?? '');
  const name = open?.[1]?.toLowerCase();
  if (!open || !name) return undefined;
  const close = new RegExp(String.raw`</${name}\s*>\s*$`, 'i');
  const rest = (lines[start] ?? '').slice(open[0].length);
  if (BLOCK_TAG.test(rest)) return undefined;
  let end = -1;
  const last = Math.min(lines.length, start + MAX_ELEMENT_LINES);
  for (let i = start + 1; i < last; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '' || FENCE.test(line)) return undefined;
    const closed = close.exec(line);
    const before = closed ? line.slice(0, closed.index) : line;
    if (BLOCK_TAG.test(before)) return undefined;
    if (closed) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const texts = [rest, ...lines.slice(start + 1, end), (lines[end] ?? '').replace(close, '')].map(inlineMarkdown);
  if (!texts.some((text) => SHOWS_TEXT.test(text))) return undefined;
  return { end, lines: marked(name, texts) };
}

/**
 * The lines of an element's text as Markdown shows that element: a list item with a marker on its first line of text,
 * a term in bold from its first line of text to its last (unless it is bold already), any other as it is.
 */
function marked(name: string, texts: readonly string[]): string[] {
  const shown = [...texts];
  const first = shown.findIndex((text) => SHOWS_TEXT.test(text));
  const last = shown.findLastIndex((text) => text !== '');
  if (name === 'li') shown[first] = `- ${shown[first] ?? ''}`;
  if (name === 'dt' && !/^\*\*.*\*\*$/.test(shown.join('\n'))) {
    shown[first] = `**${shown[first] ?? ''}`;
    shown[last] = `${shown[last] ?? ''}**`;
  }
  // A paragraph's end is kept as a Markdown hard break, two spaces no reader sees: the next element's line follows
  // with no blank line between them (every line keeps its number), and the quote still reads each as a piece of its own.
  if ((name === 'p' || name === 'dd') && last >= 0) shown[last] = `${shown[last] ?? ''}${HARD_BREAK}`;
  return shown;
}

const HARD_BREAK = '  ';

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
