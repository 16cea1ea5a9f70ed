import { CodeFences, FENCE } from './comments.js';
import { htmlElementAt, markdownOfHtmlLine } from './html-lines.js';
import { htmlTableAt, HTML_TABLE_OPEN } from './html-tables.js';
import { frontMatterLength } from './markdown.js';

/**
 * Lines a docs site renders as nothing a reader reads: lines of HTML or JSX tags alone (`<TabItem value="cli">`,
 * `</details>`, `<img src="…">`), Hugo shortcodes (`{{< alert >}}`), Liquid and Jinja tags (`{% include … %}`), the
 * `:::` that closes a Docusaurus admonition, and MDX `import`/`export` lines. Teams point lore at such sites as they
 * are, and these lines would otherwise be quoted to the reader ("</TabItem>") and counted as words of the section
 * ("tabitem", "value"). Each is blanked with spaces, so every other line keeps its number and a citation still points
 * at the file's own lines. A line with words between its tags (`<summary>Why?</summary>`) is text and stays; so does
 * an admonition's opening line (`:::tip`, `:::caution Freeze`), which the site shows as the box's title, as a
 * `> [!NOTE]` callout's marker is kept. Code is left as written. A `<script>` or `<style>` element is blanked whole:
 * its content is code the page runs, never shown. A `<pre>` or `<code>` element is left as written: what it holds is
 * shown as code. A disclosure's `<summary>` line is read as the bold line the page shows (`**Why is search slow?**`),
 * so that one that asks is read as a FAQ's question is, with the text under it as its answer, also where it shares
 * its line with the `<details>` that opens it. A line that is one element of text (`<p>…</p>`, `<li>…`) is read as the
 * Markdown line it shows (`html-lines.ts`). An HTML table written over many lines is read as the Markdown table it
 * shows (`html-tables.ts`).
 */

/** One tag: a name, then attributes (quoted values and `{…}` JSX expressions may hold `<` or `>`). */
const TAG = String.raw`<\/?[A-Za-z][\w.-]*(?:\s(?:[^<>"'{}]|"[^"]*"|'[^']*'|\{[^{}]*\})*)?\/?>`;
const TAGS_ONLY = new RegExp(String.raw`^\s*(?:${TAG}\s*)+$`);
const SHORTCODES_ONLY = /^\s*(?:\{\{[<%].*?[%>]\}\}\s*)+$/;
const TEMPLATE_TAGS_ONLY = /^\s*(?:\{%-?.*?-?%\}\s*)+$/;
const ADMONITION_CLOSE = /^\s*:{3,}\s*$/;
const MODULE_LINE = /^(?:import\s.+\sfrom\s+(['"]).+\1|import\s+(['"]).+\2|export\s+(?:const|let|var|function|default)\s.*);?\s*$/;
/** The first line of an `import { a, b,` that runs on over lines, up to its `} from '…'`. */
const MODULE_OPEN = /^import\s+(?:[\w$]+\s*,\s*)?\{[^}]*$/;
const MODULE_CLOSE = /\}\s*from\s+(['"]).+\1;?\s*$/;
const HEADING = /^ {0,3}#{1,6}\s/;
/** The tags of an element whose lines are shown as written: its HTML block is read whole, and what it holds is code. */
const VERBATIM = /^\s*<\/?(?:pre|code|textarea)\b/i;
const SUMMARY = /^(\s*)(?:<details\b[^>]*>\s*)?<summary>\s*([^<>*_]*?)\s*<\/summary>\s*$/i;
const HIDDEN_ELEMENT = /^\s*<(script|style)\b[^>]*>/i;

/** Whether a note may hold markup worth looking for: a cheap test before reading it line by line. */
const MAY_HOLD_MARKUP = /<[A-Za-z/]|\{\{[<%]|\{%|^\s*:::|^(?:import|export)\s/m;

/** How far an `import {` may run on before it is taken for prose that happens to start so. */
const MODULE_MAX_LINES = 50;

/** The note with its markup-only lines blanked (see above); the same string when it holds none. */
export function withoutMarkup(text: string): string {
  if (!MAY_HOLD_MARKUP.test(text)) return text;
  const start = frontMatterLength(text);
  const lines = text.slice(start).split('\n');
  const closes = new Map<string, { stop: number; closed: boolean }>();
  const code = new CodeFences();
  let changed = false;
  const blank = (from: number, to: number): void => {
    for (let j = from; j <= to; j++) lines[j] = ' '.repeat(lines[j]?.length ?? 0);
    changed = true;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (code.isCode(line)) continue;
    const table = HTML_TABLE_OPEN.test(line) ? htmlTableAt(lines, i) : undefined;
    if (table) {
      lines.splice(i, table.lines.length, ...table.lines);
      changed = true;
      i = table.end;
      continue;
    }
    const summary = SUMMARY.exec(line);
    if (summary && (summary[2] ?? '') !== '') {
      lines[i] = `${summary[1] ?? ''}**${summary[2] ?? ''}**`;
      changed = true;
      continue;
    }
    const element = htmlElementAt(lines, i);
    if (element) {
      lines.splice(i, element.lines.length, ...element.lines);
      changed = true;
      i = element.end;
      continue;
    }
    const shown = markdownOfHtmlLine(line);
    if (shown !== undefined) {
      lines[i] = shown;
      changed = true;
      continue;
    }
    const end = markupEnd(i);
    if (end !== undefined) {
      blank(i, end);
      i = end;
    }
  }
  return changed ? text.slice(0, start) + lines.join('\n') : text;

  /** The last line of the markup that starts at line `i`, if it does. */
  function markupEnd(i: number): number | undefined {
    const line = lines[i] ?? '';
    const hidden = HIDDEN_ELEMENT.exec(line)?.[1]?.toLowerCase();
    if (hidden !== undefined) return closeOf(hidden, i) ?? (TAGS_ONLY.test(line) ? i : undefined);
    if (MODULE_OPEN.test(line)) {
      const last = Math.min(lines.length, i + MODULE_MAX_LINES);
      for (let j = i + 1; j < last; j++) if (MODULE_CLOSE.test(lines[j] ?? '')) return j;
      return undefined;
    }
    const markup = (TAGS_ONLY.test(line) && !VERBATIM.test(line)) || SHORTCODES_ONLY.test(line) || TEMPLATE_TAGS_ONLY.test(line) || ADMONITION_CLOSE.test(line) || MODULE_LINE.test(line);
    return markup ? i : undefined;
  }

  /**
   * The line that closes a `<script>` or `<style>` opened on line `i`, if one does before the next heading or code
   * fence. Where each kind's look ahead stopped is kept while it lies ahead, so a note of many unclosed openers is
   * still read in one pass.
   */
  function closeOf(element: string, i: number): number | undefined {
    const close = new RegExp(String.raw`</${element}\s*>`, 'i');
    const line = lines[i] ?? '';
    if (close.test(line)) return line.replace(new RegExp(String.raw`<${element}\b[\s\S]*?</${element}\s*>`, 'gi'), '').trim() === '' ? i : undefined;
    let scan = closes.get(element);
    if (scan === undefined || scan.stop <= i) {
      scan = { stop: lines.length, closed: false };
      for (let j = i + 1; j < lines.length; j++) {
        const next = lines[j] ?? '';
        const closed = close.test(next);
        if (closed || FENCE.test(next) || HEADING.test(next)) {
          scan = { stop: j, closed };
          break;
        }
      }
      closes.set(element, scan);
    }
    return scan.closed ? scan.stop : undefined;
  }
}
