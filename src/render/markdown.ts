import { escapeRegExp } from '../escape-regexp.js';
import { Marked, type MarkedToken, type Token } from 'marked';
import { mendedLexer } from '../markdown-limits.js';
import { decodeEntities } from './entities.js';
import { FOOTNOTES } from './footnotes.js';

const parser = new Marked({ gfm: true, extensions: FOOTNOTES });

/**
 * A note's Markdown (CommonMark + GFM, with footnotes) as marked's tokens, the parser the chunker uses; each
 * platform renders the tokens in its own dialect. Footnotes come as `footnoteReference` and `footnoteDefinition`
 * tokens, which are not among marked's own types.
 */
export function parseNote(markdown: string): MarkedToken[] {
  return mendedLexer(parser.defaults).lexer.lex(dedent(markdown)) as MarkedToken[];
}

/**
 * Removes leading indentation by the smallest indent seen so far, line by line. A quote cut from inside a
 * nested list starts deeper than it continues; removing only the common indent would leave its first lines
 * indented four spaces or more, which Markdown reads as a code block.
 */
export function dedent(markdown: string): string {
  let shift = Number.POSITIVE_INFINITY;
  return markdown
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((raw) => {
      const line = raw.replace(/^\t+/, (tabs) => '    '.repeat(tabs.length));
      if (line.trim() === '') return '';
      shift = Math.min(shift, line.length - line.trimStart().length);
      return line.slice(shift);
    })
    .join('\n');
}

/** Whole-word, case-insensitive matches of the highlighted words (longest first); undefined when there are none. */
export function highlightPattern(words: readonly string[]): RegExp | undefined {
  const unique = [...new Set(words.map((word) => word.trim()).filter((word) => word.length > 0 && word.length <= 100))];
  if (unique.length === 0) return undefined;
  unique.sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${unique.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
}

/**
 * What a text token shows: character references decoded, and without the indentation of a paragraph's later
 * lines, which CommonMark drops and marked keeps.
 */
export function noteText(text: string): string {
  return decodeEntities(text.replace(/\n[ \t]+/g, '\n'));
}

/** The text tokens show, without their markup. */
export function plainText(tokens: readonly Token[]): string {
  return tokens.map(plainTextOf).join('');
}

function plainTextOf(token: Token): string {
  const known = token as MarkedToken;
  switch (known.type) {
    case 'br':
      return '\n';
    case 'space':
    case 'def':
    case 'hr':
      return '';
    case 'image':
      return known.text;
    case 'text':
      return known.tokens ? plainText(known.tokens) : noteText(known.text);
    default:
      return 'tokens' in known && known.tokens ? plainText(known.tokens) : 'text' in known ? known.text : '';
  }
}

/**
 * Marks whole-word matches of `words` with `mark` and passes everything else through `escape`. A run of
 * highlighted words becomes one marked span: `*Deamon sets*`, not `*Deamon* *sets*`.
 */
export function highlighter(words: readonly string[], escape: (text: string) => string, mark: (text: string) => string): (text: string) => string {
  const single = highlightPattern(words);
  if (single === undefined) return escape;
  const pattern = new RegExp(`${single.source}(?:[ \\t]+${single.source})*`, 'giu');
  return (text) => {
    let out = '';
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      out += escape(text.slice(last, match.index)) + mark(escape(match[0]));
      last = match.index + match[0].length;
    }
    return out + escape(text.slice(last));
  };
}

/** A quote's lines that are worth rendering for a budget of about `max` characters; `cut` when some were left out. */
export function quoteLines(lines: readonly string[], max: number): { lines: string[]; cut: boolean } {
  const kept: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (size + line.length > max) {
      if (kept.length === 0) return { lines: [line.slice(0, max)], cut: true };
      break;
    }
    kept.push(line);
    size += line.length + 1;
  }
  return { lines: kept, cut: kept.length < lines.length };
}
