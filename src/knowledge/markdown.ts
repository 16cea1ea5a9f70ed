import type { Lexer, Tokenizer, Token, Tokens } from 'marked';
import { isMarkupHeavy, mendedLexer } from '../markdown-limits.js';
import { countLines, trimmedLineCount } from './lines.js';

export type BlockKind = 'heading' | 'paragraph' | 'list' | 'item' | 'code' | 'table' | 'rule' | 'quote' | 'html' | 'other';

/** A block of a note with its exact 1-based line range. */
export interface Block {
  kind: BlockKind;
  startLine: number;
  endLine: number;
  /** Heading level, for headings. */
  depth?: number;
  /** Plain text of a heading or paragraph, or of an item's first paragraph. */
  text?: string;
  /** The bold or italic words a paragraph (or an item's first paragraph) starts with. */
  lead?: string;
  /** The paragraph is nothing but bold or italic text. */
  emphasisOnly?: boolean;
  /** Items of a list; blocks of an item or quote. */
  children: Block[];
}

export interface ParsedNote {
  /** YAML between the opening `---` lines, if any. */
  frontMatter?: string;
  blocks: Block[];
}

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;
const CARRIAGE_RETURN = /\r\n|\r/g;

/**
 * Parses a note into blocks with line ranges, using marked's lexer (CommonMark + GFM tables).
 * Front matter lines are blanked before lexing so that line numbers stay those of the file.
 */
export function parseNote(text: string): ParsedNote {
  const { frontMatter, body } = splitFrontMatter(text);
  const lexer = newLexer();
  const inline = InlineText.lex(lexer, body);
  return { frontMatter, blocks: toBlocks(inline.blocks, 1, inline) };
}

/**
 * A note read as plain paragraphs, each run of non-blank lines one, without headings, lists or any other
 * structure: for a note the Markdown reading cannot take (lists or quotes nested thousands deep).
 */
export function parsePlainNote(text: string): ParsedNote {
  const { frontMatter, body } = splitFrontMatter(text);
  const blocks: Block[] = [];
  const lines = body.replace(CARRIAGE_RETURN, '\n').split('\n');
  let start = -1;
  for (let i = 0; i <= lines.length; i++) {
    const blank = i === lines.length || (lines[i] as string).trim() === '';
    if (!blank && start === -1) start = i;
    if (!blank || start === -1) continue;
    const text = lines.slice(start, i).join(' ').replace(/\s+/g, ' ').trim();
    blocks.push({ kind: 'paragraph', startLine: start + 1, endLine: i, text, children: [] });
    start = -1;
  }
  return { frontMatter, blocks };
}

/** The YAML between a note's front-matter fences, if it opens with front matter. */
export function frontMatterText(text: string): string | undefined {
  return FRONT_MATTER.exec(text)?.[1];
}

/** How many characters the note's front matter takes, its closing line included; 0 when it has none. */
export function frontMatterLength(text: string): number {
  return FRONT_MATTER.exec(text)?.[0].length ?? 0;
}

/** The front matter, and the body with the front matter's lines left blank so that line numbers stay the file's. */
function splitFrontMatter(text: string): { frontMatter?: string; body: string } {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { body: text };
  return { frontMatter: match[1] ?? '', body: '\n'.repeat(countLines(match[0])) + text.slice(match[0].length) };
}

type OtherRules = Tokenizer['rules']['other'];
let cachedRules: { from: OtherRules; to: OtherRules } | undefined;

/**
 * A marked lexer whose list rules are built once per indentation rather than for every list item (marked
 * makes five new regular expressions per item otherwise). They are used with `test`/`exec` and no `g`
 * flag, so a shared one behaves exactly as a new one.
 */
