import { describe, expect, it } from 'vitest';
import { isPhrasedAsQuestion } from '../../src/search/answer-cues.js';
import { openingAsMeant } from '../../src/search/query.js';
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
