import { tokenize, type Token } from './analyze.js';

/**
 * Lengths of time and sizes of data, by value: "half an hour" is 30 minutes, "90 min" is more than "60 minutes",
 * "half a terabyte" is what "over 500 GB" bounds. A question names one ("my job runs like 90 min"); the notes state
 * one, a bound or a range ("Jobs longer than 60 minutes must be split", "| 30–59 minutes | 25% |"), in other words
 * and other units than the question's, so the words alone do not meet.
 */

export type Dimension = 'time' | 'size';

/** A quantity a question names: its value in seconds or bytes, and where it is written ([start, end) offsets). */
export interface QuantityAsked {
  value: number;
  dimension: Dimension;
  start: number;
  end: number;
}

/** A quantity a text states: one value (low = high), a bound (one side infinite) or a range, in seconds or bytes. */
interface QuantityStated {
  low: number;
  high: number;
  dimension: Dimension;
}

/** Each unit: the pattern its written names match, and those names spelt out (a bare letter is none: "2h"). */
const UNITS: readonly { pattern: string; dimension: Dimension; scale: number; names: readonly string[] }[] = [
  { pattern: 'milliseconds?|ms', dimension: 'time', scale: 0.001, names: ['millisecond', 'ms'] },
  { pattern: 'seconds?|secs?|s', dimension: 'time', scale: 1, names: ['second', 'sec'] },
  { pattern: 'minutes?|mins?', dimension: 'time', scale: 60, names: ['minute', 'min'] },
  { pattern: 'hours?|hrs?|h', dimension: 'time', scale: 3_600, names: ['hour', 'hr'] },
  { pattern: '(?:(?:working|business|calendar)\\s+)?days?|d', dimension: 'time', scale: 86_400, names: ['day'] },
  { pattern: 'weeks?|wks?', dimension: 'time', scale: 604_800, names: ['week', 'wk'] },
  // A month of 30 days and a year of 365, as people reckon them ("30 days" is "a month").
  { pattern: 'months?', dimension: 'time', scale: 2_592_000, names: ['month'] },
  { pattern: 'years?|yrs?', dimension: 'time', scale: 31_536_000, names: ['year', 'yr'] },
  { pattern: 'kilobytes?|kib|kb', dimension: 'size', scale: 1e3, names: ['kilobyte', 'kib', 'kb'] },
  { pattern: 'megabytes?|mib|mb', dimension: 'size', scale: 1e6, names: ['megabyte', 'mib', 'mb'] },
  { pattern: 'gigabytes?|gib|gb', dimension: 'size', scale: 1e9, names: ['gigabyte', 'gib', 'gb'] },
  { pattern: 'terabytes?|tib|tb', dimension: 'size', scale: 1e12, names: ['terabyte', 'tib', 'tb'] },
  { pattern: 'petabytes?|pib|pb', dimension: 'size', scale: 1e15, names: ['petabyte', 'pib', 'pb'] },
];
const UNIT = `(${UNITS.map((unit) => unit.pattern).join('|')})`;

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, 'forty-five': 45, fifty: 50, sixty: 60, ninety: 90,
};
const DIGITS = '\\d[\\d,]*(?:\\.\\d+)?';
/** A number: digits, a number word, "a" or "an" (one of the unit), "half a" or "a quarter of an". */
const NUMBER = `(${DIGITS}|${Object.keys(NUMBER_WORDS).join('|')}|half\\s+an?|(?:a\\s+)?quarter\\s+of\\s+an?|an?)`;
/** Where a figure may start: not inside a word, a version, a path or another figure ("000" of "1,000"). */
const FIGURE_START = '(?<![\\p{L}\\d_.:/-])(?<!\\d,)';
/**
 * A number and its unit ("30 minutes", "2h", "half an hour", "an hour and a half", "two and a half days"). "A" is
 * no number after a word that makes a rate of it: "once a day", "per hour", "€150 a week". The look-behinds are
 * bounded and skip the inside of a figure, so that a long run of spaces or digits is read in linear time.
 */
const QUANTITY = new RegExp(
  `${FIGURE_START}(?<!(?:once|twice|times|per|every|few|couple|\\d)\\s{1,4})${NUMBER}(\\s+and\\s+a\\s+half)?\\s?-?${UNIT}(\\s+and\\s+a\\s+half)?(?![\\p{L}\\d_])`,
  'giu',
);
/** "30–59 minutes", "5 to 10 days", "between 2 and 4 hours": the first figure takes the second's unit. */
const RANGE = new RegExp(`${FIGURE_START}(?:between\\s+)?(${DIGITS})\\s*(?:–|—|-|to|and)\\s*(?=${DIGITS}\\s?-?${UNIT}(?![\\p{L}\\d_]))`, 'giu');
/** Digits, or the start of a unit's name: a text without either names no quantity, and most questions have neither. */
const MAY_HOLD = /\d|\b(?:sec|min|hour|hr|day|week|wk|month|year|yr|kilobyte|megabyte|gigabyte|terabyte|petabyte)/i;
/** What stands before a lower bound: "longer than 60 minutes", "older than 45 minutes", "after 30 minutes", "over 500 GB". */
const LOWER = /(?:\b(?:over|above|after|beyond|past|exceeds?|exceeding|at\s+least|(?:more|longer|older|greater|bigger|larger)\s+than)|[>≥])\s*$/i;
/** What stands before an upper bound: "within 2 hours", "under 5 GB", "up to 10 days". */
const UPPER = /(?:\b(?:under|below|within|up\s+to|at\s+most|(?:no|not)\s+(?:more|longer)\s+than|(?:less|shorter|fewer|smaller)\s+than)|[<≤])\s*$/i;
const BOUND_CONTEXT = 24;

