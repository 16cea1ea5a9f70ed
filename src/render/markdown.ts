import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

/** A note's Markdown (CommonMark + GFM) parsed once into a tree, which each platform renders in its own dialect. */
export function parseNote(markdown: string): Root {
  return fromMarkdown(dedent(markdown), { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
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

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The text a node shows, without its markup. */
export function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? '';
  return '';
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
