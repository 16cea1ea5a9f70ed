import { cutAtLine, cutText } from '../chat/truncate.js';
import { citationLabel, gapDay, gapsTitle } from '../chat/wording.js';
import { gapCounts } from '../reports/render.js';
import type { Answer, Citation, KnowledgeGap } from '../types.js';
import { OUTSIDE, type Dialect } from './dialect.js';
import { quoteLines } from './markdown.js';

/**
 * An answer's quote in a chat dialect, cut at a line to `max` characters. Rendering costs about a millisecond a
 * line, so only the lines that can be shown are rendered.
 */
export function quoteFor(answer: Answer, render: (markdown: string, highlights: readonly string[]) => string, max: number): string {
  const { lines, cut } = quoteLines(answer.quote.length > 0 ? answer.quote : answer.text.split('\n'), 2 * max);
  const quote = render(lines.join('\n'), answer.highlights);
  return cutAtLine(quote.trim() === '' ? '…' : quote + (cut ? '\n…' : ''), max);
}

/** The heading of the gaps report, its first words in bold. */
export function gapsHeading(count: number, dialect: Dialect): string {
  const [lead = '', ...rest] = gapsTitle(count).split(': ');
  return [dialect.strong(lead, OUTSIDE), ...rest].join(': ');
}

/** One knowledge gap of the report: its question, how often and when, how else it was asked, the notes it came closest to. */
export function gapLines(gap: KnowledgeGap, index: number, dialect: Dialect): string[] {
  const lines = [`${dialect.strong(`${index + 1}.`, OUTSIDE)} ${dialect.escape(gap.question)}`, `${gapCounts(gap)} · last ${gapDay(gap)}`];
  if (gap.variants.length > 0) lines.push(`${dialect.em('Also asked as:')} ${gap.variants.map((variant) => `“${dialect.escape(variant)}”`).join(', ')}`);
  if (gap.closest.length > 0) lines.push(`${dialect.em('Closest notes:')} ${gap.closest.map((note) => `${dialect.codespan(note.file)} (${note.times}×)`).join(', ')}`);
  return lines;
}

/** A citation's label, linked to the note where it has a web address the dialect links. */
export function citationLink(citation: Pick<Citation, 'file' | 'section' | 'startLine' | 'endLine' | 'url'>, dialect: Dialect): string {
  const label = cutText(citationLabel(citation), 200);
  return citation.url ? dialect.link(citation.url, dialect.escape(label), label, OUTSIDE) : dialect.escape(label);
}