function numberOf(written: string): number | undefined {
  const word = written.toLowerCase().replace(/\s+/g, ' ');
  if (/^\d/.test(word)) {
    const value = Number(word.replace(/,(?=\d{3}(?!\d))/g, ''));
    return Number.isFinite(value) ? value : undefined;
  }
  if (word.startsWith('half')) return 0.5;
  if (word.includes('quarter')) return 0.25;
  if (word === 'a' || word === 'an') return 1;
  return NUMBER_WORDS[word];
}

const UNIT_NAMES = UNITS.map((unit) => ({ ...unit, name: new RegExp(`^(?:${unit.pattern})$`, 'i') }));

function unitOf(written: string): { dimension: Dimension; scale: number } | undefined {
  const word = written.replace(/\s+/g, ' ');
  return UNIT_NAMES.find((unit) => unit.name.test(word));
}

/**
 * The names of the unit a word of a quantity writes ("min" → minute, min; "mins" → the same), spelt out; undefined
 * for a word that is no unit ("half", "90").
 */
export function namesOfUnit(word: string): readonly string[] | undefined {
  const unit = UNIT_NAMES.find((candidate) => candidate.name.test(word));
  return unit && word.length > 1 ? unit.names : undefined;
}

/** Every number with a unit in `text`, as written: value in seconds or bytes, and its place. */
export function quantitiesIn(text: string): QuantityAsked[] {
  return found(text).map(({ value, dimension, start, end }) => ({ value, dimension, start, end }));
}

/** A quantity found, with the scale of its unit (seconds or bytes in one), for a range's first figure. */
interface Found extends QuantityAsked {
  scale: number;
}

function found(text: string): Found[] {
  if (!MAY_HOLD.test(text)) return [];
  const quantities: Found[] = [];
  for (const match of text.matchAll(QUANTITY)) {
    const number = numberOf(match[1] ?? '');
    const unit = unitOf(match[3] ?? '');
    if (number === undefined || !unit) continue;
    // A bare letter is a unit only right after digits: "2h", "30 s"; not "a d" or "one s".
    if ((match[3] ?? '').length === 1 && !/^\d/.test(match[1] ?? '')) continue;
    const half = match[2] || match[4] ? 0.5 : 0;
    quantities.push({ value: (number + half) * unit.scale, dimension: unit.dimension, scale: unit.scale, start: match.index, end: match.index + match[0].length });
  }
  return quantities;
}

/** The quantities a text states, each a value, a bound ("longer than 60 minutes") or a range ("30–59 minutes"). */
function quantitiesStated(text: string): QuantityStated[] {
  const quantities = found(text);
  if (quantities.length === 0) return [];
  const ranges = [...text.matchAll(RANGE)];
  return quantities.map(({ value, dimension, scale, start }) => {
    const range = ranges.find((match) => match.index + match[0].length === start);
    const low = range ? numberOf(range[1] ?? '') : undefined;
    if (low !== undefined) return { low: low * scale, high: value, dimension };
    const before = text.slice(Math.max(0, start - BOUND_CONTEXT), start);
    if (LOWER.test(before)) return { low: value, high: Infinity, dimension };
    if (UPPER.test(before)) return { low: 0, high: value, dimension };
    return { low: value, high: value, dimension };
  });
}

/** A hair over rounding: "1.5 hours" is 90 minutes. */
const SLACK = 1e-6;

/** Whether a text states a quantity that holds one the question names: the same, or a bound or range around it. */
export function holdsQuantity(text: string, asked: readonly QuantityAsked[]): boolean {
  if (asked.length === 0) return false;
  const stated = quantitiesStated(text);
  return stated.some((s) => asked.some((q) => q.dimension === s.dimension && q.value >= s.low * (1 - SLACK) && q.value <= s.high * (1 + SLACK)));
}

/** The question's words that name its quantities ("half" and "hour" of "half an hour"), as the analyser reads them. */
export function wordsOfQuantities(question: string, asked: readonly QuantityAsked[]): Token[] {
  return asked.flatMap((quantity) => tokenize(question.slice(quantity.start, quantity.end)));
}
