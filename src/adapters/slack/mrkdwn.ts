import type { Definition, List, Nodes, PhrasingContent, RootContent, Table } from 'mdast';
import { highlightPattern, parseNote, plainText } from '../../render/markdown.js';

/** Options for {@link markdownToMrkdwn}. */
export interface MrkdwnOptions {
  /** Words, as written in the note, to mark in bold wherever they appear as whole words (case-insensitive). */
  highlights?: readonly string[];
}

/**
 * Escapes text for Slack mrkdwn: `&`, `<` and `>` become entities, so nothing in it can become a link or a
 * mention, and broadcast words (@channel, @here, @everyone) get an invisible word joiner so they never ping.
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/(?<![\p{L}\p{N}_])@(channel|here|everyone)(?![\p{L}\p{N}_])/giu, '@\u2060$1');
}

/**
 * Converts a note's Markdown (CommonMark + GFM) to Slack mrkdwn: **bold** → *bold*, [text](url) → <url|text>,
 * lists keep their bullets and nesting, code stays code. All note text is escaped; only http(s) and mailto
 * links become links.
 */
export function markdownToMrkdwn(markdown: string, options: MrkdwnOptions = {}): string {
  const tree = parseNote(markdown);
  const context: Context = { definitions: collectDefinitions(tree.children), highlight: highlighter(options.highlights ?? []) };
  return joinBlocks(tree.children, context).replace(/\n{3,}/g, '\n\n').trim();
}

interface Context {
  definitions: ReadonlyMap<string, Definition>;
  highlight: (text: string) => string;
}

interface InlineState {
  /** Inside bold already: Slack cannot nest `*`, so highlights are skipped. */
  strong?: boolean;
  /** Inside a link label: labels stay plain text. */
  link?: boolean;
}

const BULLETS = ['•', '◦', '▪'] as const;
const INDENT = '    ';

function joinBlocks(nodes: readonly RootContent[], context: Context): string {
  let out = '';
  let previous: RootContent | undefined;
  for (const node of nodes) {
    const text = block(node, context);
    if (text === '') continue;
    if (previous !== undefined) out += previous.type === 'paragraph' && node.type === 'paragraph' ? '\n\n' : '\n';
    out += text;
    previous = node;
  }
  return out;
}

function block(node: RootContent, context: Context): string {
  switch (node.type) {
    case 'paragraph':
      return inline(node.children, context, {});
    case 'heading':
      return wrap('*', inline(node.children, context, { strong: true }));
    case 'thematicBreak':
      return '───';
    case 'blockquote':
      return joinBlocks(node.children, context)
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
    case 'list':
      return list(node, 0, context);
    case 'code':
      return `\`\`\`\n${escapeMrkdwn(node.value)}\n\`\`\``;
    case 'table':
      return table(node, context);
    case 'html':
      return escapeMrkdwn(node.value);
    case 'footnoteDefinition':
      return `${escapeMrkdwn(`[^${node.label ?? node.identifier}]:`)} ${joinBlocks(node.children, context)}`;
    case 'definition':
    case 'yaml':
      return '';
    default:
      return escapeMrkdwn(plainText(node));
  }
}

function list(node: List, depth: number, context: Context): string {
  const indent = INDENT.repeat(depth);
  const bullet = BULLETS[depth % BULLETS.length] ?? BULLETS[0];
  return node.children
    .map((item, index) => {
      let marker = node.ordered === true ? `${(node.start ?? 1) + index}.` : bullet;
      if (item.checked === true) marker += ' ☑';
      if (item.checked === false) marker += ' ☐';
      const lines: string[] = [];
      for (const child of item.children) {
        if (child.type === 'list') {
          if (lines.length === 0) lines.push(indent + marker);
          lines.push(list(child, depth + 1, context));
          continue;
        }
        for (const line of block(child, context).split('\n')) {
          if (line === '' && lines.length === 0) continue;
          lines.push(lines.length === 0 ? `${indent}${marker} ${line}` : `${indent}  ${line}`);
        }
      }
      return lines.length === 0 ? indent + marker : lines.join('\n');
    })
    .join('\n');
}

