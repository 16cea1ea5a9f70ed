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
