import { describe, expect, it } from 'vitest';
import { openLore } from '../../src/engine.js';
import { tempFolders } from '../rerank/temp-folders.js';

const notesFolder = tempFolders('lore-reason-');

const ADR = `# ADR 0003: Use Postgres for the ledger

- Status: Accepted

## Context

The ledger needs strict transactions and audit history. We considered DynamoDB and Postgres.

## Decision

We use Postgres 16 on RDS. DynamoDB was rejected because multi-item transactions are limited to 100 items.
`;

const OTHER = '# Deploys\n\nWe deploy on weekdays.\n';

describe('a "why" question among close rivals', () => {
  it('answers from the rival that gives a reason, not the section that only names the choice', async () => {
    const lore = await openLore({ knowledgeDir: await notesFolder({ 'adr.md': ADR, 'deploys.md': OTHER }) });
    const answer = lore.answer('why did we pick postgres over dynamodb');
    expect(answer.found).toBe(true);
    expect(answer.text).toContain('because');
  });

  it('still answers from the best section where no rival gives a reason', async () => {
    const lore = await openLore({ knowledgeDir: await notesFolder({ 'adr.md': ADR.replace(' because multi-item transactions are limited to 100 items', ''), 'deploys.md': OTHER }) });
    const answer = lore.answer('why did we pick postgres over dynamodb');
    expect(answer.found).toBe(true);
    expect(answer.citations[0]?.file).toBe('adr.md');
  });
});

describe('"reason" asked by name', () => {
  it('is the form of the answer, which says "because", not a word it must hold', async () => {
    const lore = await openLore({ knowledgeDir: await notesFolder({ 'adr.md': ADR, 'deploys.md': OTHER, 'runbook.md': '# Postgres failover\n\n1. Promote the Postgres replica.\n2. Check the app reconnects.\n' }) });
    const answer = lore.answer('reason for picking postgres');
    expect(answer.found).toBe(true);
    expect(answer.text).toContain('because');
  });
});

const RELEASES = `# Mobile release checklist

We ship the iOS and Android apps every two weeks, on Tuesdays.

## Before the release

1. Freeze the release branch on Thursday at 17:00 CET.
2. QA runs the regression suite on the release candidate (about 2 days).
3. Update the "What's new" text in both stores. Product writes it; engineering only pastes it.

## Rollout

- Android: staged rollout on Google Play, 10% → 50% → 100% over three days.
- iOS: phased release in App Store Connect (7 days, Apple's default schedule).
- Halt the rollout if the crash-free rate drops below 99.5%.

## Hotfixes

A hotfix needs approval from the mobile lead (currently **Sven**). It skips the regression suite but must pass the smoke tests. Apple review usually takes 24 hours; ask for an expedited review only for crashes.
`;

const CI = `# CI for the apps

CI runs on Bitrise. A pull request build takes about 18 minutes for iOS and 12 for Android.

## Secrets

Signing keys and the App Store Connect API key are stored in Bitrise secrets. Only the mobile lead and the platform team can change them.

## Flaky tests

Mark a flaky test with \`@Flaky\` and open a ticket in the MOB project. A test marked flaky for more than 30 days is deleted.

## Caching

Gradle and CocoaPods caches are kept for 7 days. Clear them from the Bitrise build page ("Clear cache") when a build fails for no reason.
`;

describe('a "how often" question among close rivals', () => {
  it('answers from the rival that says how often, not the one with another figure', async () => {
    const lore = await openLore({ knowledgeDir: await notesFolder({ 'release.md': RELEASES, 'ci.md': CI, 'deploys.md': OTHER }) });
    const answer = lore.answer('how often do we release the mobile apps');
    expect(answer.found).toBe(true);
    expect(answer.quote).toEqual(['We ship the iOS and Android apps every two weeks, on Tuesdays.']);
  });

  it('reads how often in its common forms, and not in a length of time', async () => {
    const { statesFrequency } = await import('../../src/answer/figures-stated.js');
    for (const said of ['every two weeks', 'weekly', 'twice a month', 'on Tuesdays', 'every other Monday', '3 times per day']) expect(statesFrequency([said]), said).toBe(true);
    for (const said of ['about 2 days', 'on Thursday at 17:00', 'all at once']) expect(statesFrequency([said]), said).toBe(false);
  });
});
