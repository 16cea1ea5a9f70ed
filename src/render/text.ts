import { updatedAgo } from '../answer/age.js';
import { layoutAnswer } from '../chat/layout.js';
import type { Reply } from '../chat/turn.js';
import { CLOSEST_LINES } from '../chat/wording.js';
import type { Answer, Citation } from '../types.js';
import { quoteLines } from './markdown.js';
import { markdownForTerminal } from './terminal-markdown.js';

export interface TextStyle {
  bold(text: string): string;
  dim(text: string): string;
}

export const PLAIN: TextStyle = { bold: (t) => t, dim: (t) => t };
export const ANSI: TextStyle = { bold: (t) => `\u001b[1m${t}\u001b[22m`, dim: (t) => `\u001b[2m${t}\u001b[22m` };

/**
 * Terminal escape sequences (OSC: window titles, links; CSI: clearing the screen, moving the cursor; other ESC
 * sequences) and every other control character but tab and newline. Notes are text, and a note must not be able to
 * drive the terminal that shows it.
 */
const TERMINAL_CONTROLS =
  /\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u009d[^\u0007\u001b\u009c]*(?:\u0007|\u009c)?|(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|\u001b[ -/]*[0-~]|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Note text made safe to print on a terminal. */
export function stripTerminalControls(text: string): string {
  return text.replace(TERMINAL_CONTROLS, '');
}

/** `aws-containers.md › ECS › Fargate · L30–38` */
export function citationLine(citation: Citation): string {
  const where = stripTerminalControls(citation.section ? `${citation.file} › ${citation.section}` : citation.file);
  const lines = citation.startLine === citation.endLine ? `L${citation.startLine}` : `L${citation.startLine}–${citation.endLine}`;
  const age = updatedAgo(citation);
  return `${where} · ${lines}${age ? ` · ${age}` : ''}`;
}

/** An answer for a person at a terminal: the quote with matched words marked, then where it came from. */
export function renderText(answer: Answer, style: TextStyle = PLAIN): string {
  const { source, more, stale, closest } = layoutAnswer(answer);
  const out: string[] = [];
  if (source) {
    // Plain output keeps the note's own Markdown; styled output renders it, so no `**` stands next to real bold.
    if (style === PLAIN) out.push(...answer.quote.map(stripTerminalControls));
    else out.push(styledQuote(answer, style));
    out.push('', `${style.dim('Source:')} ${citationLine(source)}${source.url ? `\n  ${stripTerminalControls(source.url)}` : ''}`);
    for (const other of more.citations) out.push(`${style.dim(`${more.title}:`)} ${citationLine(other)}${other.url ? `\n  ${stripTerminalControls(other.url)}` : ''}`);
  } else {
    out.push(stripTerminalControls(answer.text));
    if (closest) {
      const lines = style === PLAIN ? stripTerminalControls(closest.snippet) : markdownForTerminal(closest.snippet, [], style);
      out.push('', `${style.dim(`${CLOSEST_LINES}:`)} ${citationLine(closest)}`, ...lines.split('\n').map((line) => `  ${line}`));
    }
    if (more.citations.length > 0) out.push('', style.dim(`${more.title}:`));
    for (const citation of more.citations) out.push(`  - ${citationLine(citation)}${citation.url ? ` ${stripTerminalControls(citation.url)}` : ''}`);
  }
  if (stale) out.push(style.dim(stale));
  return out.join('\n');
}

/**
 * The characters of a quote rendered for a styled terminal, as the chat surfaces cut theirs: a quote is a few lines,
 * no one reads past a few screens, and a note's one line of 40,000 characters need not be rendered whole.
 */
const TERMINAL_QUOTE = 8_000;

function styledQuote(answer: Answer, style: TextStyle): string {
  const { lines, cut } = quoteLines(answer.quote, TERMINAL_QUOTE);
  return markdownForTerminal(lines.join('\n'), answer.highlights, style) + (cut ? '\n…' : '');
}

/** Any reply for a person at a terminal. The conversation sends the terminal no gaps report and never stays silent there. */
export function renderReplyText(reply: Reply, style: TextStyle): string {
  if (reply.kind === 'answer') return renderText(reply.answer, style);
  if (reply.kind === 'help') return [reply.text, ...reply.examples.map((example) => `  ${style.dim('•')} ${stripTerminalControls(example)}`)].join('\n');
  return reply.kind === 'note' ? reply.text : '';
}