function newLexer(): Lexer {
  const { lexer, tokenizer } = mendedLexer({ gfm: true });
  const other = tokenizer.rules.other;
  if (cachedRules?.from !== other) {
    const once = <K, V>(make: (key: K) => V) => {
      const made = new Map<K, V>();
      return (key: K) => {
        let value = made.get(key);
        if (value === undefined) made.set(key, (value = make(key)));
        return value;
      };
    };
    const to: OtherRules = {
      ...other,
      listItemRegex: once(other.listItemRegex),
      nextBulletRegex: once(other.nextBulletRegex),
      hrRegex: once(other.hrRegex),
      fencesBeginRegex: once(other.fencesBeginRegex),
      headingBeginRegex: once(other.headingBeginRegex),
      htmlBeginRegex: once(other.htmlBeginRegex),
    };
    cachedRules = { from: other, to };
  }
  tokenizer.rules = { ...tokenizer.rules, other: cachedRules.to };
  return lexer;
}

/**
 * Inline tokens on demand. marked lexes the inline text of every block after all blocks; most blocks here
 * never need theirs (only headings, short paragraphs before lists, emphasised paragraphs and labels of
 * large bullets do), so each block's inline text is lexed when first asked for. marked carries state from
 * one block's inline text to the next only through HTML tags (`<a>`, `<pre>`…), so a note with a `<`
 * anywhere is lexed whole, as marked does. Text heavy with markup (see markdown-limits.ts) is kept as plain
 * text, unlexed.
 */
class InlineText {
  private constructor(
    private readonly lexer: Lexer,
    readonly blocks: Token[],
    /** Inline source of each block not lexed yet, by its (still empty) token list. */
    private readonly pending: Map<Token[], string>,
  ) {}

  static lex(lexer: Lexer, body: string): InlineText {
    const queue = (lexer as unknown as { inlineQueue?: { src: string; tokens: Token[] }[] }).inlineQueue;
    if (!Array.isArray(queue)) return new InlineText(lexer, lexer.lex(body), new Map());
    const blocks = lexer.blockTokens(body.replace(CARRIAGE_RETURN, '\n'), lexer.tokens);
    const pending = new Map<Token[], string>();
    for (const { src, tokens } of queue) pending.set(tokens, src);
    queue.length = 0;
    const inline = new InlineText(lexer, blocks, pending);
    // Lexed now and in order, as marked's own `lex` does, so that an open HTML tag carries over.
    if (body.includes('<')) for (const tokens of [...pending.keys()]) inline.tokens(tokens);
    return inline;
  }

  tokens(list: Token[] | undefined): Token[] {
    if (!list) return [];
    const src = this.pending.get(list);
    if (src !== undefined) {
      this.pending.delete(list);
      if (isMarkupHeavy(src)) list.push({ type: 'text', raw: src, text: src } as Tokens.Text);
      else this.lexer.inlineTokens(src, list);
    }
    return list;
  }

  /**
   * Whether the inline text may open with bold or italic: only text whose first visible character is
   * `*` or `_` can, which spares lexing the rest.
   */
  mayOpenWithEmphasis(list: Token[] | undefined): boolean {
    const src = list && this.pending.get(list);
    if (src === undefined) return true;
    const first = src.search(/\S/);
    return first !== -1 && (src[first] === '*' || src[first] === '_');
  }
}

/** A heading or paragraph: its plain text and lead-in are worked out from its inline tokens when asked for. */
class TextBlock implements Block {
  readonly children: Block[] = [];
  private plainText: string | undefined;

  constructor(
    readonly kind: 'heading' | 'paragraph',
    public startLine: number,
    public endLine: number,
    private readonly inline: InlineText,
    private readonly inlineTokens: Token[] | undefined,
    readonly depth?: number,
  ) {}

  get text(): string {
    return (this.plainText ??= plain(this.inline.tokens(this.inlineTokens)));
  }

  get lead(): string | undefined {
    if (this.kind !== 'paragraph' || !this.inline.mayOpenWithEmphasis(this.inlineTokens)) return undefined;
    return leadIn(this.inline.tokens(this.inlineTokens));
  }

  get emphasisOnly(): boolean | undefined {
    if (this.kind !== 'paragraph') return undefined;
    return this.inline.mayOpenWithEmphasis(this.inlineTokens) && emphasisOnly(this.inline.tokens(this.inlineTokens));
  }
}

/** A list item: its text and lead-in are those of its first paragraph. */
class ItemBlock implements Block {
  readonly kind = 'item';

