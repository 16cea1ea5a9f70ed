import { hasDigit } from './ascii.js';

/**
 * Days of the year written in words ("12 May", "May 12th", "the 3rd of March"), read as the month and day an ISO
 * date writes ("2025-05-12"): the index already joins that date's neighbouring "05" and "12" into one term, `0512`,
 * as it joins any two neighbouring words. So a question's "week of 12 may" meets a rota row "| 2025-05-12 | …", and
 * notes that write "12 May" meet a question that writes either.
 */

const MONTHS: readonly string[] = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DAY = '([12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
/** "12 May", "12th of May", "May 12", "May 12th"; not "May 123", "12 Mayfair" or "v1.12 May". */
const DAY_OF_MONTH = new RegExp(`(?<![\\w.])(?:${DAY}\\s+(?:of\\s+)?${MONTH}|${MONTH}\\.?\\s+${DAY})(?![\\w])`, 'gi');
/** A day in a list of days, not captured. */
const ANY_DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const AND = '\\s*,?\\s+(?:and|or|&)\\s+';
/**
 * The days of a list before the last, which DAY_OF_MONTH reads with its month: the "24th" of "the 24th and 31st of
 * December", the "24" of "Dec 24, 25 and 31".
 */
const LISTED_DAY = new RegExp(
  `(?<![\\w.])${DAY}(?=(?:\\s*,\\s*${ANY_DAY})*${AND}${ANY_DAY}\\s+(?:of\\s+)?${MONTH}(?!\\w))|(?<=(?<![\\w.])${MONTH}\\.?\\s+${ANY_DAY}(?:\\s*,\\s*${ANY_DAY})*(?:\\s*,\\s*|${AND}))${DAY}(?!\\w)`,
  'gi',
);
/** A month's first three letters, as every spelling DAY_OF_MONTH reads begins. */
const MONTH_PREFIX = `(?:${MONTHS.join('|')})`;
/**
 * What every match of DAY_OF_MONTH holds, tested first: a digit and a month's first three letters with only
 * spaces (and "of", a suffix or a full stop) between. It fails fast on the long texts that hold neither, where
 * DAY_OF_MONTH's look-behind is tried at every character.
 */
const MAYBE_DAY_OF_MONTH = new RegExp(`\\d(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_PREFIX}|${MONTH_PREFIX}[a-z]*\\.?\\s+\\d`, 'i');
/** "2025-05-12", "2025/05/12", and "2025_05_12" as daily notes are often named: a date as ISO writes it. */
const ISO_DATE = /(?<![\d.])\d{4}[-/._](0?[1-9]|1[0-2])[-/._]([12]\d|3[01]|0?[1-9])(?![\d.]*\d)/g;

export interface DayOfYear {
  /** The month and day as the index joins an ISO date's: "0512". */
  term: string;
  /** Where it is written: [start, end) offsets. */
  start: number;
  end: number;
}

/** The days of the year written in words in `text`, in order. */
export function daysOfYear(text: string): DayOfYear[] {
  if (!hasDigit(text) || !MAYBE_DAY_OF_MONTH.test(text)) return [];
  const found: DayOfYear[] = [];
  // Both patterns capture the day as group 1 or 4 and the month as group 2 or 3, by the order they are written in.
  for (const match of [...text.matchAll(DAY_OF_MONTH), ...text.matchAll(LISTED_DAY)]) {
    const day = Number(match[1] ?? match[4]);
    const month = MONTHS.indexOf((match[2] ?? match[3] ?? '').slice(0, 3).toLowerCase());
    if (month === -1 || !(day >= 1 && day <= 31)) continue;
    found.push({ term: `${pad(month + 1)}${pad(day)}`, start: match.index, end: match.index + match[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The days a text names, written in words or as ISO dates ("anything on 2025-06-03?"), in order. */
export function daysIn(text: string): DayOfYear[] {
  const found = daysOfYear(text);
  if (hasDigit(text) && /\d{4}/.test(text)) {
    for (const match of text.matchAll(ISO_DATE)) found.push({ term: `${pad(Number(match[1]))}${pad(Number(match[2]))}`, start: match.index, end: match.index + match[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
