import { Lexer, Tokenizer, type MarkedOptions } from 'marked';

// marked reads some Markdown in more than linear time: lists and quotes nested by recursion, and runs of inline
// markup (`*`, `_`, `[`, `](`, `!`) by rescanning. Text past these limits is read as plain text instead. One block
// pattern of its own is mended instead (`withLinearFenceLookahead`), and its setext headings are bounded
// (`withBoundedSetextHeadings`).

/**
 * Leading blanks and list or quote markers on one line beyond which Markdown is read as plain text, by the
 * chunker and by the chat renderers alike. Real outlines stay far below it (ten levels deep is 20 to 40
 * characters); marked's lexer reads each level by recursion, scanning the rest of the line again at every
 * level, so a line of thousands of nested markers costs seconds and then overflows the stack.
 */
const MAX_LINE_PREFIX = 200;

/** Whether any line opens with more than MAX_LINE_PREFIX characters of blanks and list or quote markers. */
export function nestsTooDeep(text: string): boolean {
  for (let start = 0; start !== -1 && start < text.length; start = nextLine(text, start)) {
    if (linePrefixLength(text, start) > MAX_LINE_PREFIX) return true;
  }
  return false;
}

/**
 * Lines, and characters, of plain text one list item may run on for, with no blank line, beyond which a note is read
 * as plain text. marked reads each such line as a text token of its own and joins it to the item's text so far in a
 * way that copies that text again, a cost of lines × characters: an item of 50,000 lines ("Q:" over and over) took
 * 9 s, 80,000 took 34 s, and 1,000 lines of 1,000 characters 3.9 s. Real items run on for a few lines.
 */
const MAX_ITEM_LINES = 1_000;
const MAX_ITEM_CHARS = 100_000;
const LIST_ITEM = /^[ \t]*(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$)/;
const FENCE = /^[ \t]*(?:`{3,}|~{3,})/;
const TABLE_ROW = /^[ \t]*\|/;

/**
 * Whether a list item runs on for more than `MAX_ITEM_LINES` lines or `MAX_ITEM_CHARS` characters of text; fenced
 * code and table rows are not counted.
 */
export function listItemRunsTooLong(text: string): boolean {
  let inItem = false;
  let inFence = false;
  let lines = 0;
  let chars = 0;
  for (let start = 0; start !== -1 && start < text.length; start = nextLine(text, start)) {
    const end = text.indexOf('\n', start);
    const line = end === -1 ? text.slice(start) : text.slice(start, end);
    if (FENCE.test(line)) inFence = !inFence;
    if (inFence || TABLE_ROW.test(line)) continue;
    if (line.trim() === '') lines = chars = 0;
    else if (LIST_ITEM.test(line)) {
      inItem = true;
      lines = chars = 0;
    } else if (inItem && (++lines > MAX_ITEM_LINES || (chars += line.length) > MAX_ITEM_CHARS)) return true;
  }
  return false;
}

function nextLine(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline === -1 ? -1 : newline + 1;
}

/**
 * The length of a line's opening run of spaces, tabs, `>`, and bullets or numbers followed by a blank; 0 when
 * the run holds no marker (a blank line, or indented code, however deep, nests nothing).
 */
function linePrefixLength(text: string, start: number): number {
  let i = start;
  let markers = 0;
  for (;;) {
    const char = text.charCodeAt(i);
    if (char === 32 || char === 9) {
      i++;
      continue;
    }
    if (char === 62 /* > */) {
      i++;
      markers++;
      continue;
    }
    const end = markerEnd(text, i);
    const after = text.charCodeAt(end);
    if (end === i || !(after === 32 || after === 9)) return markers > 0 ? i - start : 0;
    i = end;
    markers++;
  }
}

/** Where a bullet (`-`, `*`, `+`) or a number of up to nine digits with `.` or `)` at `i` ends; `i` when there is none. */
function markerEnd(text: string, i: number): number {
  const char = text.charCodeAt(i);
  if (char === 45 || char === 42 || char === 43) return i + 1;
  let end = i;
  while (end - i < 9 && isDigit(text.charCodeAt(end))) end++;
  const closer = text.charCodeAt(end);
  return end > i && (closer === 46 || closer === 41) ? end + 1 : i;
}

function isDigit(char: number): boolean {
  return char >= 48 && char <= 57;
}

/** Inline text at least this long is checked for markup (shorter text costs little however it is written). */
const MIN_CHECKED = 400;
/** The share of markup characters beyond which inline text is read as plain text; prose with links stays near 0.1. */
const MAX_MARKUP_SHARE = 0.25;
const MARKUP = new Set([...'*_~[]()!<>`\\'].map((char) => char.charCodeAt(0)));

