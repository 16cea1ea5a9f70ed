import { holdsQuantity, type QuantityAsked } from '../search/quantities.js';
import { joinedStemOf, stemsIn, tokenize, type Token } from '../search/analyze.js';
import { firstCellOf, TABLE_ROW, TABLE_RULE, tablesIn } from '../search/table-records.js';
import { BOLD_QUESTION, Q_LABEL } from '../search/question-lines.js';
import { CLOCK_TIME, DURATION_IN_WORDS, TIME_SPAN } from '../search/times-asked.js';
import { rangeHolds } from '../search/amount-ranges.js';
import { withoutListNumbers } from '../search/list-numbers.js';

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
   * The question asks how to do something: a code block right after the quoted piece is the command it describes
   * ("roll back first and investigate second." and then `make rollback …`), quoted with it.
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

/** A number standing by itself ("24 hours", "€250", "00:45", "30%", "500k"), not a digit of a name ("SEV3", "EC2"), or a number word. */
const AMOUNT = /(?:^|[^\p{L}\d_-])\d[\d.,:]*(?:%|k|m|gb|mb|ms|s|h|d)?(?![\p{L}\d])|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|hundred|thousand|once|twice|daily|weekly|monthly|yearly|hourly|nightly|annually)\b/iu;

const AMOUNT_OR_DURATION = new RegExp(`${AMOUNT.source}|${DURATION_IN_WORDS.source}`, 'iu');

/**
 * A cost, a limit or a count said without a figure: "the control plane is free", "unlimited on spot", "no limit",
 * how a cost is reckoned ("you pay only for the CPU and memory your containers use", "billed per second"), or as
 * much of a count as the notes know ("replicated across multiple availability zones").
 */
const AMOUNT_IN_WORDS = /\b(?:free|unlimited|no\s+(?:limit|charge|cost)|pay|pays|paid|charged|charges|billed|pric(?:e|es|ed|ing)|multiple|several)\b/i;
/** A limit said in words: there is none. */
const NO_LIMIT = /\b(?:unlimited|no\s+(?:limit|maximum|minimum|cap))\b/i;

/** A version: "2.12", "v3", "1.10.x", "version 3", or a name and a number ("Postgres 15", "Node 20"). */
const VERSION_NUMBER = /(?<![\d.])v?\d+(?:\.(?:\d+|x))+(?![\d.]*\d)|\bv\d+\b|\bversions?\s+v?\d+|\b\p{Lu}[\p{L}\d.-]*\s+v?\d+(?:\.\d+)*(?![\d:])/u;

/**
 * Whether quoted lines state an amount or a time, with a figure or in words; a time in words only where one is
 * asked, and only a time of day where that is asked.
 */
export function statesAmount(lines: readonly string[], form: FigureForm = {}): boolean {
  const listed = withoutIdioms(withoutListNumbers(lines.join('\n')));
  // A date, a time of day or a version is a figure, but no count and no sum ("how much is the stipend per week").
  const counted = form.count || !(form.duration || form.span || form.clock || form.version) ? withoutTimesAndVersions(listed) : listed;
  // "Twice a day" says how often, not how long; and no length of time says how big.
  const text = form.size ? counted.replace(TIME_SPANS, ' ') : form.span ? counted.replace(FREQUENCIES, ' ') : counted;
  if (form.limit) return figureAsked(form).test(text) || NO_LIMIT.test(text);
  // A cost or a count said in words answers "how much", never "how long", "how often", "what time" or "which version".
  return figureAsked(form).test(text) || (!form.duration && !form.version && !form.rate && AMOUNT_IN_WORDS.test(text));
}

/**
 * A sum of money: a currency and a figure ("£38k", "USD 1,280", "42p a mile"), a share ("25% of the fare"), none
 * ("free", "costs nothing"), or what is paid for ("you pay only for the CPU and memory you use", "billed per second").
 */
const MONEY = /[$£€¥₹]\s?\d|\b(?:usd|eur|gbp|chf|sek|nok|dkk|pln|inr|jpy|aud|cad)\s?\d|\d[\d.,]*\s?(?:k|m|bn)?\s?(?:usd|eur|gbp|chf|sek|nok|dkk|pln|inr|jpy|aud|cad|dollars?|euros?|pounds?|pence|cents?)\b|\b\d+(?:\.\d+)?[pc]\b|\d\s?%|\b(?:free|unpaid|no\s+(?:extra\s+)?(?:charge|cost)|costs?\s+(?:us\s+)?nothing|pay|pays|paid|billed|charged)\b/iu;

