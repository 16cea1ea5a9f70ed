import { holdsQuantity, type QuantityAsked } from '../search/quantities.js';
import { joinedStemOf, stemsIn, tokenize, type Token } from '../search/analyze.js';
import { firstCellOf, TABLE_ROW, TABLE_RULE, tablesIn } from '../search/table-records.js';
import { BOLD_QUESTION, Q_LABEL } from '../search/question-lines.js';
import { rangeHolds } from '../search/amount-ranges.js';
import { withoutListNumbers } from '../search/list-numbers.js';
import { REASON } from '../search/reasons-asked.js';
import { asksFigure, formAsked, statesAmount } from './figures-stated.js';
import { ancestors, dedent, FENCE, indentOf, introducesCode, MAX_CHILDREN, throughIntroducedList, throughShortList, toUnits, wholeProcedure, withSiblings } from './quote-pieces.js';

export interface Quote {
  /** The quoted lines, dedented, in the note's Markdown. */
  lines: string[];
  /** Words of the quote, as written, that matched the question. */
  highlights: string[];
  /** The first and last line of the chunk the quote spans (0-based, from the chunk's first line), the bullets above it included. */
  span: [number, number];
  /** The question's stems the quoted pieces hold. */
  held: ReadonlySet<string>;
  /**
   * The quoted piece holds none of the question's words itself: it states what the question asks for (the figure of
   * "how much is the referral bonus") under a heading that holds them ("## Referral bonus").
   */
  underHeading?: true;
}

export interface QuoteOptions {
  /**
   * Quote from the chunk's first piece, through the best-matching ones when they are near: a yes/no question's
   * answer opens with its "Yes" or "No".
   */
  fromOpening?: boolean;
  /**
   * The question is all the heading's words ("first week checklist"): quote from the section's first piece, through
   * the best-matching ones when they are near; the first piece alone when it matches best.
   */
  underNamedHeading?: boolean;
  /**
   * The question asks how to do something: a code block right after the quoted piece is the command it describes
   * ("roll back first and investigate second." and then `make rollback …`), quoted with it, and a step of a short
   * numbered list is quoted with the other steps.
   */
  procedure?: boolean;
  /** The question asks how long, how many, how much, how often or when: a piece that states an amount is preferred. */
  amount?: boolean;
  /** The amount asked is one of time ("how long", "how often", "when"): "about an hour" states one too. */
  duration?: boolean;
  /** The time asked is a length of time ("how long"): "30 days", "about an hour" or "weekly" answers it, "1 million rows" does not. */
  span?: boolean;
  /** The time asked is one of day ("what time is the handover?"): "10:00" or "9 am" answers it, "30 minutes" does not. */
  clock?: boolean;
  /** The amount asked is a size ("how big", "how large"): "40 GB" or "12 people" states one, "7 years" or "hourly" does not. */
  size?: boolean;
  /** The question asks which version: "2.12", "v3", "Postgres 15" answers it. */
  version?: boolean;
  /** The amount asked is a count ("how many"): "41,000 users" states one, "from 07:42", "on 24.17.0" or "2024-08-21" does not. */
  count?: boolean;
  /** The amount asked is one per unit ("per hour", "per node"): only a figure states it, not "free" or "billed per second". */
  rate?: boolean;
  /**
   * The question asks what a limit is ("max memory for a fargate task"): only a figure states it, or "unlimited",
   * "no limit"; not "you pay only for the memory you use".
   */
  limit?: boolean;
  /** The question asks why: a piece that gives a reason ("because", "due to") is preferred. */
  reason?: boolean;
  /** The question asks for a sum of money ("referral bonus amount"): a piece that states one is preferred. */
  money?: boolean;
  /**
   * The question's stems that the headings and parent bullets above the chunk (its section path) hold
   * (`questionStemsIn`). A piece of the figure asked for (an amount, a time, a version, a sum) may be quoted with none
   * of the question's words of its own where the path holds them: under "## Referral bonus", "- £2,000 (UK) … for a
   * referred person who is hired" answers "how much is the referral bonus".
   */
  heading?: ReadonlySet<string>;
  /** Amounts the question names (`amountsAsked`): a table row whose first cell states a range holding one answers for it. */
  amounts?: readonly number[];
  /**
   * Quantities the question names ("half an hour") and the stems of their words: a piece stating one, or a bound or
   * range holding it ("after 30 minutes"), holds those words.
   */
  quantities?: { asked: readonly QuantityAsked[]; stems: readonly string[] };
  /** The count asked is of a unit of time ("how many days are backups kept"): "every 3 hours" or "daily" does not state it. */
  units?: boolean;
}