/**
 * Whether Markdown outside code holds so much inline markup that marked would take seconds on it: runs such as
 * `[a](` or `*a ` repeated cost it time by the square or the cube of their length. Fenced code and code spans
 * are not counted, so a quote of code keeps its formatting.
 */
export function isMarkupHeavy(markdown: string): boolean {
  if (markdown.length < MIN_CHECKED) return false;
  const prose = markdown.replace(FENCED_CODE, '').replace(CODE_SPAN, '');
  if (prose.length < MIN_CHECKED) return false;
  let markup = 0;
  for (let i = 0; i < prose.length; i++) if (MARKUP.has(prose.charCodeAt(i))) markup++;
  return markup > MAX_MARKUP_SHARE * prose.length;
}

// The fence's run is taken whole through a look-ahead, which never gives back what it took: with `~{3,}[^\n]*` the
// two runs overlap, and a line of thousands of `~` with no line ending backtracked by the square of its length.
const FENCED_CODE = /^ {0,3}(?=(`{3,}|~{3,}))\1[^\n]*\n[\s\S]*?(?:^ {0,3}\1[ \t]*$|(?![\s\S]))/gm;
const CODE_SPAN = /`[^`\n]*`/g;

/** Where marked's block patterns look for a `~` fence that ends a paragraph, a table or a quote. */
const TILDE_FENCE_AHEAD = '~{3,})[^\\n]*\\n';
/** The same lines: whatever more `~` there are, `[^\n]*` takes them. */
const TILDE_FENCE_AHEAD_LINEAR = '~{3})[^\\n]*\\n';
const mended = new WeakMap<object, object>();

/**
 * marked's block rules with one pattern made linear. A paragraph, a table or a quote looks ahead for a `~` fence
 * that would end it with `~{3,}[^\n]*\n`; on a last line of thousands of `~` and no line ending after it (as the
 * inside of a quote always is), the two overlapping runs backtrack by the square of the line's length: 40,000 took
 * 0.7 s, 80,000 2.9 s. `~{3}[^\n]*\n` matches the very same lines in linear time.
 */
export function withLinearFenceLookahead<Rules extends object>(rules: Rules): Rules {
  const known = mended.get(rules);
  if (known) return known as Rules;
  const linear = Object.fromEntries(
    Object.entries(rules).map(([name, rule]) =>
      rule instanceof RegExp && rule.source.includes(TILDE_FENCE_AHEAD) ? [name, new RegExp(rule.source.replaceAll(TILDE_FENCE_AHEAD, TILDE_FENCE_AHEAD_LINEAR), rule.flags)] : [name, rule],
    ),
  ) as Rules;
  mended.set(rules, linear);
  return linear;
}

/** The most lines of text a setext heading (a paragraph over `===` or `---`) may have; real ones have one or two. */
const MAX_SETEXT_LINES = 64;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;

/**
 * Whether a setext underline closes a paragraph at the start of `src` within `MAX_SETEXT_LINES` lines, before a
 * blank line. marked looks for one at every line of a tight list item's text, reading on to the end of the item
 * each time: an item of thousands of lines cost the square of its length (160,000 characters took 21 s). When this
 * is false, marked's own look finds no heading either, but for a heading of more lines than that.
 */
export function maySetextHeadingOpen(src: string): boolean {
  let start = src.indexOf('\n') + 1;
  for (let line = 1; start > 0 && line <= MAX_SETEXT_LINES; line++) {
    const end = src.indexOf('\n', start);
    const text = end === -1 ? src.slice(start) : src.slice(start, end);
    if (SETEXT_UNDERLINE.test(text)) return true;
    if (text.trim() === '') return false;
    start = end + 1;
  }
  return false;
}

/** A tokenizer whose setext headings are looked for only where `maySetextHeadingOpen` says one may close. */
export function withBoundedSetextHeadings<T extends { lheading(src: string): unknown }>(tokenizer: T): T {
  const lheading = tokenizer.lheading.bind(tokenizer);
  tokenizer.lheading = ((src: string) => (maySetextHeadingOpen(src) ? lheading(src) : undefined)) as T['lheading'];
  return tokenizer;
}

/** A marked lexer with both mends above, for every reading of a note (the chunker's and the renderers'). */
export function mendedLexer(options: MarkedOptions): { lexer: Lexer; tokenizer: Tokenizer } {
  const tokenizer = withBoundedSetextHeadings(new Tokenizer());
  const lexer = new Lexer({ ...options, tokenizer });
  // The lexer gives the tokenizer its rules: they are mended after.
  tokenizer.rules = { ...tokenizer.rules, block: withLinearFenceLookahead(tokenizer.rules.block) };
  return { lexer, tokenizer };
}
