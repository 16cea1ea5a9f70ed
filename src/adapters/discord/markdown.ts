import type { List, ListItem, PhrasingContent, RootContent, Table } from 'mdast';
import { highlightPattern, parseNote, plainText } from '../../render/markdown.js';

/** Options for {@link toDiscordMarkdown}. */
export interface DiscordMarkdownOptions {
  /** Words to mark in bold wherever they appear as whole words in plain text. */
  highlights?: readonly string[];
}

/**
 * Converts a note's Markdown (CommonMark + GFM) into the Markdown dialect Discord renders in messages and embeds:
 * headings become bold lines, tables become code blocks, task items get boxes, and any text that Discord would read
 * as markup (`*`, `_`, `|`, `<@…>`, …) is escaped.
 */
export function toDiscordMarkdown(markdown: string, options: DiscordMarkdownOptions = {}): string {
  const tree = parseNote(markdown);
  const renderer = new Renderer(highlightPattern(options.highlights ?? []));
  return renderer.blocks(tree.children).join('\n').trim();
}

/** Escapes text so Discord shows it literally (no markup, no mention pills, no headings or quotes). */
export function escapeDiscord(text: string): string {
  return text.replace(/[\\*_~`|>#[\]]|<(?=[@#:/]|a:|t:)/g, '\\$&').replace(/^(\s*)-(?=\s)/gm, '$1\\-');
}

class Renderer {
  constructor(private readonly highlight: RegExp | undefined) {}

  blocks(nodes: readonly RootContent[]): string[] {
    return nodes.flatMap((node) => this.block(node));
  }

  private block(node: RootContent): string[] {
    switch (node.type) {
      case 'paragraph':
        return this.inline(node.children, true).split('\n');
      case 'heading':
        return [`**${this.inline(node.children, false)}**`];
      case 'list':
        return this.list(node);
      case 'code':
        return fence(node.value, node.lang ?? '');
      case 'blockquote':
        return this.blocks(node.children).map((line) => `> ${line}`);
      case 'table':
        return this.table(node);
      case 'thematicBreak':
        return ['───'];
      case 'html':
        return escapeDiscord(node.value).split('\n');
      case 'footnoteDefinition':
        return this.blocks(node.children).map((line, index) => (index === 0 ? `[${node.label ?? node.identifier}] ${line}` : line));
      case 'definition':
        return [];
      default:
        return this.inline([node as PhrasingContent], true).split('\n');
    }
  }

  private list(node: List): string[] {
    const start = node.start ?? 1;
    return node.children.flatMap((item, index) => this.listItem(item, node.ordered ? `${start + index}. ` : '- '));
  }

  private listItem(item: ListItem, marker: string): string[] {
    const box = item.checked === true ? '☑ ' : item.checked === false ? '☐ ' : '';
    const lines = this.blocks(item.children);
    const indent = ' '.repeat(marker.length);
    if (lines.length === 0) return [`${marker}${box}`.trimEnd()];
    return lines.map((line, index) => (index === 0 ? `${marker}${box}${line}` : line === '' ? '' : `${indent}${line}`));
  }

  /** Discord has no tables: show them aligned in a code block, where nothing needs escaping. */
  private table(node: Table): string[] {
    const rows = node.children.map((row) => row.children.map((cell) => plainText(cell).replace(/\s+/g, ' ').trim()));
    const widths: number[] = [];
    for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
    const lines = rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ').trimEnd());
    if (lines.length > 1) lines.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('-|-'));
    return fence(lines.join('\n'), '');
  }

  private inline(nodes: readonly PhrasingContent[], mark: boolean): string {
    return nodes.map((node) => this.phrase(node, mark)).join('');
  }

  private phrase(node: PhrasingContent, mark: boolean): string {
    switch (node.type) {
      case 'text':
        return this.text(node.value, mark);
      case 'emphasis':
        return `*${this.inline(node.children, mark)}*`;
      case 'strong':
        return `**${this.inline(node.children, false)}**`;
      case 'delete':
        return `~~${this.inline(node.children, mark)}~~`;
      case 'inlineCode':
        return inlineCode(node.value);
      case 'break':
        return '\n';
      case 'link': {
        const label = this.inline(node.children, false);
        if (!/^https?:\/\//i.test(node.url)) return label;
        return plainText(node) === node.url ? node.url : `[${label}](${node.url.replace(/\)/g, '%29')})`;
      }
      case 'image':
        return /^https?:\/\//i.test(node.url) ? `[${escapeDiscord(node.alt ?? 'image')}](${node.url})` : escapeDiscord(node.alt ?? '');
      case 'linkReference':
        return this.inline(node.children, mark);
      case 'imageReference':
        return escapeDiscord(node.alt ?? '');
      case 'footnoteReference':
        return `[${escapeDiscord(node.label ?? node.identifier)}]`;
      case 'html':
        return escapeDiscord(node.value);
      default:
        return escapeDiscord(plainText(node));
    }
  }

  private text(value: string, mark: boolean): string {
    if (!mark || this.highlight === undefined) return escapeDiscord(value);
    let out = '';
    let last = 0;
    for (const match of value.matchAll(this.highlight)) {
      out += escapeDiscord(value.slice(last, match.index)) + `**${escapeDiscord(match[0])}**`;
      last = match.index + match[0].length;
    }
    return out + escapeDiscord(value.slice(last));
  }
}

function fence(value: string, lang: string): string[] {
  // A ``` inside the code would close the block early; a zero-width space keeps it visible but inert.
  const body = value.replace(/```/g, '`\u200b``');
  return [`\`\`\`${/^[\w+-]+$/.test(lang) ? lang : ''}`, ...body.split('\n'), '```'];
}

function inlineCode(value: string): string {
  if (!value.includes('`')) return `\`${value}\``;
  return `\`\` ${value.replace(/``/g, '`\u200b`')} \`\``;
}
