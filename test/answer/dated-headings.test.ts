import { describe, expect, it } from 'vitest';
import { openLore } from '../../src/engine.js';
import { statesAmount } from '../../src/answer/figures-stated.js';
import { numbersNamed } from '../../src/answer/numbers-named.js';
import { asksCost, asksWhenItWas } from '../../src/search/answer-cues.js';
import { openingAsMeant } from '../../src/search/question-opening.js';
import { tempFolders } from '../rerank/temp-folders.js';

const notesFolder = tempFolders('lore-dated-');

const CHANGELOG = `# Changelog

## [3.2.0] - 2025-09-14
### Added
- Idempotency keys on \`POST /invoices\`, kept 24 hours.
### Removed
- The legacy \`/v1/charges\` endpoint. Use \`/v2/payments\` instead.

## [3.1.0] - 2025-05-20
### Added
- Partial refunds.
`;

const MEETINGS = `# Platform team weekly sync

## 2025-10-06
- Attendees: Ana, Bram, Chen
- Decided to move CI runners from c5.xlarge to c6i.xlarge.

## 2025-10-13
- Terraform change for the runners merged.
`;

describe('a day or a version stated by the heading a quote stands under', () => {
  it('answers when something was done from the dated heading of its entry, and shows that heading', async () => {
    const lore = await openLore({ knowledgeDir: await notesFolder({ 'CHANGELOG.md': CHANGELOG, 'meetings.md': MEETINGS }) });
    const refunds = lore.answer('when did we add partial refunds');
    expect(refunds.found).toBe(true);
    expect(refunds.quote).toEqual(['- Partial refunds.']);
    expect(refunds.citations[0]?.section).toContain('2025-05-20');
    const runners = lore.answer('when did we decide to move ci runners to c6i');
    expect(runners.found).toBe(true);
    expect(runners.citations[0]?.section).toContain('2025-10-06');
  });

  it('still says it cannot tell when, where no heading or line over the entry holds a day', async () => {
    const undated = CHANGELOG.replace(/ - \d{4}-\d{2}-\d{2}/g, '').replace(/\[(\d)\.(\d)\.0\]/g, 'Release $1$2');
    const lore = await openLore({ knowledgeDir: await notesFolder({ 'CHANGELOG.md': undated }) });
    const answer = lore.answer('when did we add partial refunds');
    expect(answer.found).toBe(false);
    expect(answer.text).toContain("I couldn't find when that is in the notes.");
  });

  it('reads only a question of when something happened that way, not one of when something is', () => {
    expect(asksWhenItWas('when did we add partial refunds')).toBe(true);
    expect(asksWhenItWas('hey, when was the registry outage?')).toBe(true);
    expect(asksWhenItWas('when is the code freeze')).toBe(false);
    expect(asksWhenItWas('what do we do when was-deployed is false')).toBe(false);
  });
});

describe('a question that writes code or a path', () => {
  it('is not shaped by the words inside it', () => {
    expect(openingAsMeant('when was /v1/charges removed?')).toBe('when was x removed?');
    expect(openingAsMeant("what's in `cost_report.sql`")).toBe("what's in x");
    expect(openingAsMeant('who owns src/billing/fees.ts')).toBe('who owns x');
    expect(asksCost(openingAsMeant('what should I use instead of /v1/charges'))).toBe(false);
    expect(asksCost(openingAsMeant('what do the /v1/charges cost us'))).toBe(true);
  });

  it('keeps words written with one slash between them', () => {
    expect(openingAsMeant('ci/cd cost per month')).toBe('ci/cd cost per month');
    expect(openingAsMeant('is support 24/7')).toBe('is support 24/7');
  });

  it('is answered from the line that names the path, not turned down for want of a price', async () => {
    const lore = await openLore({ knowledgeDir: await notesFolder({ 'CHANGELOG.md': CHANGELOG }) });
    const answer = lore.answer('what should I use instead of /v1/charges');
    expect(answer.found).toBe(true);
    expect(answer.quote).toEqual(['- The legacy `/v1/charges` endpoint. Use `/v2/payments` instead.']);
  });
});

describe("a day's number", () => {
  it('is the day, not a number the answer must write as such', () => {
    expect(numbersNamed('attendees of the october 6 sync')).toEqual([]);
    expect(numbersNamed('who attended the 6 oct sync')).toEqual([]);
    expect(numbersNamed('who was at the pixel 8 sync on 6 oct')).toEqual(['8']);
  });

  it('finds the entry dated that day in ISO form', async () => {
    const lore = await openLore({ knowledgeDir: await notesFolder({ 'meetings.md': MEETINGS }) });
    const answer = lore.answer('attendees of the october 6 sync');
    expect(answer.found).toBe(true);
    expect(answer.quote).toEqual(['- Attendees: Ana, Bram, Chen']);
  });
});

describe('a version said of a name', () => {
  const version = { version: true };
  it.each([
    ['Minimum supported Node.js is now 20.', true],
    ['Upgraded Postgres to 16 last week.', true],
    ['Node: 20', true],
    ['We run Postgres 15 in prod.', true],
    ['The EKS cluster is on 3 nodes.', false],
    ['Postgres is at 80% disk.', false],
    ['Team of 5 people.', false],
  ])('%j states a version: %s', (line, expected) => {
    expect(statesAmount([line], version)).toBe(expected);
  });

  it('answers which version from a line that says it that way', async () => {
    const lore = await openLore({ knowledgeDir: await notesFolder({ 'CHANGELOG.md': `${CHANGELOG}\n## [3.0.0] - 2025-01-10\n### Changed\n- Minimum supported Node.js is now 20.\n` }) });
    const answer = lore.answer('what node version do we need');
    expect(answer.found).toBe(true);
    expect(answer.quote).toEqual(['- Minimum supported Node.js is now 20.']);
  });
});
