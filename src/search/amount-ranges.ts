import { hasDigit } from './ascii.js';
import { daysIn } from './dates.js';

/**
 * Amounts a question names and the ranges a table's rows state, for tables of thresholds, tiers and bands: "who signs
 * off a £1200 claim" is answered by the row "£500.01 to £2,500 | head of department", "holiday days after 5 years" by
 * "5 to 9 | 28", though neither row writes the question's number.
 */

/** A figure with an optional currency sign and thousands suffix: "£1,200", "€580.01", "5k", "2.5m". */
const FIGURE = String.raw`[£$€]?\s?\d[\d,]*(?:\.\d+)?\s?(?:k|m)?(?![\p{L}\d])`;
const FIGURE_AT = new RegExp(`^${FIGURE}`, 'iu');

/** An amount in a question, standing by itself: not part of a name ("k8s", "sev2", "ec2"), a version or a date. */
const AMOUNT_ASKED = new RegExp(String.raw`(?<![\p{L}\d_.:/-])(${FIGURE})(?![.:/-]\d)`, 'giu');
/** A year: a name for a period, not an amount to look up in a range ("csat in q4 2024"). */
const YEAR = /^(?:19|20)\d\d$/;

/** The amounts a question names: "£1200" → 1200, "5k" → 5000, "after 5 years" → 5. */
export function amountsAsked(question: string): number[] {
  return amountsAskedAt(question).map((amount) => amount.value);
}

/** The amounts a question names, each with where it is written ([start, end) offsets). */
export function amountsAskedAt(question: string): { value: number; start: number; end: number }[] {
  if (!hasDigit(question)) return [];
  const days = daysIn(question);
  const amounts: { value: number; start: number; end: number }[] = [];
  for (const match of question.matchAll(AMOUNT_ASKED)) {
    const written = (match[1] ?? '').trim();
    // A dotted number without a sign or suffix is as likely a version ("k8s 1.30"); a day is no amount.
    if (YEAR.test(written) || /^\d+\.\d+$/.test(written) || days.some((day) => match.index < day.end && day.start < match.index + match[0].length)) continue;
    const value = valueOf(written);
    if (value !== undefined) amounts.push({ value, start: match.index, end: match.index + match[0].length });
  }
  return amounts;
}

/** What stands before an upper bound ("up to £500", "less than 2"). */
const UPPER = /\b(?:up\s+to|at\s+most|not\s+more\s+than|under|below|less\s+than|fewer\s+than)\s*$|(?:<=?|≤)\s*$/i;
/** What stands before a lower bound ("over 10,000", "at least 3"). */
const LOWER = /\b(?:over|above|more\s+than|greater\s+than|at\s+least|from)\s*$|(?:>=?|≥)\s*$/i;
/** Bounds that leave their own figure out: "under 2" does not hold 2, "up to 2" and "not more than 2" do. */
const UPPER_EXCLUSIVE = /under|below|less|fewer|<(?!=)/i;
const LOWER_EXCLUSIVE = /over|above|more|greater|>(?!=)/i;
const MAX_RANGE_CELL = 100;
const BETWEEN = /^\s*(?:to|until|through|-|–|—)\s*/i;
const OR_MORE = /^\s*(?:\+|or\s+(?:more|above|over|higher)|and\s+(?:above|over|up))/i;

/**
 * Whether a cell states a range that holds the amount: "5 to 9", "£500.01 to £2,500 / €580.01 to €2,900", "up to
 * £500", "over 10,000", "10 or more", "less than 2", "25+". A bare figure is no range: "5" holds only itself, and that
 * is the words' match to find.
 */
export function rangeHolds(cell: string, amount: number): boolean {
  // A range is a short cell; a long one is prose, and reading every figure of it would cost time for nothing.
  if (cell.length > MAX_RANGE_CELL) return false;
  const figures = new RegExp(FIGURE, 'giu');
  for (let found = figures.exec(cell); found; found = figures.exec(cell)) {
    const value = valueOf(found[0].trim());
    if (value === undefined) continue;
    const before = cell.slice(0, found.index);
    const after = cell.slice(found.index + found[0].length);
    const between = BETWEEN.exec(after);
    const next = between ? FIGURE_AT.exec(after.slice(between[0].length)) : null;
    if (between && next) {
      const high = valueOf(next[0].trim());
      if (high !== undefined && amount >= value && amount <= high) return true;
      figures.lastIndex += between[0].length + next[0].length;
      continue;
    }
    const upper = UPPER.exec(before);
    if (upper) {
      if (amount < value || (amount === value && !UPPER_EXCLUSIVE.test(upper[0]))) return true;
      continue;
    }
    const lower = LOWER.exec(before);
    if (lower) {
      if (amount > value || (amount === value && !LOWER_EXCLUSIVE.test(lower[0]))) return true;
      continue;
    }
    if (OR_MORE.test(after) && amount >= value) return true;
  }
  return false;
}

function valueOf(written: string): number | undefined {
  const match = /(\d[\d,]*(?:\.\d+)?)\s?(k|m)?$/i.exec(written);
  if (!match) return undefined;
  const digits = (match[1] ?? '').replace(/,(?=\d{3}(?!\d))/g, '');
  if (!/^\d+(?:\.\d+)?$/.test(digits)) return undefined;
  const scale = match[2]?.toLowerCase() === 'k' ? 1_000 : match[2]?.toLowerCase() === 'm' ? 1_000_000 : 1;
  return Number(digits) * scale;
}
