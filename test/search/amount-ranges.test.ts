import { describe, expect, it } from 'vitest';
import { amountsAsked, rangeHolds } from '../../src/search/amount-ranges.js';
import { selectQuote } from '../../src/answer/quote.js';
import { stem } from '../../src/search/analyze.js';

describe('the amounts a question names', () => {
  it.each([
    ['who needs to sign off a £1200 expense claim?', [1200]],
    ['who approves 5k over budget', [5000]],
    ['holiday days after 5 years in the uk', [5]],
    ['is a 2.5m row export ok', [2_500_000]],
  ])('%s → %j', (question, amounts) => {
    expect(amountsAsked(question)).toEqual(amounts);
  });

  it.each([['csat in q4 2024'], ['k8s 1.30 upgrade'], ['sev2 ack time'], ['who is on call the week of 12 may'], ['standup at 10:30'], ['ec2 instance types']])('none in %s', (question) => {
    expect(amountsAsked(question)).toEqual([]);
  });
});

describe('whether a cell states a range that holds an amount', () => {
  it.each([
    ['5 to 9', 5, true],
    ['5 to 9', 10, false],
    ['Less than 2', 2, false],
    ['Less than 2', 1, true],
    ['10 or more', 12, true],
    ['25+', 30, true],
    ['£500.01 to £2,500 / €580.01 to €2,900', 1200, true],
    ['up to £500 / €580', 1200, false],
    ['over £2,500 / €2,900', 5000, true],
    ['€2,000 to €10,000', 5000, true],
    ['up to €2,000', 2000, true],
    ['not more than 3', 3, true],
    ['over 10,000', 10_000, false],
    ['at least 10', 10, true],
    ['5', 5, false],
    ['2025-05-12', 5, false],
    [`5 to 9 ${'and more words of prose '.repeat(5)}`, 5, false],
  ])('%s holds %d: %s', (cell, amount, holds) => {
    expect(rangeHolds(cell, amount)).toBe(holds);
  });
});

describe('a table of ranges', () => {
  const leave = ['| Years of service | UK | NL |', '|---|---|---|', '| Less than 2 | 25 | 25 |', '| 2 to 4 | 26 | 26 |', '| 5 to 9 | 28 | 27 |', '| 10 or more | 30 | 28 |', '', '- Carry-over: up to 5 days into the next year, in the UK too.'].join('\n');
  const asked = (number: string) => new Map([stem('holiday'), stem('days'), stem('years'), stem('uk'), number].map((word) => [word, 1]));
  const row = (cells: string) => ['| Years of service | UK | NL |', '|---|---|---|', cells];

  it('quotes the row whose range holds the amount asked, with the header', () => {
    expect(selectQuote(leave, asked('5'), { amounts: [5] }).lines).toEqual(row('| 5 to 9 | 28 | 27 |'));
    expect(selectQuote(leave, asked('12'), { amounts: [12] }).lines).toEqual(row('| 10 or more | 30 | 28 |'));
  });

  it('reads the rows by their words alone when no amount is asked', () => {
    expect(selectQuote(leave, asked('5')).lines).not.toEqual(row('| 5 to 9 | 28 | 27 |'));
  });
});
