import { describe, expect, it } from 'vitest';
import { holdsQuantity, quantitiesIn } from '../../src/search/quantities.js';

const valuesIn = (text: string) => quantitiesIn(text).map((quantity) => [quantity.value, quantity.dimension]);

describe('quantities a text names', () => {
  it.each([
    ["who gets paged if the on-call doesn't answer for half an hour", [[1_800, 'time']]],
    ['my pipeline job runs like 90 min, anything i should do?', [[5_400, 'time']]],
    ['stuck for an hour', [[3_600, 'time']]],
    ['an hour and a half', [[5_400, 'time']]],
    ['two and a half days', [[216_000, 'time']]],
    ['retries after 2h, then 500ms', [[7_200, 'time'], [0.5, 'time']]],
    ['a postgres db bigger than half a terabyte', [[5e11, 'size']]],
    ['a month', [[2_592_000, 'time']]],
  ])('%j names %j', (text, expected) => {
    expect(valuesIn(text)).toEqual(expected);
  });

  it.each(['once a day', 'pays €150 a week', 'twice a month', 'k8s 1.30 on ec2', 'sev2 ack time', 'a d', 'what is a quarterly review'])('%j names none', (text) => {
    expect(quantitiesIn(text)).toEqual([]);
  });
});

describe('a text that holds a quantity asked', () => {
  it.each([
    ['Escalation: secondary after 15 minutes, the EM after 30 minutes.', 'half an hour', true],
    ['Jobs longer than 60 minutes must be split.', 'a 90 min job', true],
    ['Jobs longer than 60 minutes must be split.', 'a 45 min job', false],
    ['A deploy lock older than 45 minutes may be broken.', 'stuck for an hour', true],
    ['A database over 500 GB needs approval.', 'bigger than half a terabyte', true],
    ['| 30–59 minutes | 25% of the fare |', 'train 45 mins late', true],
    ['| 30–59 minutes | 25% of the fare |', 'train 2 hours late', false],
    ['Resolved within 2 hours.', '90 min', true],
    ['Resolved within 2 hours.', '3 hours', false],
    ['Backups are kept for 30 days.', 'a month', true],
    ['A Sev1 page outside working hours gives half a day off.', 'half an hour', false],
    ['Uploads up to 5 GB.', 'an hour', false],
  ])('%j holds %j: %s', (text, question, expected) => {
    expect(holdsQuantity(text, quantitiesIn(question))).toBe(expected);
  });
});
