import { describe, expect, it } from 'vitest';
import { composeAnswer } from '../../src/answer/compose.js';
import { selectQuote } from '../../src/answer/quote.js';
import { indexNotes } from '../../src/knowledge/build.js';
import { stem } from '../../src/search/analyze.js';
import { search } from '../../src/search/search.js';

/** Notes as a team keeps them in Obsidian or Logseq: callouts, wikilinks, tags, daily notes named by their day. */
const vault = [
  {
    file: 'Runbooks/Postgres.md',
    text: [
      '---',
      'tags: [database, runbook]',
      '---',
      '#database #runbook',
      '',
      '# Postgres',
      '',
      'Owner: [[Team Payments|payments team]].',
      '',
      '> [!warning] Before a major upgrade',
      '> Take a snapshot with `pg_dump -Fc orders > orders.dump` and check the replica lag.',
      '',
      '## Failover',
      '- Promote the replica with `patronictl failover --candidate db-2`',
      '- Then update the [[Service Catalog]] with the new primary.',
    ].join('\n'),
  },
  {
    file: 'journals/2024_03_14.md',
    text: ['- Standup', '\t- Decided to move the weekly sync to Thursday 10:00', '- Incident', '\t- Root cause: expired TLS cert on the payments callback'].join('\n'),
  },
  {
    file: 'Onboarding.md',
    text: [
      '# Onboarding',
      '',
      '%% internal: rewrite this page after the reorg %%',
      '',
      '## First week checklist',
      '- [x] Laptop from IT (ask in #it-help)',
      '- [ ] Request ==VPN access== via the Okta tile',
      '- [ ] Join the on-call shadow rota[^1]',
      '',
      '[^1]: Shadowing starts in your third week; the rota lives in PagerDuty.',
    ].join('\n'),
  },
  { file: 'Service Catalog.md', text: '# Service Catalog\n\n| service | owner |\n|---|---|\n| orders-db | [[Team Payments]] |\n' },
];
const { index } = indexNotes(vault);
const ask = (question: string) => composeAnswer(question, search(index, question, { limit: 32 }), index, { top: 3 });

describe('notes kept in Obsidian or Logseq', () => {
  it('reads a verb the notes never write apart, and its particle, as the one word they write: "fail over" asks for failover', () => {
    const answer = ask('how do i fail over postgres');
    expect(answer.found).toBe(true);
    expect(answer.citations[0]?.snippet).toContain('patronictl failover');
    expect(answer.text).not.toContain('No note uses');
  });

  it("quotes a callout's title with the lines under it, never the title alone", () => {
    const answer = ask('what do i do before a major postgres upgrade');
    expect(answer.found).toBe(true);
    expect(answer.citations[0]?.snippet).toContain('Take a snapshot');
    expect(answer.citations[0]?.snippet).toContain('[!warning] Before a major upgrade');
  });

  it('answers a question of a day from the daily note named by that day', () => {
    const answer = ask('what was decided on march 14');
    expect(answer.found).toBe(true);
    expect(answer.citations[0]?.file).toBe('journals/2024_03_14.md');
    expect(answer.citations[0]?.snippet).toContain('weekly sync');
  });

  it("quotes what stands under a heading when the question is all the heading's words", () => {
    const answer = ask('first week checklist');
    expect(answer.found).toBe(true);
    expect(answer.citations[0]?.snippet.split('\n')[0]).toBe('- [x] Laptop from IT (ask in #it-help)');
  });

  it('takes a time counted from a start ("in your third week") as saying when', () => {
    const answer = ask('when does on-call shadowing start');
    expect(answer.found).toBe(true);
    expect(answer.citations[0]?.snippet).toContain('third week');
  });
});

describe('block quotes as quote pieces', () => {
  const weigh = (words: string): Map<string, number> => new Map(words.split(' ').map((word) => [stem(word), 1]));

  it('keeps the lines of one quoted paragraph together, as a paragraph', () => {
    const snapshot = '> Take a snapshot with `pg_dump -Fc orders > orders.dump` and check the replica lag is under 5 seconds.';
    const text = ['Owner: [[Team Payments|payments team]], escalate to Dana.', '', '> [!warning] Before a major upgrade', snapshot].join('\n');
    expect(selectQuote(text, weigh('major upgrade')).lines).toEqual(['> [!warning] Before a major upgrade', snapshot]);
  });

  it('still quotes apart what a quote holds as blocks of its own: items, a new callout, a blank quoted line', () => {
    const items = ['> Steps:', '> - stop the writer', '> - promote the replica'].join('\n');
    expect(selectQuote(items, weigh('promote replica')).lines).not.toContain('> - stop the writer');
    const two = ['> [!note] Backups', '> kept 35 days', '> [!warning] Restores', '> take an hour'].join('\n');
    expect(selectQuote(two, weigh('restores hour')).lines).toEqual(['> [!warning] Restores', '> take an hour']);
    const apart = ['> Backups are kept 35 days.', '>', '> Restores take an hour.'].join('\n');
    expect(selectQuote(apart, weigh('restores hour')).lines).toEqual(['> Restores take an hour.']);
    const headed = ['> ## Backups', '> Restores take an hour.'].join('\n');
    expect(selectQuote(headed, weigh('restores hour')).lines).toEqual(['> Restores take an hour.']);
  });
});