/**
 * How much more a piece of the form the question asks for weighs (an amount, a reason): the number is the answer,
 * so a piece with a third of the question's words and "5 business days" beats one with all of them and no number.
 */
const FORM_FACTOR = 3;
/** Stands in `matched` for a quantity the question names, stated by a piece: no stem is written so. */
const QUANTITY_STEM = '\u0000quantity';
/** The question's weights and the quantity's: what its words weigh, a word the notes never write as the weightiest. */
function withQuantity(weights: ReadonlyMap<string, number>, stems: readonly string[]): ReadonlyMap<string, number> {
  const most = Math.max(0, ...weights.values());
  let weight = 0;
  for (const stem of stems) weight += weights.get(stem) ?? most;
  return new Map([...weights, [QUANTITY_STEM, weight]]);
}

const MAX_SPAN = 8;

/** A paragraph or list item of images alone (`![Run a query](../images/query.png)`), on one line or more. */
const IMAGES_ONLY = /^\s*(?:(?:[-*+]|\d+[.)])\s+)?(?:!\[[^\]\n]*\]\([^)\n]*\)\s*)+$/;

/**
 * The paragraphs or list items (or, in a long paragraph, the sentences) of a chunk that answer: the best-matching
 * one, its close rivals when they are near, and the bullets nested under the last of them. A fenced code block is
 * one piece, quoted with the line that introduces it ("then sync the app:").
 */