  constructor(
    public startLine: number,
    public endLine: number,
    public children: Block[],
  ) {}

  get text(): string | undefined {
    const first = this.children[0];
    return first?.kind === 'paragraph' ? first.text : undefined;
  }

  get lead(): string | undefined {
    const first = this.children[0];
    return first?.kind === 'paragraph' ? first.lead : undefined;
  }
}

function toBlocks(tokens: Token[], firstLine: number, inline: InlineText): Block[] {
  const blocks: Block[] = [];
  let line = firstLine;
  for (const token of tokens) {
    const raw = token.raw;
    const startLine = line + leadingNewlines(raw);
    const endLine = startLine + trimmedLineCount(raw);
    line += countLines(raw);
    const block = toBlock(token, startLine, endLine, inline);
    if (block) blocks.push(block);
  }
  return blocks;
}

function toBlock(token: Token, startLine: number, endLine: number, inline: InlineText): Block | undefined {
  switch (token.type) {
    case 'space':
    case 'def':
      return undefined;
    case 'heading':
      return new TextBlock('heading', startLine, endLine, inline, (token as Tokens.Heading).tokens, (token as Tokens.Heading).depth);
    case 'paragraph':
    case 'text':
      return new TextBlock('paragraph', startLine, endLine, inline, (token as Tokens.Paragraph).tokens);
    case 'list':
      return { kind: 'list', startLine, endLine, children: listItems(token as Tokens.List, startLine, inline) };
    case 'blockquote':
      return { kind: 'quote', startLine, endLine, children: toBlocks((token as Tokens.Blockquote).tokens, startLine, inline) };
    default:
      return { kind: OTHER_KINDS.get(token.type) ?? 'other', startLine, endLine, children: [] };
  }
}

const OTHER_KINDS: ReadonlyMap<string, BlockKind> = new Map([
  ['code', 'code'],
  ['table', 'table'],
  ['hr', 'rule'],
  ['html', 'html'],
]);

function listItems(list: Tokens.List, firstLine: number, inline: InlineText): Block[] {
  const items: Block[] = [];
  let line = firstLine;
  for (const item of list.items) {
    const startLine = line;
    const endLine = startLine + trimmedEndLineCount(item.raw);
    line += countLines(item.raw);
    // An item's tokens are lexed from its text with the marker and indentation removed: lines still align.
    const children = toBlocks(item.tokens, startLine, inline);
    for (const child of children) clamp(child, endLine);
    items.push(new ItemBlock(startLine, endLine, children));
  }
  return items;
}

function clamp(block: Block, maxLine: number): void {
  block.startLine = Math.min(block.startLine, maxLine);
  block.endLine = Math.min(Math.max(block.endLine, block.startLine), maxLine);
  for (const child of block.children) clamp(child, maxLine);
}

/** Inline tokens as plain text. */
function plain(tokens: Token[] | undefined): string {
  if (!tokens) return '';
  let out = '';
  for (const token of tokens) {
    if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0) out += plain(token.tokens);
    else if (token.type === 'br') out += ' ';
    else if ('text' in token && typeof token.text === 'string') out += token.text;
  }
  return out.replace(/\s+/g, ' ').trim();
}

function meaningful(tokens: Token[]): Token[] {
  return tokens.filter((token) => !(token.type === 'text' && (token as Tokens.Text).text.trim() === ''));
}

function leadIn(tokens: Token[]): string | undefined {
  const first = meaningful(tokens)[0];
  return first && (first.type === 'strong' || first.type === 'em') ? plain([first]) : undefined;
}

function emphasisOnly(tokens: Token[]): boolean {
  const parts = meaningful(tokens);
  return parts.length > 0 && parts.every((token) => token.type === 'strong' || token.type === 'em');
}

function leadingNewlines(text: string): number {
  let count = 0;
  while (text.charCodeAt(count) === 10) count++;
  return count;
}

/** Newlines in `text.trimEnd()`. */
function trimmedEndLineCount(text: string): number {
  return trimmedLineCount(text, false);
}
