// marked reads some Markdown in more than linear time: lists and quotes nested by recursion, and runs of inline
// markup (`*`, `_`, `[`, `](`, `!`) by rescanning. Text past these limits is read as plain text instead. One block
// pattern of its own is mended instead (`withLinearFenceLookahead`).

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
