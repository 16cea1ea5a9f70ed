import { updatedAgo } from '../answer/age.js';
import { cutAtLine, cutText } from '../chat/truncate.js';
import type { AnswerReply } from '../chat/shown.js';
import type { Reply } from '../chat/turn.js';
import { GAPS_FOOTER, citationLabel, gapDay, gapsTitle } from '../chat/wording.js';
import { gapCounts } from '../reports/render.js';
import type { Answer, Citation, KnowledgeGap } from '../types.js';
import { OUTSIDE, type Dialect } from './dialect.js';
import { quoteLines } from './markdown.js';

/** How a platform writes each kind of reply, for {@link renderReply}. */
export interface ReplyRenderer<T> {
  answer(reply: AnswerReply): T;
  help(text: string, examples: readonly string[]): T;
  gaps(gaps: readonly KnowledgeGap[]): T;
  /** `problem` marks an apology. */
  note(text: string, problem: boolean): T;
}

/** A reply that says something, written by the renderer for its kind. */
export function renderReply<T>(reply: Exclude<Reply, { kind: 'silent' }>, renderer: ReplyRenderer<T>): T {
  switch (reply.kind) {
    case 'answer':
      return renderer.answer(reply);
    case 'help':
      return renderer.help(reply.text, reply.examples);
    case 'gaps':
      return renderer.gaps(reply.gaps);
    case 'note':
      return renderer.note(reply.text, reply.problem === true);
  }
}

/**
 * An answer's quote in a chat dialect, cut at a line to `max` characters. Rendering costs about a millisecond a
 * line, so only the lines that can be shown are rendered.
 */
export function quoteFor(answer: Answer, render: (markdown: string, highlights: readonly string[]) => string, max: number): string {
  const { lines, cut } = quoteLines(answer.quote.length > 0 ? answer.quote : answer.text.split('\n'), 2 * max);
  const quote = render(lines.join('\n'), answer.highlights);
  return cutAtLine(quote.trim() === '' ? '…' : quote + (cut ? '\n…' : ''), max);
}

/**
 * The knowledge-gaps report in a chat dialect, the same parts on every platform: a heading (its first words in bold),
 * one block of lines per gap, and where to see the full list. Each platform lays the parts out and cuts them to its limits.
 */
export function gapsReport(gaps: readonly KnowledgeGap[], dialect: Dialect): { heading: string; gaps: string[]; footer: string } {
  const [lead = '', ...rest] = gapsTitle(gaps.length).split(': ');
  const heading = [dialect.strong(lead, OUTSIDE), ...rest].join(': ');
  return { heading, gaps: gaps.map((gap, i) => gapLines(gap, i, dialect).join('\n')), footer: GAPS_FOOTER };
}

/** One knowledge gap of the report: its question, how often and when, how else it was asked, the notes it came closest to. */
function gapLines(gap: KnowledgeGap, index: number, dialect: Dialect): string[] {
  const lines = [`${dialect.strong(`${index + 1}.`, OUTSIDE)} ${dialect.escape(gap.question)}`, `${gapCounts(gap)} · last ${gapDay(gap)}`];
  if (gap.variants.length > 0) lines.push(`${dialect.em('Also asked as:')} ${gap.variants.map((variant) => `“${dialect.escape(variant)}”`).join(', ')}`);
  if (gap.closest.length > 0) lines.push(`${dialect.em('Closest notes:')} ${gap.closest.map((note) => `${dialect.codespan(note.file)} (${note.times}×)`).join(', ')}`);
  return lines;
}

/** A citation's link, then how long ago its lines changed where that is known: `… _(updated 3 months ago)_`. */
export function citationWithAge(citation: Pick<Citation, 'file' | 'section' | 'startLine' | 'endLine' | 'url' | 'changed'>, dialect: Dialect): string {
  const age = updatedAgo(citation);
  return citationLink(citation, dialect) + (age ? ` ${dialect.em(`(${age})`)}` : '');
}

/** A citation's label, linked to the note where it has a web address the dialect links. */
export function citationLink(citation: Pick<Citation, 'file' | 'section' | 'startLine' | 'endLine' | 'url'>, dialect: Dialect): string {
  const label = cutText(citationLabel(citation), 200);
  return citation.url ? dialect.link(citation.url, dialect.escape(label), label, OUTSIDE) : dialect.escape(label);
}
