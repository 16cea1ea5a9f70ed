import { updatedAgo } from '../answer/age.js';
import { layoutAnswer, type AnswerLayout } from '../chat/layout.js';
import { cutAtLine, cutText } from '../chat/truncate.js';
import type { AnswerReply } from '../chat/shown.js';
import type { Reply, Visibility } from '../chat/turn.js';
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

/** How a platform writes an answer: its dialect, a note's Markdown in that dialect, and the room its quote has. */
export interface AnswerWriting {
  dialect: Dialect;
  markdown(markdown: string, highlights: readonly string[]): string;
  quoteMax: number;
}

/**
 * An answer's parts ({@link layoutAnswer}) written in a chat dialect, the same on every platform: everything from the
 * notes or the asker escaped, citations linked with their age. Each platform places them in its blocks, embed or text.
 */
export interface AnswerParts {
  /** What the parts were written from, for a platform that shows some of it its own way (an embed's title and footer). */
  layout: AnswerLayout;
  /** Found: the quote, cut at a line to the room given, and its source citation, also linked with its age. */
  found?: { quote: string; citation: Citation; source: string };
  /** The answer's sentence, which is what is shown when nothing was found. */
  text: string;
  /** The other notes (see also, or the closest notes), each linked with its age; {@link AnswerLayout.more} has their title. */
  more: string[];
  /**
   * Not found: the closest note's own lines in the dialect, cut at a line and set as a block quote, and that note
   * linked with its age ({@link AnswerLayout.closest}).
   */
  closest?: { lines: string; citation: string };
  examples: string[];
  stale?: string;
  lookedFor: string[];
}

export function answerParts(answer: Answer, examples: readonly string[], writing: AnswerWriting): AnswerParts {
  const layout = layoutAnswer(answer, examples);
  const { dialect } = writing;
  const escape = (text: string) => dialect.escape(text);
  const { source } = layout;
  return {
    layout,
    ...(source && { found: { quote: quoteFor(answer, writing.markdown, writing.quoteMax), citation: source, source: citationWithAge(source, dialect) } }),
    text: escape(answer.text),
    more: layout.more.citations.map((citation) => citationWithAge(citation, dialect)),
    ...(layout.closest && { closest: { lines: blockQuote(cutAtLine(writing.markdown(layout.closest.snippet, []), CLOSEST_LINES_MAX), dialect), citation: citationWithAge(layout.closest, dialect) } }),
    examples: layout.examples.map(escape),
    ...(layout.stale !== undefined && { stale: escape(layout.stale) }),
    lookedFor: layout.lookedFor.map(escape),
  };
}

/** How much of the closest note's lines an "I couldn't find" shows (characters, once written in the dialect). */
const CLOSEST_LINES_MAX = 400;

function blockQuote(lines: string, dialect: Dialect): string {
  return lines.split('\n').map((line) => dialect.quotePrefix + line).join('\n');
}

/** How much of an echoed question is shown (characters, before escaping). */
export const QUESTION_ECHO = 500;

/**
 * The question repeated above its answer, where it is not visible otherwise: `You asked: …` to the asker alone, else
 * `… asked: …` with `who` (the platform's mention of the asker, already written in the dialect), or `Someone`.
 */
export function questionEcho(question: string, visibility: Visibility, who: string | undefined, dialect: Dialect): string {
  const echoed = dialect.escape(cutText(question, QUESTION_ECHO));
  if (visibility === 'private') return `${dialect.strong('You asked:', OUTSIDE)} ${echoed}`;
  return `${who ?? 'Someone'} asked: ${echoed}`;
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