/** Whether quoted lines state a sum of money, or that there is none to pay. */
export function statesMoney(lines: readonly string[]): boolean {
  return MONEY.test(lines.join('\n'));
}

type FigureForm = Pick<QuoteOptions, 'duration' | 'span' | 'clock' | 'version' | 'rate' | 'count' | 'limit' | 'size'>;

const TIME_SPANS = new RegExp(TIME_SPAN.source, 'giu');
/** A number of times a period: "twice a day", "3 times per week", "once every month". */
const FREQUENCIES = /\b(?:once|twice|thrice|(?:\d+|one|two|three|four|five|six|ten)\s+times)\s+(?:an?|per|every|each)\s+\w+/giu;

/** A date, a time of day or a version blanked out: each is a figure, but none is a count. */
function withoutTimesAndVersions(text: string): string {
  return text.replace(ISO_DATES, ' ').replace(CLOCK_TIMES, ' ').replace(DOTTED_VERSIONS, ' ');
}

const ISO_DATES = /\b\d{4}-\d{2}-\d{2}\b/g;
const CLOCK_TIMES = new RegExp(CLOCK_TIME.source, 'giu');
/** "24.17.0", "v2.3": numbers joined by dots more than once, or led by a "v"; "1.5" alone may be a count. */
const DOTTED_VERSIONS = /(?<![\d.])(?:v\d+(?:\.\d+)*|\d+\.\d+\.\d+(?:\.\d+)*)(?![\d.]*\d)/gu;

/** "Both can be on at once", "all at once": at the same time, not a frequency. */
function withoutIdioms(text: string): string {
  return text.replace(/\b(?:all\s+)?at\s+once\b/giu, ' ');
}

/** The figure a question of amount asks for: a time of day, a version, a length of time, or an amount (of time, said in words too). */
function figureAsked(form: FigureForm): RegExp {
  if (form.clock) return CLOCK_TIME;
  if (form.version) return VERSION_NUMBER;
  if (form.span) return TIME_SPAN;
  return form.duration ? AMOUNT_OR_DURATION : AMOUNT;
}

/**
 * A piece that gives a reason: "Kafka was rejected because …", "This is why fargate is not suitable for". Not
 * "therefore" or "as a result": what follows them is the consequence, and the reason stands before.
 */
