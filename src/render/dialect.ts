import type { MarkedToken, Token, Tokens } from 'marked';
import { isFootnoteDefinition, isFootnoteReference } from './footnotes.js';
import { isMarkupHeavy, nestsTooDeep } from '../markdown-limits.js';
import { highlighter, noteText, parseNote, plainText } from './markdown.js';
import { withBoxTitles } from './box-titles.js';

/** Where in the text a piece of inline content sits. */
export interface InlineState {
  /** Inside bold (or a heading) already: highlights are not marked again. */
  readonly strong: boolean;
  /** Inside a link label: labels are not marked either. */
  readonly link: boolean;
}

/** A table cell's inline tokens. */
export type Cell = readonly Token[];

/** What a dialect's table and link hooks may render with. */
export interface Walker {
  inline(tokens: readonly Token[], state: InlineState): string;
}

/**
 * How one chat surface writes Markdown. Each hook gets its content already rendered (and escaped); the dialect
 * only adds its own markup around it.
 */
export interface Dialect {
  /** Note text made literal: nothing in it may become markup, a mention or a control sequence. */
  escape(text: string): string;
  /** Bold for a highlighted word, already escaped. */
  mark(text: string): string;
  strong(inner: string, outer: InlineState): string;
  em(inner: string): string;
  del(inner: string): string;
  codespan(code: string): string;
  /** `label` is rendered; `plain` is the label's text without markup. */
  link(href: string, label: string, plain: string, state: InlineState): string;
  image(href: string, alt: string, state: InlineState): string;
  heading(inner: string): string;
  code(code: string, lang: string): string[];
  /** What stands before each line of a block quote. */
  quotePrefix: string;
  hr: string;
  /** Rows of cells, the header row first. */
  table(rows: readonly (readonly Cell[])[], walker: Walker): string[];
  /** The marker of a list item, with the space after it. `depth` is 0 for a top-level list. */
  listMarker(ordered: boolean, number: number, depth: number): string;
  /** What a list item's later lines are indented by; `nested` for the lines of a list inside the item. */
  listIndent(marker: string, nested: boolean): string;
  /** A blank line between two paragraphs in a row. */
  paragraphGap: boolean;
}

export const OUTSIDE: InlineState = { strong: false, link: false };
export const IN_STRONG: InlineState = { strong: true, link: false };

const BULLETS = ['•', '◦', '▪'] as const;

/** A {@link Dialect.listMarker} for surfaces without list markup: `1.` numbers, and bullets that change with depth. */
export function bulletMarker(ordered: boolean, number: number, depth: number): string {
  return `${ordered ? `${number}.` : BULLETS[depth % BULLETS.length]} `;
}

/**
 * `text` between two `marker`s, placed inside any spaces around it: `*bold* ` rather than `*bold *`, which chat
 * dialects that want markup to hug its text (Slack's mrkdwn) show as it is. Blank text stays as it is.
 */
export function wrapOutsideSpaces(marker: string, text: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  const [, lead = '', core = '', trail = ''] = match ?? [];
  return core === '' ? text : `${lead}${marker}${core}${marker}${trail}`;
}

/**
 * A table as plain text in columns padded to the same width, with a rule of dashes under the header row: for a
 * dialect without tables, to show in a code block.
 */
export function alignedTable(cells: readonly (readonly Cell[])[]): string[] {
  const rows = cells.map((row) => row.map((cell) => plainText(cell).replace(/\s+/g, ' ').trim()));
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  const lines = rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ').trimEnd());
  if (lines.length > 1) lines.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('-|-'));
  return lines;
}

/** A note's Markdown in `dialect`, with `highlights` marked in bold wherever they stand as whole words in plain text. */
export function renderMarkdown(written: string, dialect: Dialect, highlights: readonly string[] = []): string {
  const markdown = withBoxTitles(written);
  if (nestsTooDeep(markdown) || isMarkupHeavy(markdown)) return asPlainText(markdown, dialect, highlights);
  const walker = new DialectWalker(dialect, highlights);
  let lines: string[];
  try {
    lines = walker.blocks(parseNote(markdown), 0);
  } catch (error) {
    // marked and the walker recurse by nesting; on a stack smaller than the check above allows for, the quote
    // is still shown.
    if (!(error instanceof RangeError)) throw error;
    return asPlainText(markdown, dialect, highlights);
  }
  // Footnotes as on GitHub: a reference reads `[1]`, and the definitions follow the text as a short list.
  if (walker.footnotes.length > 0) lines.push('', ...walker.footnotes);
  return lines.join('\n');
}

/** Markdown shown as the text it is written in, escaped for `dialect`, with `highlights` marked. */
function asPlainText(markdown: string, dialect: Dialect, highlights: readonly string[]): string {
  const highlight = highlighter(highlights, dialect.escape, dialect.mark);
  return markdown
    .split('\n')
    .map((line) => highlight(line.trimEnd()))
    .join('\n');
}

class DialectWalker implements Walker {
  private readonly highlight: (text: string) => string;
  /** Footnote definitions met so far, rendered: `[1] text`. */
  readonly footnotes: string[] = [];

