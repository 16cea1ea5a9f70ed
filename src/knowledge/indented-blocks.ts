import { CodeFences } from './comments.js';
import { frontMatterLength } from './markdown.js';

/**
 * MkDocs sites (Python-Markdown's admonitions and the Material theme's tabs) write a box's text indented under its
 * opening line: `!!! warning "Never run FLUSHALL"`, `??? tip "Checking lag"` (folded) or `=== "Staging"` (a tab), and
 * then the text, four spaces in. Read as CommonMark, that text is an indented code block: a list in it is no list, and
 * a quote of it keeps the indent. The site shows it as ordinary text in a box, so lore reads it so: each line of the
 * body loses the four spaces, and keeps its number. Boxes nest; each level loses its four spaces in turn.
 */

/** The first line of an MkDocs admonition or tab: `!!! warning "Never run FLUSHALL"`, `??? tip`, `=== "Staging"`. */
export const BOX_TITLE = /^(\s*)(?:!!!|\?\?\?\+?|===)[ \t]+\S/;
const BODY_INDENT = 4;
const MAY_HOLD_BLOCKS = /^\s*(?:!!!|\?\?\?\+?|===)[ \t]/m;

/** The note with the bodies of MkDocs admonitions and tabs moved out of their indent (see above); the same string when it has none. */
export function withIndentedBlocksRead(text: string): string {
  if (!MAY_HOLD_BLOCKS.test(text)) return text;
  const start = frontMatterLength(text);
  const lines = text.slice(start).split('\n');
  const code = new CodeFences();
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (code.isCode(line)) continue;
    const opener = BOX_TITLE.exec(line);
    if (!opener) continue;
    const body = (opener[1] ?? '').length + BODY_INDENT;
    let end = i + 1;
    while (end < lines.length && (isBlank(lines[end]) || indentOf(lines[end] ?? '') >= body)) end++;
    // Blank lines after the body belong to what follows it.
    while (end > i + 1 && isBlank(lines[end - 1])) end--;
    for (let j = i + 1; j < end; j++) {
      const bodyLine = lines[j] ?? '';
      if (!isBlank(bodyLine)) lines[j] = outdented(bodyLine);
    }
    changed ||= end > i + 1;
  }
  return changed ? text.slice(0, start) + lines.join('\n') : text;
}

/** The line less one level of indent: a tab, or four spaces. */
function outdented(line: string): string {
  if (line.startsWith('\t')) return line.slice(1);
  let spaces = 0;
  while (spaces < BODY_INDENT && line[spaces] === ' ') spaces++;
  return line[spaces] === '\t' && spaces < BODY_INDENT ? line.slice(spaces + 1) : line.slice(spaces);
}

function isBlank(line: string | undefined): boolean {
  return (line ?? '').trim() === '';
}

/** Columns of leading white space, a tab counting as four, as Markdown counts them. */
function indentOf(line: string): number {
  let columns = 0;
  for (const ch of line) {
    if (ch === ' ') columns++;
    else if (ch === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return columns;
}
