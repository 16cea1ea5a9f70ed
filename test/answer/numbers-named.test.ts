import { describe, expect, it } from 'vitest';
import { daysNamed, namesNumber, numbersNamed } from '../../src/answer/numbers-named.js';
import { daysIn } from '../../src/search/dates.js';

describe('the numbers a question names', () => {
  it.each([
    ['when are we upgrading k8s to 1.30', ['1.30']],
    ['who reviewed pr 1187', ['1187']],
    ['asset tag of the pixel 8', ['8']],
    ['csat in q4 2024', ['2024']],
    ['peak freeze dates for 2025', ['2025']],
    ['crash-free rate of 24.19 on ios', ['24.19']],
    ['do we still support android 7?', ['7']],
    ['who reviewed it (pr 1187)?', ['1187']],
  ])('%s → %j', (question, named) => {
    expect(numbersNamed(question)).toEqual(named);
  });

  it.each([
    ['my job has been stuck in Pending for 2 hours, any tips?'],
    ['train got in 45 mins late, what do we pay them?'],
    ['refund over 1000 fraud check'],
    ['do we run 3 replicas of the api'],
    ['is the p99 under 500 ms'],
    ['what does sev2 mean for ec2 in q4'],
    ['short-name "golang:1.26" did not resolve'],
    ['I use CDC 2.x and binlog data cannot be read'],
    ['which release, 2 or 3?'],
    ['does fargate run pods (2)'],
  ])('none in %s', (question) => {
    expect(numbersNamed(question)).toEqual([]);
  });
});

describe('whether a text names a number', () => {
  it.each([
    ['k8s 1.29.3 in prod', '1.29', true],
    ['done on 2024-05-14', '2024', true],
    ['PR 1187 by Ana', '1187', true],
    ['Galaxy J7 on Android 8.1', '8', false],
    ['upgraded to 1.30', '1.3', false],
    ['ticket 11870', '1187', false],
    ['about 1,000 users', '1,000', true],
    ['about 1000 users', '1,000', true],
    ['a rate of 1,5 per cent', '1,5', true],
    ['a rate of 1.5 per cent', '1,5', false],
    ['about 1,000 users', '1000', true],
  ])('%s names %s: %s', (text, number, names) => {
    expect(namesNumber(text, number)).toBe(names);
  });
});

describe('the days a question names', () => {
  it.each([
    ["hey, who's primary on call the week of 12 may?", [{ written: '12 may', term: '0512' }]],
    ['how many merchants were hit by the march 12th outage', [{ written: 'march 12th', term: '0312' }]],
    ['what happened on the 3rd of Sept', [{ written: '3rd of Sept', term: '0903' }]],
    ['may 2 people share a laptop', [{ written: 'may 2', term: '0502' }]],
    ['anything on 2025-06-03?', [{ written: '2025-06-03', term: '0603' }]],
  ])('%s → %j', (question, days) => {
    expect(daysNamed(question)).toEqual(days);
  });

  it.each([['who is on call in may'], ['we may need 12 more'], ['release 1.12 may slip'], ['the Mayfair 12 office'], ['upgrade to 2025.1.12.4']])('none in %s', (question) => {
    expect(daysNamed(question)).toEqual([]);
  });

  it.each([
    ['| 2025-05-12 | Yusra Pemberton |', '0512', true],
    ['Demo on 12 May, then again on 19 May.', '0512', true],
    ['Cut-off: May 12th', '0512', true],
    ['Freeze from the 3rd of March', '0303', true],
    ['Sept. 5 is the offsite', '0905', true],
    ['DUE DECEMBER 1ST', '1201', true],
    ['review on 7\nFebruary', '0207', true],
    ['incidents/2024-03-12-payments-outage.md', '0312', true],
    // Daily notes named as Logseq names them.
    ['journals/2024_03_12.md', '0312', true],
    // The days of a list before its last, which alone stands beside the month.
    ['plus the 24th and 31st of December off', '1224', true],
    ['closed 24, 25 and 26 December', '1225', true],
    ['Dec 24, 25 and 31', '1231', true],
    ['| 2025-05-19 | Tendai |', '0512', false],
    ['ticket 2025-512', '0512', false],
    ['items 24 and 31 of the list', '1224', false],
  ])('%s names day %s: %s', (text, term, names) => {
    expect(daysIn(text).some((day) => day.term === term)).toBe(names);
  });
});