  constructor(
    private readonly dialect: Dialect,
    highlights: readonly string[],
  ) {
    this.highlight = highlighter(highlights, dialect.escape, dialect.mark);
  }

  blocks(tokens: readonly Token[], depth: number): string[] {
    const lines: string[] = [];
    let previous: string | undefined;
    for (const token of tokens) {
      const rendered = this.block(token as MarkedToken, depth);
      if (rendered.length === 0) continue;
      if (this.dialect.paragraphGap && previous === 'paragraph' && token.type === 'paragraph') lines.push('');
      lines.push(...rendered);
      previous = token.type;
    }
    return lines;
  }

  private block(token: MarkedToken, depth: number): string[] {
    const { dialect } = this;
    const extension: Token = token;
    if (isFootnoteDefinition(extension)) {
      // One line each: a definition's continuation lines are soft breaks.
      this.footnotes.push(`${dialect.escape(`[${extension.label}]`)} ${this.inline(extension.tokens, OUTSIDE).replace(/\s*\n\s*/g, ' ')}`.trimEnd());
      return [];
    }
    switch (token.type) {
      case 'paragraph':
      case 'text':
        return this.inline(token.tokens ?? [{ type: 'text', raw: token.text, text: token.text }], OUTSIDE).split('\n');
      case 'heading':
        return [dialect.heading(this.inline(token.tokens, IN_STRONG))];
      case 'list':
        return this.list(token, depth);
      case 'code':
        return dialect.code(token.text, token.lang ?? '');
      case 'blockquote':
        return this.blocks(token.tokens, 0).map((line) => dialect.quotePrefix + line);
      case 'table':
        return dialect.table([token.header, ...token.rows].map((row) => row.map((cell) => cell.tokens)), this);
      case 'hr':
        return [dialect.hr];
      case 'html':
        return dialect.escape(token.text.trimEnd()).split('\n');
      case 'space':
      case 'def':
        return [];
      default:
        return dialect.escape(plainText([token])).split('\n');
    }
  }

  private list(list: Tokens.List, depth: number): string[] {
    const start = typeof list.start === 'number' ? list.start : 1;
    return list.items.flatMap((item, index) => {
      const marker = this.dialect.listMarker(list.ordered, start + index, depth);
      const box = item.task ? (item.checked ? '☑ ' : '☐ ') : '';
      const lines: string[] = [];
      for (const child of item.tokens) {
        const nested = child.type === 'list';
        const rendered = nested ? this.list(child as Tokens.List, depth + 1) : this.blocks([child], depth);
        const indent = this.dialect.listIndent(marker, nested);
        for (const line of rendered) {
          const indented = line === '' ? '' : indent + line;
          if (lines.length > 0) lines.push(indented);
          // An item that opens with a list has its marker on a line of its own.
          else if (nested) lines.push(`${marker}${box}`.trimEnd(), indented);
          else if (line !== '') lines.push(`${marker}${box}${line}`);
        }
      }
      return lines.length === 0 ? [`${marker}${box}`.trimEnd()] : lines;
    });
  }

  inline(tokens: readonly Token[], state: InlineState): string {
    return tokens.map((token) => this.phrase(token as MarkedToken, state)).join('');
  }

  private phrase(token: MarkedToken, state: InlineState): string {
    const { dialect } = this;
    const extension: Token = token;
    if (isFootnoteReference(extension)) return dialect.escape(extension.text);
    switch (token.type) {
      case 'text':
        if (token.tokens) return this.inline(token.tokens, state);
        return this.text(noteText(token.text), state);
      case 'escape':
        return this.text(token.text, state);
      case 'strong':
        return dialect.strong(this.inline(token.tokens, { ...state, strong: true }), state);
      case 'em':
        return dialect.em(this.inline(token.tokens, state));
      case 'del':
        return dialect.del(this.inline(token.tokens, state));
      case 'codespan':
        return dialect.codespan(codeSpanText(token));
      case 'br':
        return '\n';
      case 'link':
        return dialect.link(token.href, this.inline(token.tokens, { ...state, link: true }), plainText(token.tokens), state);
      case 'image':
        return dialect.image(token.href, token.text, state);
      default:
        return dialect.escape(plainText([token]));
    }
  }

  private text(value: string, state: InlineState): string {
    if (state.strong || state.link) return this.dialect.escape(value);
    // marked reads `<!channel>` as text where CommonMark reads raw HTML: such spans are shown, never marked.
    return value
      .split(/(<[^<>\n]*>)/)
      .map((part, index) => (index % 2 === 1 ? this.dialect.escape(part) : this.highlight(part)))
      .join('');
  }
}

/**
 * A code span's code. marked turns its line endings into spaces but keeps the indentation of the paragraph's later
 * lines, which CommonMark drops before reading the span.
 */
function codeSpanText(token: Tokens.Codespan): string {
  if (!token.raw.includes('\n')) return token.text;
  const code = token.raw.replace(/\n[ \t]+/g, '\n').replace(/^(`+)([\s\S]*)\1$/, '$2').replace(/\n/g, ' ');
  return /^ [\s\S]*\S[\s\S]* $/.test(code) ? code.slice(1, -1) : code;
}
