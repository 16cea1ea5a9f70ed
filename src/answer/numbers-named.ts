import { isStopToken } from '../search/analyze.js';
import { daysIn } from '../search/dates.js';
import { TIME_SPAN } from '../search/times-asked.js';

/** Punctuation before a word ("(pr") and after it ("1.30?", "2024,", "1187)"). */
const OPENING = /^[("'`[]+/;
const AROUND = new RegExp(`${OPENING.source}|[)"'\`\\].,;:!?]+$`, 'g');
/** A number by itself: "1.30", "8", "2024", "1,000"; not "k8s", "golang:1.26", "2.x", "30%" or "$5". */
const NUMBER = /^\d+(?:[.,]\d+)*$/;
/** A word with no punctuation after it: one that may name what the number after it numbers. */
const WORD = /^[\p{L}\d_-]+$/u;

/** A year, which names a period as a version names a release: "csat in q4 2024", "freeze dates for 2025". */
const YEAR = /^(?:19|20)\d\d$/;

/**
 * The numbers a question names, as a name or a version names a thing: "k8s 1.30", "pr 1187", "pixel 8", "q4 2024",
 * "crash-free rate of 24.19". An answer about another release, ticket or year does not answer it: "when are we
 * upgrading k8s to 1.30" is not answered by the 1.29 upgrade's notes. Not amounts, which the answer may state
 * otherwise: "stuck for 2 hours", "45 mins late", "refunds over 1000", "3 replicas".
 */
export function numbersNamed(question: string): string[] {
  // A day's number is the day's ("the october 6 sync", "6 oct"), which `daysNamed` asks for, as the notes date it
  // ("## 2025-10-06"), where the number alone is not written.
  let undated = question;
  for (const day of daysIn(question)) undated = undated.slice(0, day.start) + ' '.repeat(day.end - day.start) + undated.slice(day.end);
  const words = undated.toLowerCase().split(/\s+/);
  const named: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const written = words[i] ?? '';
    const number = written.replace(AROUND, '');
    // "does fargate run pods (2)": a number in brackets of its own is an aside, not a name.
    if (!NUMBER.test(number) || /^[([]/.test(written)) continue;
    const after = (words[i + 1] ?? '').replace(AROUND, '');
    if (after !== '' && countsSomething(`${number} ${after}`, after)) continue;
    // A name before it, in the same clause: "pixel 8", not "sorry, 8".
    const before = (words[i - 1] ?? '').replace(OPENING, '');
    const afterName = WORD.test(before) && !isStopToken(before) && !/^\d/.test(before);
    if (number.includes('.') || YEAR.test(number) || afterName) named.push(number);
  }
  return named;
}

/** "2 hours", "500 ms", "30%", "3 replicas": a figure followed by its unit, or by a plural noun it counts. */
function countsSomething(phrase: string, unit: string): boolean {
  return TIME_SPAN.test(phrase) || /^(?:%|\$|€|£|k|m|b|kb|mb|gb|tb|ms|x|million|billion|thousand|hundred|percent)$/.test(unit) || (unit.length > 3 && unit.endsWith('s') && !unit.endsWith('ss'));
}

/**
 * Whether a text names the number: "1.29" in "1.29.3", "2024" in "2024-03-12", "1,000" in "1000"; but "8" is not in
 * "8.1", nor "1.3" in "1.30".
 */
export function namesNumber(text: string, number: string): boolean {
  const digits = withoutThousandsCommas(number).replace(/\./g, '\\.');
  const extension = number.includes('.') ? String.raw`(?:\.\d+)*` : '';
  return new RegExp(String.raw`(?<![\d.,])${digits}${extension}(?![\d]|[.,]\d)`, 'u').test(withoutThousandsCommas(text));
}

function withoutThousandsCommas(text: string): string {
  return text.replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
}

/** The days of the year a question names ("the week of 12 may", "2025-06-03"): an answer about another day does not answer it. */
export function daysNamed(question: string): { written: string; term: string }[] {
  return daysIn(question).map((day) => ({ written: question.slice(day.start, day.end), term: day.term }));
}

