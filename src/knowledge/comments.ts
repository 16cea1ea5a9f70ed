import { frontMatterLength } from './markdown.js';

/**
 * What a note hides from its readers: HTML comments (`<!-- … -->`), which no Markdown view shows, Obsidian's comments
 * (`%% … %%`), which its reading view hides, and the block properties Logseq keeps for itself. Authors keep drafts,
 * to-dos and remarks in comments that were never meant to be read, so lore neither finds nor quotes them. Each is
 * blanked with spaces, its line breaks kept, so every line keeps its number and a citation still points at the line
 * as the file has it. Code is left as written: a fenced block or a `code span` may show a comment's syntax (`printf
 * "%%"`, an HTML example), and that is its text.
 */

export const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/** Told a note's lines in order, says which are code: a fence line, or a line of a fenced block. */
export class CodeFences {
  private open: string | undefined;

  /** Whether `line`, the next line of the note, is code. */
  isCode(line: string): boolean {
    const marker = FENCE.exec(line)?.[1];
    if (this.open !== undefined) {
      if (marker !== undefined && marker[0] === this.open[0] && marker.length >= this.open.length) this.open = undefined;
      return true;
    }
    this.open = marker;
    return marker !== undefined;
  }
}
const FENCE_LINES = /\n[ \t]{0,3}(?:`{3,}|~{3,})/g;
const OPENERS = [
  { open: '<!--', close: '-->' },
  { open: '%%', close: '%%' },
] as const;

/**
 * Block properties Logseq writes for itself and never shows: whether a block is folded, and the id a reference to it
 * uses (`collapsed:: true`, `id:: 6612a0f3-…`).
 */
const UI_PROPERTY = /^[ \t]*(?:collapsed:: (?:true|false)|id:: [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})[ \t]*$/gm;

/** The note with its comments, and Logseq's own block properties, blanked (see above); the same string when it holds none. */
export function withoutComments(text: string): string {
  const shown = text.includes('::') ? text.replace(UI_PROPERTY, (line) => ' '.repeat(line.length)) : text;
  return withoutMarkedComments(shown);
}

function withoutMarkedComments(text: string): string {
  if (!text.includes('<!--') && !text.includes('%%')) return text;
  const chars = text.split('');
  const fences = fenceLineStarts(text);
  const closes: number[] = OPENERS.map(() => -2);
  const code = new CodeFences();
  // The body starts past the front matter, which is YAML, not Markdown ("%%" may be a value there).
  let lineStart = frontMatterLength(text);
  let i = lineStart;
  while (i < text.length) {
    if (i === lineStart) {
      const lineEnd = endOfLine(text, i);
      if (code.isCode(text.slice(i, lineEnd))) {
        i = lineStart = lineEnd + 1;
        continue;
      }
    }
    const ch = text[i];
    if (ch === '\n') {
      i = lineStart = i + 1;
      continue;
    }
    if (ch === '`') {
      i = pastCodeSpan(text, i);
      continue;
    }
    const kind = OPENERS.findIndex(({ open }) => text.startsWith(open, i));
    const comment = OPENERS[kind];
    if (!comment) {
      i++;
      continue;
    }
    // Each kind's next close is looked for once and kept while it lies ahead: a note of many unclosed openers is
    // still read in one pass.
    let end = closes[kind] ?? -2;
    if (end !== -1 && end < i + comment.open.length) end = closes[kind] = text.indexOf(comment.close, i + comment.open.length);
    // An opener with no close before the next code fence is no comment: "at 100%%", then a block that prints "%%".
    if (end === -1 || fenceBetween(fences, i, end)) {
      i++;
      continue;
    }
    const after = end + comment.close.length;
    for (let j = i; j < after; j++) if (chars[j] !== '\n') chars[j] = ' ';
    i = after;
    const lastBreak = text.lastIndexOf('\n', after - 1);
    // A comment that ends mid-line leaves the rest of that line to be read; the next line starts afresh.
    if (lastBreak >= lineStart) lineStart = -1;
  }
  return chars.join('');
}

/** Where each line that looks like a code fence starts, in order. */
function fenceLineStarts(text: string): number[] {
  const starts: number[] = [];
  for (const match of text.matchAll(FENCE_LINES)) starts.push(match.index + 1);
  return starts;
}

/** Whether a fence line starts after `from` and before `to` (`starts` in order). */
function fenceBetween(starts: readonly number[], from: number, to: number): boolean {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((starts[middle] ?? 0) <= from) low = middle + 1;
    else high = middle;
  }
  return low < starts.length && (starts[low] ?? Infinity) < to;
}

function endOfLine(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

/** Past a code span that opens at `from` (its closing run of as many backticks, on the same line); else past the run. */
function pastCodeSpan(text: string, from: number): number {
  let run = from;
  while (text[run] === '`') run++;
  const ticks = text.slice(from, run);
  const lineEnd = endOfLine(text, run);
  let at = text.indexOf(ticks, run);
  while (at !== -1 && at < lineEnd) {
    let next = at + ticks.length;
    if (text[next] !== '`' && text[at - 1] !== '`') return next;
    while (text[next] === '`') next++;
    at = text.indexOf(ticks, next);
  }
  return run;
}