export function selectQuote(text: string, questionWeights: ReadonlyMap<string, number>, options: QuoteOptions = {}): Quote {
  const found = toUnits(text);
  const units = found.map((unit) => unit.text);
  const weights = options.quantities ? withQuantity(questionWeights, options.quantities.stems) : questionWeights;
  // A piece that is only an image shows the reader nothing in chat but its Markdown: it is quoted, if at all, beside
  // the text around it, never for the words of its caption and file name.
  const matched = units.map((unit) => (IMAGES_ONLY.test(unit) ? new Set<string>() : questionStemsIn(unit, weights)));
  if (options.quantities) {
    const { asked } = options.quantities;
    units.forEach((unit, i) => {
      if (holdsQuantity(unit, asked)) matched[i]?.add(QUANTITY_STEM);
    });
  }
  const scores = matched.map((stems) => weightOf(stems, weights));
  // A table row is read with its header, as a list item is with the bullets above it: "GPU training | 41,200"
  // under "Item | Monthly cost" answers "monthly gpu bill". Its own words still choose among the rows.
  const read = [...scores];
  const amountWeight = options.amounts?.length ? Math.max(0, ...weights.values()) : 0;
  for (const { header, last } of tablesIn(units)) {
    for (let row = header + 2; row <= last; row++) {
      // "5 to 9 | 28" holds the "5" of "holiday days after 5 years" as much as a row that writes it would.
      const range = amountWeight > 0 && options.amounts?.some((amount) => rangeHolds(firstCellOf(units[row] ?? '') ?? '', amount)) ? amountWeight : 0;
      scores[row] = (scores[row] ?? 0) + range;
      if ((matched[row]?.size ?? 0) > 0 || range > 0) read[row] = weightOf(new Set([...(matched[row] ?? []), ...(matched[header] ?? [])]), weights) + range;
    }
  }
  const quoted = (picked: readonly number[]): Quote => {
    const lines = dedent(picked.flatMap((i) => (units[i] ?? '').split('\n')));
    const held = new Set(picked.flatMap((i) => [...(matched[i] ?? [])]));
    return { lines, highlights: highlightsIn(lines.join('\n'), weights), span: [found[picked[0] ?? 0]?.first ?? 0, found[picked.at(-1) ?? 0]?.last ?? 0], held };
  };
  const form = formAsked(options);
  // A figure is judged as the answer is: "2026-05-01" is a date, no count of "how many days".
  const figure = asksFigure(options);
  const factors = units.map((unit) => (form?.test(withoutListNumbers(unit)) && (!figure || statesAmount([unit], options)) ? FORM_FACTOR : 1));
  // A line under a table that states the figure asked ("28 days of paid leave a year") outweighs rows that only
  // share a word with the question ("New Year's Day"), as it would any other piece.
  const structured = tableRows(units, scores, read.map((score, i) => score * (factors[i] ?? 1)), matched, weights) ?? questionAndAnswer(units, matched, weights);
  if (structured) return quoted([...ancestors(units, structured[0] ?? 0), ...structured]);
  // A reason is given in a sentence that names what it is the reason for; a figure often stands alone in its list.
  const heading = form && form !== REASON ? options.heading : undefined;
  const best = bestInContext(units, matched, weights, factors, heading);
  const underHeading = heading !== undefined && heading.size > 0 && (matched[best]?.size ?? 0) === 0 && (factors[best] ?? 1) > 1;
  // Rivals are weighed as the best piece was chosen: one without the amount or reason asked for needs half again its words.
  let [from, to] = underHeading ? [best, best] : rivalsAround(units, scores.map((score, i) => score * (factors[i] ?? 1)), best);
  if (options.fromOpening) {
    // The opening alone can be a bare "Yes."; the piece after it says why.
    to = Math.max(to < MAX_SPAN ? to : 0, Math.min(1, units.length - 1));
    from = 0;
  } else if (options.underNamedHeading) {
    // "what was fixed in 2.3.1" under "## [2.3.1]", "### Fixed": the short list there is the answer, all of it.
    to = to < MAX_SPAN ? to : 0;
    if (to === 0 && (matched[0]?.size ?? 0) === 0) to = throughShortList(units, 0);
    from = 0;
  } else if (to - from >= MAX_SPAN) from = to = best;
  if (options.procedure && !underHeading) [from, to] = wholeProcedure(units, from, to);
  const indent = indentOf(units[to] ?? '');
  let children = 0;
  while (to + 1 < units.length && children < MAX_CHILDREN && indentOf(units[to + 1] ?? '') > indent) {
    to++;
    children++;
  }
  if (children === 0) to = throughIntroducedList(units, to);
  if (introducesCode(units, to) || (options.procedure && FENCE.test(units[to + 1] ?? ''))) to++;
  if (from > 0 && FENCE.test(units[from] ?? '') && introducesCode(units, from - 1)) from--;
  if (from === to && !underHeading) [from, to] = withSiblings(units, from);
  const quote = quoted([...ancestors(units, from), ...Array.from({ length: to - from + 1 }, (_, i) => from + i)]);
  return underHeading ? { ...quote, held: heading, underHeading: true } : quote;
}

/**
 * The best piece and its rivals (at least half its score) on the same branch of an outline, as a range: no piece
 * between a rival and the best one stands left of both, as the next top-level bullet would. A rival under another
 * bullet ("Each on-call week pays …" under Compensation, for "do I need a hotspot on call", whose answer is under
 * Laptop) shares a word, not the answer.
 */
function rivalsAround(units: readonly string[], scores: readonly number[], best: number): [number, number] {
  const indents = units.map(indentOf);
  const sameBranch = (i: number) => {
    const floor = Math.min(indents[i] ?? 0, indents[best] ?? 0);
    for (let j = Math.min(i, best) + 1; j < Math.max(i, best); j++) if ((indents[j] ?? 0) < floor) return false;
    return true;
  };
  let from = best;
  let to = best;
  scores.forEach((score, i) => {
    if (score <= 0 || score < 0.5 * (scores[best] ?? 0) || !sameBranch(i)) return;
    from = Math.min(from, i);
    to = Math.max(to, i);
  });
  return [from, to];
}

