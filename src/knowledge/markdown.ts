import { Lexer, type Token, type Tokens } from 'marked';

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

/**
 * Parses a note into blocks with line ranges, using marked's lexer (CommonMark + GFM tables).
 * Front matter lines are blanked before lexing so that line numbers stay those of the file.
 */
export function parseNote(text: string): ParsedNote {
  const match = FRONT_MATTER.exec(text);
  let body = text;
  let frontMatter: string | undefined;
  if (match) {
    frontMatter = match[1] ?? '';
    body = '\n'.repeat(countLines(match[0])) + text.slice(match[0].length);
  }
  const tokens = new Lexer({ gfm: true }).lex(body);
  return { frontMatter, blocks: toBlocks(tokens, 1) };
}

function toBlocks(tokens: Token[], firstLine: number): Block[] {
  const blocks: Block[] = [];
  let line = firstLine;
  for (const token of tokens) {
    const leading = countLines(/^\n*/.exec(token.raw)?.[0] ?? '');
    const startLine = line + leading;
    const endLine = startLine + countLines(token.raw.trim());
    line += countLines(token.raw);
    const block = toBlock(token, startLine, endLine);
    if (block) blocks.push(block);
  }
  return blocks;
}

function toBlock(token: Token, startLine: number, endLine: number): Block | undefined {
  const base = { startLine, endLine, children: [] as Block[] };
  switch (token.type) {
    case 'space':
    case 'def':
      return undefined;
    case 'heading':
      return { ...base, kind: 'heading', depth: (token as Tokens.Heading).depth, text: plain((token as Tokens.Heading).tokens) };
    case 'paragraph':
    case 'text': {
      const inline = (token as Tokens.Paragraph).tokens ?? [];
      return { ...base, kind: 'paragraph', text: plain(inline), lead: leadIn(inline), emphasisOnly: emphasisOnly(inline) };
    }
    case 'list':
      return { ...base, kind: 'list', children: listItems(token as Tokens.List, startLine) };
    case 'code':
      return { ...base, kind: 'code' };
    case 'table':
      return { ...base, kind: 'table' };
    case 'hr':
      return { ...base, kind: 'rule' };
    case 'blockquote':
      return { ...base, kind: 'quote', children: toBlocks((token as Tokens.Blockquote).tokens, startLine) };
    case 'html':
      return { ...base, kind: 'html' };
    default:
      return { ...base, kind: 'other' };
  }
}

function listItems(list: Tokens.List, firstLine: number): Block[] {
  const items: Block[] = [];
  let line = firstLine;
  for (const item of list.items) {
    const startLine = line;
    const endLine = startLine + countLines(item.raw.trimEnd());
    line += countLines(item.raw);
    // An item's tokens are lexed from its text with the marker and indentation removed: lines still align.
    const children = toBlocks(item.tokens, startLine).map((child) => clamp(child, endLine));
    const first = children[0];
    items.push({
      kind: 'item',
      startLine,
      endLine,
      text: first?.kind === 'paragraph' ? first.text : undefined,
      lead: first?.kind === 'paragraph' ? first.lead : undefined,
      children,
    });
  }
  return items;
}

function clamp(block: Block, maxLine: number): Block {
  block.startLine = Math.min(block.startLine, maxLine);
  block.endLine = Math.min(Math.max(block.endLine, block.startLine), maxLine);
  block.children = block.children.map((child) => clamp(child, maxLine));
  return block;
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

function countLines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
