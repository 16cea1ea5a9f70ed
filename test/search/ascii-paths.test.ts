import { describe, expect, it } from 'vitest';
import { seeded } from '../../bench/random.js';
import { hasAsciiLower, hasAsciiUpper, hasDigit, isLowerAsciiWord } from '../../src/search/ascii.js';
import { isPhrasedAsQuestion } from '../../src/search/answer-cues.js';
import { openingAsMeant } from '../../src/search/question-opening.js';
import { asksForTime } from '../../src/search/times-asked.js';

// A question of plain ASCII is read by character codes, any other by expressions over every script's letters: a
// letter outside ASCII at the end sends the same question down the other path.
const OUTSIDE_ASCII = ' café';

describe('the ASCII and Unicode readings of a question agree', () => {
  it.each([
    'waht tiime is the handover',
    'Whatt is Local PV ZFS',
    '  wht is ECR',
    'teh verison of postgres',
    'chekcout the livve site',
    '3 pods',
    'ab3cdefgh tiime',
    '',
  ])('openingAsMeant(%j)', (question) => {
    expect(openingAsMeant(question + OUTSIDE_ASCII)).toBe(openingAsMeant(question) + OUTSIDE_ASCII);
  });

  it('reads slips the same way on both paths', () => {
    expect(openingAsMeant('waht tiime is the handover')).toBe('what time is the handover');
    expect(openingAsMeant('waht tiime is the handover' + OUTSIDE_ASCII)).toBe('what time is the handover' + OUTSIDE_ASCII);
  });

  it.each(['how do i promote a model', "  what's the url", "don't know", 'fargate on eks', 'Can we ship on friday', ''])('isPhrasedAsQuestion(%j)', (question) => {
    expect(isPhrasedAsQuestion(question + OUTSIDE_ASCII)).toBe(isPhrasedAsQuestion(question));
  });

  it.each([
    ['sev1 ack time', true],
    ['ci time for a dbt pr', true],
    ['time series for the dashboards', false],
    ['how long is the review time', false],
  ] as const)('asksForTime(%j) is %s with a name outside ASCII in it too', (question, asks) => {
    expect(asksForTime(question)).toBe(asks);
    expect(asksForTime(`${question} at café`)).toBe(asks);
  });
});

describe('the character-code tests find what their expressions find', () => {
  it('in random text of letters, digits and their look-alikes from other scripts', () => {
    const random = seeded(11);
    const characters = [...'aZz0m9 -_AéÉ٣１ｚİıK'];
    const checks: [string, (text: string) => boolean, RegExp][] = [
      ['hasDigit', hasDigit, /\d/],
      ['hasAsciiLower', hasAsciiLower, /[a-z]/],
      ['hasAsciiUpper', hasAsciiUpper, /[A-Z]/],
      ['isLowerAsciiWord', isLowerAsciiWord, /^[a-z]+$/],
    ];
    let matched = 0;
    for (let i = 0; i < 3000; i++) {
      // Every tenth text is long, past the length where `hasDigit` hands the search to the expression engine.
      const text = Array.from({ length: i % 10 === 0 ? random.int(60, 80) : random.int(0, 6) }, () => random.pick(characters)).join('');
      for (const [name, test, expression] of checks) {
        expect(test(text), `${name}(${JSON.stringify(text)})`).toBe(expression.test(text));
        if (expression.test(text)) matched++;
      }
    }
    expect(matched).toBeGreaterThan(3000);
  });

  it.each([
    ['a long text of look-alike digits only', 'Step ٣ of １: wait. '.repeat(6), false],
    ['a long text with one digit at its end', `${'no digits here, '.repeat(6)}7`, true],
    ['a long text with none', 'nothing to count here at all, '.repeat(4), false],
  ])('hasDigit on %s', (_, text, found) => {
    expect(text.length).toBeGreaterThan(64);
    expect(hasDigit(text)).toBe(found);
  });
});