/**
 * The best piece, read with the bullets above it: the question's words in its parent bullets count as its own, as
 * the section path shown with a quote does. In an outline the parent says what a line is about: "EC2
 * (self-managed by you)" under "We can use EKS with:" answers "self managed nodes eks", and the same line under
 * ECS does not. (At half or three quarters of their weight instead, the bundled later set lost a question.)
 */
function bestInContext(
  units: readonly string[],
  matched: readonly ReadonlySet<string>[],
  weights: ReadonlyMap<string, number>,
  factors: readonly number[],
  heading: ReadonlySet<string> | undefined,
): number {
  let best = 0;
  let bestScore = 0;
  let bestOwn = 0;
  const headed = heading !== undefined && heading.size > 0;
  matched.forEach((own, i) => {
    if (own.size === 0 && !(headed && (factors[i] ?? 1) > 1)) return;
    const read = new Set(own);
    for (const parent of ancestors(units, i)) for (const stem of matched[parent] ?? []) read.add(stem);
    if (headed) for (const stem of heading) read.add(stem);
    const score = weightOf(read, weights) * (factors[i] ?? 1);
    // Read with the heading, a piece that holds the words itself comes before one that leans on the heading.
    const ownWeight = weightOf(own, weights);
    if (score > bestScore || (headed && score === bestScore && ownWeight > bestOwn)) [best, bestScore, bestOwn] = [i, score, ownWeight];
  });
  return best;
}

const MAX_ROWS = 5;

/**
 * A table is quoted as its header and the rows that match best ("who owns billing?" → the billing row
 * under "Service | Database | Owner"), also where the chunk holds more than the table; undefined when the
 * best-matching piece (`read`: a row with its header's words) is not in a table with rows to choose from.
 */
function tableRows(units: string[], scores: number[], read: number[], matched: readonly ReadonlySet<string>[], weights: ReadonlyMap<string, number>): number[] | undefined {
  let best = read.indexOf(Math.max(...read));
  if ((read[best] ?? 0) <= 0) return undefined;
  // "Monthly costs, June 2024:" says what the table below it holds: the table is the answer.
  const intro = /:\s*$/.test(units[best] ?? '') && TABLE_ROW.test(units[best + 1] ?? '') ? [best++] : [];
  if (!TABLE_ROW.test(units[best] ?? '')) return undefined;
  let start = best;
  while (start > 0 && TABLE_ROW.test(units[start - 1] ?? '')) start--;
  let end = best;
  while (end + 1 < units.length && TABLE_ROW.test(units[end + 1] ?? '')) end++;
  if (end - start < 2 || !TABLE_RULE.test(units[start + 1] ?? '')) return undefined;
  const rows = rowScores(scores.slice(start + 2, end + 1), matched.slice(start + 2, end + 1), weights);
  const bestRow = Math.max(...rows);
  // An HTML table read as Markdown holds a bare `|` between rows written over several lines (`html-tables.ts`).
  const filled = (row: number) => /[\p{L}\p{N}]/u.test(units[row] ?? '');
  // A header that holds the question while no row does ("who approves spending over budget" over "Overspend |
  // Approved by") says the table is the answer: its first rows, not the header alone.
  if (bestRow <= 0 && intro.length === 0 && best === start) return [start, start + 1, ...rows.map((_, i) => start + 2 + i).filter(filled).slice(0, MAX_ROWS)];
  if (bestRow <= 0 && intro.length === 0) return undefined;
  const picked = rows.flatMap((score, i) => (score >= 0.5 * bestRow && filled(start + 2 + i) ? [start + 2 + i] : []));
  // A line that announces the table and holds words of the question comes with the rows, as it comes with the
  // whole table when it is the best piece itself.
  const announced = intro.length === 0 && start > 0 && /:\s*$/.test(units[start - 1] ?? '') && (scores[start - 1] ?? 0) > 0 ? [start - 1] : [];
  if (picked.length <= MAX_ROWS) return [...intro, ...announced, start, start + 1, ...picked];
  return intro.length > 0 ? [...intro, start, start + 1, ...picked.slice(0, MAX_ROWS)] : undefined;
}

