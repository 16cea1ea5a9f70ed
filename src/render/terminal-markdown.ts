import { bulletMarker, renderMarkdown, type Dialect } from './dialect.js';
import { plainText } from './markdown.js';
import { stripTerminalControls, type TextStyle } from './text.js';

/**
 * A note's Markdown for a terminal: bold in the style's bold (no `**` left around it), headings bold, lists with
 * bullets, links as `label (url)`, code as it is. Every piece of note text is stripped of terminal controls.
 */
export function markdownForTerminal(markdown: string, highlights: readonly string[], style: TextStyle): string {
  return renderMarkdown(markdown, terminalDialect(style), highlights);
}

function terminalDialect(style: TextStyle): Dialect {
  const text = stripTerminalControls;
  return {
    escape: text,
    mark: (word) => style.bold(word),
    strong: (inner) => style.bold(inner),
    em: (inner) => inner,
    del: (inner) => inner,
    codespan: text,
    link: (href, label, plain) => (plain === href ? label : `${label} (${text(href)})`),
    image: (_href, alt) => text(alt),
    heading: (inner) => style.bold(inner),
    code: (code) => text(code).split('\n').map((line) => `    ${style.dim(line)}`),
    quotePrefix: '│ ',
    hr: '───',
    table: (rows) => rows.map((row) => row.map((cell) => text(plainText(cell))).join(' │ ')),
    listMarker: bulletMarker,
    listIndent: () => '  ',
    paragraphGap: false,
  };
}
