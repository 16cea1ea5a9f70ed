import type { Token } from './analyze.js';
import { amountsAskedAt, rangeHolds } from './amount-ranges.js';
import { tokenize } from './analyze.js';
import { holdsQuantity, quantitiesIn, type QuantityAsked } from './quantities.js';
import { firstCellOf } from './table-records.js';

/**
 * What a question names by value, which the notes may state in other words: a length of time or a size ("half an
 * hour", "90 min", "half a terabyte", `quantities.ts`), or an amount that a table's row states as a range ("£1200"
 * in "| £500.01 to £2,500 | head of department |", `amount-ranges.ts`), with the question's words that name them.
 */
export interface ValuesAsked {
  quantities: QuantityAsked[];
  amounts: number[];
  words: Token[];
}

export function valuesAsked(question: string): ValuesAsked | undefined {
  const quantities = quantitiesIn(question);
  const amounts = amountsAskedAt(question);
  if (quantities.length === 0 && amounts.length === 0) return undefined;
  const words = [...quantities, ...amounts].flatMap(({ start, end }) => tokenize(question.slice(start, end)));
  return { quantities, amounts: amounts.map((amount) => amount.value), words };
}

/** Whether a text states a value asked: the quantity, a bound or range holding it, or a table row's range holding the amount. */
export function holdsValueAsked(text: string, asked: ValuesAsked): boolean {
  if (holdsQuantity(text, asked.quantities)) return true;
  if (asked.amounts.length === 0 || !text.includes('|')) return false;
  for (const line of text.split('\n')) {
    const cell = firstCellOf(line);
    if (cell !== undefined && asked.amounts.some((amount) => rangeHolds(cell, amount))) return true;
  }
  return false;
}
