import { escapeRegExp } from '../escape-regexp.js';
import { REASON } from '../search/reasons-asked.js';
import { CLOCK_TIME, DURATION_IN_WORDS, FREQUENCY_WORD, LONG_WEEKDAY, TIME_SPAN } from '../search/times-asked.js';
import { withoutListNumbers } from '../search/list-numbers.js';
import { isStopWord } from '../search/analyze.js';
import type { QuoteOptions } from './quote.js';

/**
 * Whether a quoted piece states what a question of amount, money or reason asks for: a figure of the kind asked (a
 * count, a length of time, a time of day, a version, a sum), or said in words ("free", "unlimited", "because").
 */

/** A number standing by itself ("24 hours", "€250", "00:45", "30%", "500k"), not a digit of a name ("SEV3", "EC2"), or a number word. */
const AMOUNT = /(?:^|[^\p{L}\d_-])\d[\d.,:]*(?:%|k|m|gb|mb|ms|s|h|d)?(?![\p{L}\d])|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|hundred|thousand|once|twice|daily|weekly|monthly|yearly|hourly|nightly|annually)\b/iu;

/** An amount, a time in words, or a day of the week: "every Tuesday" says when and how often. */
const AMOUNT_OR_DURATION = new RegExp(`${AMOUNT.source}|${DURATION_IN_WORDS.source}|${LONG_WEEKDAY.source}`, 'iu');

/**
 * A cost, a limit or a count said without a figure: "the control plane is free", "unlimited on spot", "no limit",
 * how a cost is reckoned ("you pay only for the CPU and memory your containers use", "billed per second"), or as
 * much of a count as the notes know ("replicated across multiple availability zones").
 */
const AMOUNT_IN_WORDS = /\b(?:free|unlimited|no\s+(?:limit|charge|cost)|pay|pays|paid|charged|charges|billed|pric(?:e|es|ed|ing)|multiple|several)\b/i;
/** A limit said in words: there is none. */
const NO_LIMIT = /\b(?:unlimited|no\s+(?:limit|maximum|minimum|cap))\b/i;

/**
 * A version: "2.12", "v3", "1.10.x", "version 3", or a name and a number ("Postgres 15", "Node 20"), said of it
 * ("Node.js is now 20", "upgraded Postgres to 16", "Node: 20") where the number counts nothing ("on 3 nodes", "at 80%").
 */
const VERSION_NUMBER = new RegExp(
  [
    String.raw`(?<![\d.])v?\d+(?:\.(?:\d+|x))+(?![\d.]*\d)|\bv\d+\b|\bversions?\s+v?\d+|\b\p{Lu}[\p{L}\d.-]*\s+v?\d+(?:\.\d+)*(?![\d:])`,
    String.raw`\b\p{Lu}[\p{L}\d.-]*(?:(?:\s+(?:is|was|are|were|now|still|at|on|to|from))+\s+|\s*(?:>=|=>|>|=|:)\s*)v?\d+(?:\.\d+)*(?![\d:%])(?!\s*(?:k|m|gb|mb|tb|kb|ms|s|h|d)\b)(?!\s+\p{L}{3,}s\b)`,
  ].join('|'),
  'u',
);

/**
 * Whether quoted lines state an amount or a time, with a figure or in words; a time in words only where one is
 * asked, and only a time of day where that is asked.
 */
export function statesAmount(lines: readonly string[], form: FigureForm = {}): boolean {
  const listed = withoutIdioms(withoutListNumbers(lines.join('\n')));
  // A date, a time of day or a version is a figure, but no count and no sum ("how much is the stipend per week").
  const counted = form.count || !(form.duration || form.span || form.clock || form.version) ? withoutTimesAndVersions(listed) : listed;
  // "Twice a day" or "a nightly job" says how often, not how long, and "every 3 hours" or "daily" no count of days;
  // no length of time says how big.
  let text = counted;
  if (form.units) text = text.replace(REPEATS, ' ').replace(FREQUENCY_WORDS, ' ');
  else if (form.span) text = withoutHowOftenOfThings(text);
  if (form.size) text = text.replace(TIME_SPANS, ' ');
  else if (form.span) text = text.replace(FREQUENCIES, ' ');
  if (form.span && (TIMED_SETTING.test(text) || TIMED_CAMEL_SETTING.test(text))) return true;
  if (form.limit) return figureAsked(form).test(text) || NO_LIMIT.test(text);
  // A cost or a count said in words answers "how much", never "how long", "how often", "what time" or "which version".
  return figureAsked(form).test(text) || (!form.duration && !form.version && !form.rate && AMOUNT_IN_WORDS.test(text));
}

/**
 * Whether the lines state the version of one of `names` (words as written, the question's): the name, then its number
 * ("Postgres 16", "redis: 7.2", "node >= 20"). "Built on Feast 0.36" states Feast's version, not redis's.
 */
