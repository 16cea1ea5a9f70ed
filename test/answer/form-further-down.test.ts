import { describe, expect, it } from 'vitest';
import { openLore } from '../../src/engine.js';
import { statesAmount } from '../../src/answer/figures-stated.js';
import { TIME_SPAN } from '../../src/search/times-asked.js';
import { tempFolders } from '../rerank/temp-folders.js';

const notesFolder = tempFolders('lore-form-');

const EXPENSES = `# Expenses policy

## What you can expense

- Hotels up to €180 per night.
- Home office: one-time budget of €600 for a desk, chair or monitor.
- Books and courses: up to €1,000 per year.

## What you cannot expense

- Alcohol, unless at a team event approved by a director.
- Business class, even on long flights.

## How to claim

1. Submit the receipt in Pleo within 30 days.
2. Your manager approves; anything over €2,000 also needs finance.
`;

const IT_FAQ = `# IT FAQ

**Q: Where do I order a second monitor?**
Use the home office budget; see the expenses policy.
`;

const POSTMORTEM = `# Postmortem: checkout outage, 2025-09-14

## Timeline

- 14:02 Deploy of payments v2.14.0 begins.
- 14:05 Error rate alert fires.
- 14:41 Rollback to v2.13.2 completed.
- 14:49 Error rate back to baseline.

## What went well

- Rollback took 11 minutes end to end.
`;

const RELEASE = `# Release process

## Steps

1. Cut a branch from main on the Monday before.
2. Run the full E2E suite: \`npm run e2e:full\`. It takes about 40 minutes.
3. Promote to production.

## Hotfixes

A hotfix skips the full E2E suite but must pass \`npm run e2e:smoke\`.
Hotfixes need a second approver.
`;

describe('an answer of the form asked, further down than the best hit', () => {
  it('quotes the line that gives the figure where the best hit only names the thing', async () => {
    const lore = await openLore({ knowledgeDir: await notesFolder({ 'expenses.md': EXPENSES, 'faq.md': IT_FAQ }) });
    const answer = lore.answer('how much is the home office budget');
    expect(answer.found).toBe(true);
    expect(answer.quote).toEqual(['- Home office: one-time budget of €600 for a desk, chair or monitor.']);
  });

  it('quotes the line that says when, before one filed under a dated heading', async () => {
    const lore = await openLore({ knowledgeDir: await notesFolder({ 'postmortem.md': POSTMORTEM, 'expenses.md': EXPENSES, 'release.md': RELEASE }) });
    const answer = lore.answer('when did the rollback finish');
    expect(answer.found).toBe(true);
    expect(answer.quote).toEqual(['- 14:41 Rollback to v2.13.2 completed.']);
  });

  it('does not take the words of a question scattered over a page for the figure asked', async () => {
    const glossary = `# Support glossary

Terms used in Helpdock. Fenella keeps this page tidy.

**After-Call Work** — time after a call ends. Capped at 90 seconds.

**Handle time** — for email, the time the ticket is open.
`;
    const outage = `# Helpdock outage

## Working without Helpdock

Keep a list of email tickets answered by hand, and add them to Helpdock when it is back.
`;
    const lore = await openLore({ knowledgeDir: await notesFolder({ 'glossary.md': glossary, 'outage.md': outage }) });
    const answer = lore.answer('how long do we keep email tickets in helpdock');
    expect(answer.quote ?? []).not.toContain('**After-Call Work** — time after a call ends. Capped at 90 seconds.');
  });
});

const ADR = `# ADR 0003: Use Postgres for the ledger

- Status: Accepted

## Context

The ledger needs strict transactions and audit history. We considered DynamoDB and Postgres.

## Decision

We use Postgres 16 on RDS, with one primary and two read replicas.
`;

describe('a version further down', () => {
  it('quotes the line that gives the version of the thing asked, its other words in the heading above it', async () => {
    const lore = await openLore({ knowledgeDir: await notesFolder({ 'adr.md': ADR, 'release.md': RELEASE }) });
    const answer = lore.answer('which postgres version for the ledger');
    expect(answer.found).toBe(true);
    expect(answer.quote).toEqual(['We use Postgres 16 on RDS, with one primary and two read replicas.']);
  });

  it('does not take the version of another thing', async () => {
    const service = `# keel-online

## Overview

keel-online serves features to the ranking models. keel-online caches them in redis: keel-online reads redis first.

## Stack

Its feature store and the redis cache of keel-online sit on Feast 0.36 and on three nodes that the platform team looks after for every service of the ranking group.
`;
    const lore = await openLore({ knowledgeDir: await notesFolder({ 'keel.md': service, 'release.md': RELEASE }) });
    const answer = lore.answer('which redis version is keel-online running');
    expect(answer.text).not.toContain('Feast 0.36');
  });
});

describe('"a second" that counts, not a length of time', () => {
  it('reads "a second approver" as no time', () => {
    expect(TIME_SPAN.test('Hotfixes need a second approver.')).toBe(false);
    expect(TIME_SPAN.test('Wait a second and retry.')).toBe(true);
    expect(TIME_SPAN.test('It fails over in a second or two.')).toBe(true);
    expect(statesAmount(['Hotfixes need a second approver.'], { span: true, duration: true })).toBe(false);
  });

  it('answers how long from the step that says so, not from the line that asks a second approver', async () => {
    const lore = await openLore({ knowledgeDir: await notesFolder({ 'release.md': RELEASE }) });
    const answer = lore.answer('how long does the e2e suite take');
    expect(answer.found).toBe(true);
    expect(answer.text).toContain('It takes about 40 minutes.');
  });
});

describe('a number grouped in thousands', () => {
  it('meets the number written without its comma, both ways', async () => {
    const lore = await openLore({ knowledgeDir: await notesFolder({ 'expenses.md': EXPENSES, 'limits.md': '# Limits\n\nUploads over 5000 files need a ticket.\n' }) });
    expect(lore.search('2000')[0]?.chunk.text).toContain('anything over €2,000 also needs finance');
    expect(lore.search('5,000')[0]?.chunk.text).toContain('over 5000 files');
    expect(lore.search('1000')[0]?.chunk.text).toContain('up to €1,000 per year');
    const over = lore.answer('who approves expenses over 2000');
    expect(over.found).toBe(true);
    expect(over.text).toContain('anything over €2,000 also needs finance');
  });
});

describe('"duration" asked, a line labelled so', () => {
  it('quotes the labelled line, not another line that states a length of time', async () => {
    const postmortem = `# Postmortem: checkout outage

**Severity:** SEV-1
**Duration:** 47 minutes (14:02–14:49 UTC)

## What went well

- The alert fired within 3 minutes.
`;
    const lore = await openLore({ knowledgeDir: await notesFolder({ 'postmortem.md': postmortem, 'expenses.md': EXPENSES, 'release.md': RELEASE }) });
    const answer = lore.answer('outage duration');
    expect(answer.found).toBe(true);
    expect(answer.quote).toEqual(['**Duration:** 47 minutes (14:02–14:49 UTC)']);
  });
});
