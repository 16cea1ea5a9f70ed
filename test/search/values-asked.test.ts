import { describe, expect, it } from 'vitest';
import { holdsValueAsked, valuesAsked } from '../../src/search/values-asked.js';

describe('values a question names', () => {
  it('reads lengths of time, sizes and amounts, with the words that name them', () => {
    const asked = valuesAsked('who signs off a £1200 claim that took half an hour?');
    expect(asked?.quantities.map((quantity) => quantity.value)).toEqual([1_800]);
    expect(asked?.amounts).toEqual([1_200]);
    expect(asked?.words.filter((token) => !token.stop).map((token) => token.surface).sort()).toEqual(['1200', 'half', 'hour']);
  });

  it('is nothing for a question without one', () => {
    expect(valuesAsked('does fargate support daemonsets?')).toBeUndefined();
  });

  it.each([
    ['| Amount | Approver |\n|---|---|\n| £500.01 to £2,500 | head of department |', 'a £1200 claim', true],
    ['| Amount | Approver |\n|---|---|\n| up to £500 | line manager |', 'a £1200 claim', false],
    ['Claims over £10 need a receipt.', 'a £1200 claim', false],
    ['Locks older than 45 minutes may be broken.', 'stuck for an hour', true],
  ])('%j holds a value of %j: %s', (text, question, expected) => {
    const asked = valuesAsked(question);
    expect(asked).toBeDefined();
    expect(holdsValueAsked(text, asked!)).toBe(expected);
  });
});