function table(node: Table, context: Context): string {
  return node.children
    .map((row, rowIndex) =>
      row.children
        .map((cell) => {
          const text = inline(cell.children, context, { strong: rowIndex === 0 });
          return rowIndex === 0 ? wrap('*', text) : text;
        })
        .join(' │ '),
    )
    .join('\n');
}

function inline(nodes: readonly PhrasingContent[], context: Context, state: InlineState): string {
  return nodes.map((node) => phrasing(node, context, state)).join('');
}

function phrasing(node: PhrasingContent, context: Context, state: InlineState): string {
  switch (node.type) {
    case 'text':
      return state.strong || state.link ? escapeMrkdwn(node.value) : context.highlight(node.value);
    case 'strong':
      return state.strong ? inline(node.children, context, state) : wrap('*', inline(node.children, context, { ...state, strong: true }));
    case 'emphasis':
      return wrap('_', inline(node.children, context, state));
    case 'delete':
      return wrap('~', inline(node.children, context, state));
    case 'inlineCode':
      return node.value === '' ? '' : `\`${escapeMrkdwn(node.value.replace(/`/g, 'ˋ'))}\``;
    case 'break':
      return '\n';
    case 'link':
      return link(node.url, plainText(node), state);
    case 'image':
      return link(node.url, node.alt || 'image', state);
    case 'linkReference':
    case 'imageReference': {
      const label = node.type === 'linkReference' ? plainText(node) : node.alt || 'image';
      const definition = context.definitions.get(node.identifier.toLowerCase());
      return definition ? link(definition.url, label, state) : escapeMrkdwn(label);
    }
    case 'html':
      return escapeMrkdwn(node.value);
    case 'footnoteReference':
      return escapeMrkdwn(`[^${node.label ?? node.identifier}]`);
    default:
      return escapeMrkdwn(plainText(node));
  }
}

function link(url: string, label: string, state: InlineState): string {
  const target = safeUrl(url);
  const text = escapeMrkdwn(label.trim());
  if (target === undefined || state.link) return text || escapeMrkdwn(url);
  if (text === '' || label.trim() === url) return `<${target}>`;
  return `<${target}|${text}>`;
}

/** Only absolute web and mail links are linked; anything else (relative paths, `javascript:`) stays text. */
function safeUrl(url: string): string | undefined {
  if (!/^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i.test(url)) return undefined;
  return url.replace(/[<>|"\s]/g, (char) => encodeURIComponent(char)).replace(/&/g, '&amp;');
}

/** Wraps in a mrkdwn marker, outside any surrounding spaces (Slack ignores `* bold *`). */
function wrap(marker: string, text: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  const [, lead = '', core = '', trail = ''] = match ?? [];
  return core === '' ? text : `${lead}${marker}${core}${marker}${trail}`;
}

function highlighter(words: readonly string[]): (text: string) => string {
  const single = highlightPattern(words);
  if (single === undefined) return escapeMrkdwn;
  // A run of highlighted words becomes one bold span: `*Deamon sets*`, not `*Deamon* *sets*`.
  const pattern = new RegExp(`${single.source}(?:[ \\t]+${single.source})*`, 'giu');
  return (text) => {
    let out = '';
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      out += `${escapeMrkdwn(text.slice(last, match.index))}*${escapeMrkdwn(match[0])}*`;
      last = match.index + match[0].length;
    }
    return out + escapeMrkdwn(text.slice(last));
  };
}

function collectDefinitions(nodes: readonly Nodes[]): Map<string, Definition> {
  const definitions = new Map<string, Definition>();
  const visit = (node: Nodes): void => {
    if (node.type === 'definition') definitions.set(node.identifier.toLowerCase(), node);
    if ('children' in node) for (const child of node.children) visit(child);
  };
  nodes.forEach(visit);
  return definitions;
}