/**
 * The rows' scores for choosing among them, less the words of the question that every row holds: in a schedule
 * whose rows all start "2025-10-…", the year and month pick no row, and "who is secondary on 2025-10-20" is
 * answered by the row of that day alone.
 */
function rowScores(scores: number[], matched: readonly ReadonlySet<string>[], weights: ReadonlyMap<string, number>): number[] {
  const [first, ...rest] = matched;
  if (!first || rest.length === 0) return scores;
  const everywhere = [...first].filter((stem) => rest.every((row) => row.has(stem)));
  if (everywhere.length === 0) return scores;
  const shared = weightOf(everywhere, weights);
  const distinct = scores.map((score) => score - shared);
  return Math.max(...distinct) > 0 ? distinct : scores;
}

/** What the question line's own words add to a pair's: a tie-break (chosen from 1, 0.5 and 0.1 on the small-notes sets). */
const ASKING_LINE = 0.1;

const QUESTION_LINE = new RegExp(`${Q_LABEL.source}|${BOLD_QUESTION.source}`, 'i');

/**
 * In a "Q: … / A: …" FAQ (or one whose questions are lines in bold), the pair that holds most of the question, its
 * question line and answer together, so that the answer is quoted rather than the question alone; undefined when
 * the chunk holds no such pairs. Where two pairs hold as much, the one whose question line asks more of it: the
 * pair that asks answers, more than one whose answer only mentions the words. ("sql lab timeout" is answered by
 * "A: Dashboards time out after 300 seconds, SQL Lab after 900 seconds.", under a question that names none of its
 * words, not by "Q: How many rows can I download from SQL Lab?", which names two.)
 */
function questionAndAnswer(units: string[], matched: readonly ReadonlySet<string>[], weights: ReadonlyMap<string, number>): number[] | undefined {
  const starts = units.flatMap((unit, i) => (QUESTION_LINE.test(unit) ? [i] : []));
  if (starts.length === 0 || starts.length === units.length) return undefined;
  let best: [number, number] | undefined;
  let bestScore = 0;
  starts.forEach((start, n) => {
    const end = (starts[n + 1] ?? units.length) - 1;
    const held = new Set<string>();
    for (let i = start; i <= end; i++) for (const stem of matched[i] ?? []) held.add(stem);
    const score = weightOf(held, weights) + ASKING_LINE * weightOf(matched[start] ?? [], weights);
    if (score > bestScore && end > start) [best, bestScore] = [[start, end], score];
  });
  if (!best) return undefined;
  const [start, end] = best;
  return Array.from({ length: Math.min(end, start + MAX_SPAN) - start + 1 }, (_, i) => start + i);
}


/** The question's stems that a piece holds, joined pairs included. */
export function questionStemsIn(unit: string, weights: ReadonlyMap<string, number>): Set<string> {
  const stems = new Set<string>();
  for (const stem of stemsIn(unit)) if (weights.has(stem)) stems.add(stem);
  return stems;
}

export function weightOf(stems: Iterable<string>, weights: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const stem of stems) total += weights.get(stem) ?? 0;
  return total;
}

function highlightsIn(text: string, weights: ReadonlyMap<string, number>): string[] {
  const found = new Set<string>();
  const tokens = tokenize(text);
  const written = (token: Token) => text.slice(token.offset, token.end);
  for (const token of tokens) if (!token.stop && weights.has(token.stem)) found.add(written(token));
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    const joined = previous && joinedStemOf(text, previous, token);
    if (previous && joined && weights.has(joined)) {
      found.add(written(previous));
      found.add(written(token));
    }
  });
  return [...found];
}
