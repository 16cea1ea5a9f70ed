import type { List, PhrasingContent, RootContent } from 'mdast';
import { highlightPattern, parseNote, plainText } from './markdown.js';
import { stripTerminalControls, type TextStyle } from './text.js';

/**
 * A note's Markdown for a terminal: bold in the style's bold (no `**` left around it), headings bold, lists with
 * bullets, links as `label (url)`, code as it is. Every piece of note text is stripped of terminal controls.
 */
export function markdownForTerminal(markdown: string, highlights: readonly string[], style: TextStyle): string {
  const pattern = highlightPattern(highlights);
  const text = (value: string, marked: boolean): string => {
    const clean = stripTerminalControls(value);
    return marked && pattern ? clean.replace(pattern, (word) => style.bold(word)) : clean;
  };
  const inline = (nodes: readonly PhrasingContent[], marked: boolean): string => nodes.map((node) => phrase(node, marked)).join('');
  const phrase = (node: PhrasingContent, marked: boolean): string => {
    switch (node.type) {
      case 'text':
        return text(node.value, marked);
      case 'strong':
        return style.bold(inline(node.children, false));
      case 'emphasis':
      case 'delete':
        return inline(node.children, marked);
      case 'inlineCode':
        return text(node.value, false);
      case 'break':
        return '\n';
      case 'link': {
        const label = inline(node.children, marked);
        return plainText(node) === node.url ? label : `${label} (${text(node.url, false)})`;
      }
      default:
        return text(plainText(node), marked);
    }
  };
  const list = (node: List, depth: number): string[] =>
    node.children.flatMap((item, index) => {
      const marker = node.ordered ? `${(node.start ?? 1) + index}.` : ['•', '◦', '▪'][depth % 3];
      const box = item.checked === true ? '☑ ' : item.checked === false ? '☐ ' : '';
      const lines = item.children.flatMap((child) => (child.type === 'list' ? list(child, depth + 1) : block(child).map((line) => `  ${line}`)));
      const [first = '', ...rest] = lines;
      return [`${'  '.repeat(depth)}${marker} ${box}${first.trimStart()}`, ...rest.map((line) => (child(line) ? line : `${'  '.repeat(depth)}${line}`))];
    });
  // Nested list lines come indented already.
  const child = (line: string): boolean => /^\s*(?:[•◦▪]|\d+\.)\s/.test(line);
  const block = (node: RootContent): string[] => {
    switch (node.type) {
      case 'paragraph':
        return inline(node.children, true).split('\n');
      case 'heading':
        return [style.bold(inline(node.children, false))];
      case 'list':
        return list(node, 0);
      case 'code':
        return text(node.value, false).split('\n').map((line) => `    ${style.dim(line)}`);
      case 'blockquote':
        return node.children.flatMap(block).map((line) => `│ ${line}`);
      case 'table':
        return node.children.map((row) => row.children.map((cell) => text(plainText(cell), false)).join(' │ '));
      case 'thematicBreak':
        return ['───'];
      case 'definition':
      case 'yaml':
        return [];
      default:
        return text(plainText(node), false).split('\n');
    }
  };
  return parseNote(markdown).children.map((node) => block(node).join('\n')).join('\n');
}