const REASON = /\b(?:because|due\s+to|owing\s+to|caused\s+by|so\s+that|in\s+order\s+to|(?:this|that)(?:'s|\s+is)\s+why|the\s+reasons?)\b/i;

/** What the question's form asks a piece to state, if anything. */
function formAsked(options: QuoteOptions): RegExp | undefined {
  if (options.amount || options.clock || options.version) return figureAsked(options);
  if (options.money) return MONEY;
  return options.reason ? REASON : undefined;
}

const MAX_SPAN = 8;
const MAX_CHILDREN = 4;
/** A paragraph longer than this is quoted by its sentences. */
const LONG_TEXT = 320;
const MAX_ANCESTORS = 3;

/**
 * The paragraphs or list items (or, in a long paragraph, the sentences) of a chunk that answer: the best-matching
 * one, its close rivals when they are near, and the bullets nested under the last of them. A fenced code block is
 * one piece, quoted with the line that introduces it ("then sync the app:").
 */
export function selectQuote(text: string, questionWeights: ReadonlyMap<string, number>, options: QuoteOptions = {}): Quote {
  const found = toUnits(text);
  const units = found.map((unit) => unit.text);
  const weights = options.quantities ? withQuantity(questionWeights, options.quantities.stems) : questionWeights;
  const matched = units.map((unit) => questionStemsIn(unit, weights));
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
  const structured = tableRows(units, scores, read) ?? questionAndAnswer(units, matched, weights);
  if (structured) return quoted([...ancestors(units, structured[0] ?? 0), ...structured]);
  const form = formAsked(options);
  const factors = units.map((unit) => (form?.test(withoutListNumbers(unit)) ? FORM_FACTOR : 1));
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
  } else if (to - from >= MAX_SPAN) from = to = best;
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
function tableRows(units: string[], scores: number[], read: number[]): number[] | undefined {
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
  const rows = scores.slice(start + 2, end + 1);
  const bestRow = Math.max(...rows);
  // A header that holds the question while no row does ("who approves spending over budget" over "Overspend |
  // Approved by") says the table is the answer: its first rows, not the header alone.
  if (bestRow <= 0 && intro.length === 0 && best === start) return [start, start + 1, ...rows.slice(0, MAX_ROWS).map((_, i) => start + 2 + i)];
  if (bestRow <= 0 && intro.length === 0) return undefined;
  const picked = rows.flatMap((score, i) => (score >= 0.5 * bestRow ? [start + 2 + i] : []));
  // A line that announces the table and holds words of the question comes with the rows, as it comes with the
  // whole table when it is the best piece itself.
  const announced = intro.length === 0 && start > 0 && /:\s*$/.test(units[start - 1] ?? '') && (scores[start - 1] ?? 0) > 0 ? [start - 1] : [];
  if (picked.length <= MAX_ROWS) return [...intro, ...announced, start, start + 1, ...picked];
  return intro.length > 0 ? [...intro, start, start + 1, ...picked.slice(0, MAX_ROWS)] : undefined;
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

/** A piece of the chunk that is quoted whole: its text as written, and its first and last line (0-based). */
interface Unit {
  text: string;
  first: number;
  last: number;
}

/** A fence line; a code block's piece starts with one, and no other piece holds one. */
const FENCE = /^\s*(```|~~~)/;
/** A line that starts a block of its own rather than going on with the paragraph or list item above it. */
const BLOCK_START = /^\s*(?:[-*+]\s|\d+[.)]\s|#{1,6}\s|>|\||<|```|~~~|(?:\*\*)?(?:Q|Question|A|Answer)\s*[:.)])/i;

/** Whether the piece at `index` ends with a colon and a code block follows it: the block is what it announces. */
function introducesCode(units: string[], index: number): boolean {
  return /:\s*$/.test(units[index] ?? '') && FENCE.test(units[index + 1] ?? '');
}

const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s/;

/**
 * Where the list a piece announces ends: a line ending in a colon says what follows it ("If you want a custom OS:"
 * and the steps below), so the quote goes on through the list's first few items. The piece itself otherwise.
 */
function throughIntroducedList(units: string[], index: number): number {
  const first = units[index + 1] ?? '';
  if (!/:\s*$/.test(units[index] ?? '') || !LIST_ITEM.test(first) || indentOf(first) < indentOf(units[index] ?? '')) return index;
  const indent = indentOf(first);
  let end = index;
  let items = 0;
  while (end + 1 < units.length && indentOf(units[end + 1] ?? '') >= indent) {
    if (indentOf(units[end + 1] ?? '') === indent && (!LIST_ITEM.test(units[end + 1] ?? '') || ++items > MAX_CHILDREN)) break;
    end++;
  }
  return end;
}

/**
 * The chunk's paragraphs, list items and fenced code blocks, each with its lines: a paragraph (or item) wrapped
 * over several lines is one piece, so a quote never stops mid-sentence at a line break, and a code block is one
 * piece, so it is never cut. A very long paragraph is cut into its sentences.
 */
function toUnits(text: string): Unit[] {
  const lines = text.split('\n');
  const blocks: Unit[] = [];
  let fence: Unit | undefined;
  lines.forEach((line, n) => {
    if (fence) {
      fence.text += `\n${line}`;
      fence.last = n;
      if (FENCE.test(line)) fence = undefined;
      return;
    }
    if (line.trim() === '') return;
    if (FENCE.test(line)) {
      blocks.push((fence = { text: line, first: n, last: n }));
      return;
    }
    const last = blocks.at(-1);
    const goesOn = last !== undefined && last.last === n - 1 && !BLOCK_START.test(line) && !TABLE_ROW.test(last.text) && !/^\s*#/.test(last.text) && !FENCE.test(last.text) && !BOLD_QUESTION.test(last.text);
    if (goesOn) {
      last.text += `\n${line}`;
      last.last = n;
    } else blocks.push({ text: line, first: n, last: n });
  });
  const units = blocks.flatMap((block) => (block.text.length <= LONG_TEXT || FENCE.test(block.text) ? [block] : sentencesOf(block)));
  return units.length > 0 ? units : [{ text: text.trim(), first: 0, last: 0 }];
}

/**
 * A sentence: up to a full stop, "!" or "?" followed by a space or the end (after any closing quote or bracket), so
 * that `Manpage.md`, `v1.2.3` and `example.com` stay whole.
 */
const SENTENCE = /(?:[^.!?]|[.!?]+(?!["')\]]*(?:\s|$)))+(?:[.!?]+["')\]]*)?\s*|[.!?]+["')\]]*\s*/g;

/** A long paragraph's sentences, each with the lines it spans. */
function sentencesOf(block: Unit): Unit[] {
  const sentences: Unit[] = [];
  // Line breaks are counted on from the last sentence's start, not from the paragraph's: a paragraph of thousands of
  // sentences ("1. 1. 1. …") would cost the square of its length.
  let counted = 0;
  let line = block.first;
  for (const match of block.text.matchAll(SENTENCE)) {
    const sentence = match[0].trim();
    if (sentence === '') continue;
    const start = match.index + match[0].length - match[0].trimStart().length;
    line += countBreaks(block.text, counted, start);
    counted = start;
    sentences.push({ text: sentence, first: line, last: line + countBreaks(sentence, 0, sentence.length) });
  }
  return sentences.length > 0 ? sentences : [block];
}

function countBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) breaks++;
  return breaks;
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
  const written = (token: Token) => text.slice(token.offset, token.offset + token.surface.length);
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

/** A lone quoted bullet brings its parent and its few siblings: "not suitable for: stateful apps, daemon sets". */
function withSiblings(units: string[], index: number): [number, number] {
  const indent = indentOf(units[index] ?? '');
  let parent = index - 1;
  while (parent >= 0 && indentOf(units[parent] ?? '') >= indent) parent--;
  if (parent < 0 || indent === 0) return [index, index];
  const parentIndent = indentOf(units[parent] ?? '');
  let end = parent;
  while (end + 1 < units.length && indentOf(units[end + 1] ?? '') > parentIndent) end++;
  return end - parent <= MAX_CHILDREN ? [parent, end] : [index, index];
}

/**
 * The bullets above a quoted line, nearest last: its context in an outline. The line that announces a list
 * ("Freeze windows (no prod deploys):") is the parent of its items as much as a bullet is: "- Public holidays in
 * Berlin." says nothing by itself.
 */
function ancestors(units: readonly string[], index: number): number[] {
  const chain: number[] = [];
  let indent = indentOf(units[index] ?? '');
  for (let i = index - 1; i >= 0 && chain.length < MAX_ANCESTORS && indent > 0; i--) {
    const line = units[i] ?? '';
    if (indentOf(line) < indent && LIST_ITEM.test(line)) {
      chain.unshift(i);
      indent = indentOf(line);
    }
  }
  const lead = leadInOf(units, chain[0] ?? index);
  return lead === undefined ? chain : [lead, ...chain];
}

/** The paragraph ending in a colon right above the list that holds the item at `index`, if any. */
function leadInOf(units: readonly string[], index: number): number | undefined {
  const item = units[index] ?? '';
  if (!LIST_ITEM.test(item)) return undefined;
  const indent = indentOf(item);
  let i = index - 1;
  // Back over the items before it and what is nested under them.
  while (i >= 0 && (indentOf(units[i] ?? '') > indent || (indentOf(units[i] ?? '') === indent && LIST_ITEM.test(units[i] ?? '')))) i--;
  const line = units[i] ?? '';
  return i >= 0 && !LIST_ITEM.test(line) && !FENCE.test(line) && !TABLE_ROW.test(line) && /:\s*$/.test(line) && indentOf(line) <= indent ? i : undefined;
}

function indentOf(line: string): number {
  return /^\s*/.exec(line)?.[0].length ?? 0;
}

function dedent(lines: string[]): string[] {
  const indent = Math.min(...lines.filter((line) => line.trim()).map(indentOf));
  return lines.map((line) => line.slice(Number.isFinite(indent) ? indent : 0).trimEnd());
}