export function statesVersionOf(lines: readonly string[], names: readonly string[]): boolean {
  const text = lines.join('\n');
  return names.some((name) => new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(name)}(?:\\s+(?:is|was|are|were|now|still|at|on|to|from))*\\s*(?:>=|=>|>|=|:)?\\s*v?\\d+(?:\\.\\d+)*(?![\\d:%])`, 'iu').test(text));
}

/**
 * A setting named with its unit of time and a number on its line: "| `PAYMENT_TIMEOUT_MS` | 8000 |", "ttl_seconds:
 * 300", "retryDelayMs = 250". The number is a length of time, though no unit follows it.
 */
const TIMED_SETTING = /[\p{L}\d][_.-](?:ms|millis|milliseconds|secs?|seconds|mins?|minutes|hours|hrs|days)(?![\p{L}\d])[^\n\d]*\d/iu;
/** The same, in camel case: "retryDelayMs = 250". */
const TIMED_CAMEL_SETTING = /\p{Ll}(?:Ms|Millis|Secs?|Seconds|Mins?|Minutes|Hours|Days)(?![\p{L}\d])[^\n\d]*\d/u;

/**
 * A sum of money: a currency and a figure ("£38k", "USD 1,280", "42p a mile"), a share ("25% of the fare"), none
 * ("free", "costs nothing"), or what is paid for ("you pay only for the CPU and memory you use", "billed per second").
 */
const MONEY = /[$£€¥₹]\s?\d|\b(?:usd|eur|gbp|chf|sek|nok|dkk|pln|inr|jpy|aud|cad)\s?\d|\d[\d.,]*\s?(?:k|m|bn)?\s?(?:usd|eur|gbp|chf|sek|nok|dkk|pln|inr|jpy|aud|cad|dollars?|euros?|pounds?|pence|cents?)\b|\b\d+(?:\.\d+)?[pc]\b|\d\s?%|\b(?:free|unpaid|no\s+(?:extra\s+)?(?:charge|cost)|costs?\s+(?:us\s+)?nothing|pay|pays|paid|billed|charged)\b/iu;

/** Whether quoted lines state a sum of money, or that there is none to pay. */
export function statesMoney(lines: readonly string[]): boolean {
  return MONEY.test(lines.join('\n'));
}

export type FigureForm = Pick<QuoteOptions, 'duration' | 'span' | 'clock' | 'version' | 'rate' | 'count' | 'limit' | 'size' | 'units'>;

const TIME_SPANS = new RegExp(TIME_SPAN.source, 'giu');
/** A number of times a period: "twice a day", "3 times per week", "once every month". */
const FREQUENCIES = /\b(?:once|twice|thrice|(?:\d+|one|two|three|four|five|six|ten)\s+times)\s+(?:an?|per|every|each)\s+\w+/giu;
/**
 * A word of frequency before the thing it describes ("a nightly job", "daily snapshots") blanked out: it says how often
 * that thing happens, not how long anything lasts. Said of a thing ("the rotation is weekly", "rotated weekly"), the
 * word names a period and still answers how long.
 */
function withoutHowOftenOfThings(text: string): string {
  return text.replace(FREQUENCY_BEFORE_WORD, (match, _word: string, next: string) => (isStopWord(next.toLowerCase()) ? match : ` ${next}`));
}

/** How often, said in one word: the words a length of time reads as a period, and "fortnightly" and "annual". */
const HOW_OFTEN = String.raw`(?:${FREQUENCY_WORD}|fortnightly|annual)`;
const FREQUENCY_BEFORE_WORD = new RegExp(String.raw`\b(${HOW_OFTEN})\s+(\p{L}+)`, 'giu');
/** How often, said in a word: never a count of days or hours. */
const FREQUENCY_WORDS = new RegExp(String.raw`\b(?:once|twice|${HOW_OFTEN})\b`, 'giu');
/** A period repeated: "every 3 hours", "each week", "every other day". */
const REPEATS = new RegExp(String.raw`\b(?:every|each)\s+(?:other\s+)?(?:${TIME_SPAN.source}|second|minute|hour|day|week|month|year)`, 'giu');

/** A weekday that recurs: "every Tuesday", "on Mondays". */
const WEEKDAYS_REPEATED = /\b(?:every|each)\s+(?:other\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)days\b/iu;
const HOW_OFTEN_STATED = [REPEATS, FREQUENCY_WORDS, FREQUENCIES].map((pattern) => new RegExp(pattern.source, 'iu'));

/** Whether quoted lines say how often: "every two weeks", "weekly", "twice a month", "on Tuesdays". */
export function statesFrequency(lines: readonly string[]): boolean {
  const text = withoutIdioms(lines.join('\n'));
  return WEEKDAYS_REPEATED.test(text) || HOW_OFTEN_STATED.some((pattern) => pattern.test(text));
}

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

/** Whether the question's form asks for a figure: an amount, a time of day or a version. */
export function asksFigure(options: QuoteOptions): boolean {
  return options.amount === true || options.clock === true || options.version === true;
}

/** What the question's form asks a piece to state, if anything. */
export function formAsked(options: QuoteOptions): RegExp | undefined {
  if (asksFigure(options)) return figureAsked(options);
  if (options.money) return MONEY;
  return options.reason ? REASON : undefined;
}
