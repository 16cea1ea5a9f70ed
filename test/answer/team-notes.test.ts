import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLore, type Lore } from '../../src/engine.js';

/** A small team's notes of several kinds: a runbook with sections, a bullet list, a table, a Q:/A: text FAQ. */
const knowledgeDir = fileURLToPath(new URL('../fixtures/team-notes', import.meta.url));

let lore: Lore;
beforeAll(async () => {
  lore = await openLore({ knowledgeDir });
});

describe('quoting the lines that answer', () => {
  it('ranks the section that answers over one that only shares the topic', () => {
    const answer = lore.answer('how do I roll back a pg upgrade?');
    expect(answer.citations[0]).toMatchObject({ file: 'runbooks/postgres-upgrade.md', section: 'Upgrading PostgreSQL › Rollback' });
    expect(answer.text).toContain('roll back by stopping it');
  });

  it('quotes a table row under the table header, not the whole table', () => {
    const answer = lore.answer('who owns the billing database?');
    expect(answer.found).toBe(true);
    expect(answer.quote).toEqual(['| Service | Database | Owner |', '|---|---|---|', '| billing | billing-db | @payments |']);
    expect(answer.citations[0]).toMatchObject({ file: 'owners.md', startLine: 3, endLine: 6 });
  });

  it('quotes the answer of a Q:/A: FAQ in a .txt file, with its question, and cites those lines', () => {
    const answer = lore.answer('where do the build artifacts go');
    expect(answer.quote).toEqual(['Q: Where do the build artifacts go?', 'A: Every CI build uploads its artifacts to the artifacts bucket, kept for 90 days.']);
    expect(answer.citations[0]).toMatchObject({ file: 'faq.txt', startLine: 6, endLine: 7 });
  });

  it('finds a section by its heading whatever the inflection ("add" and "Adding a topic")', () => {
    const answer = lore.answer('how to add a kafka topic');
    expect(answer.citations[0]).toMatchObject({ file: 'runbooks/kafka.md', section: 'Kafka runbook › Adding a topic' });
  });

  it('reads a question with its cue word misspelt as its clean twin ("what tiime …" asks for a time of day)', () => {
    const clean = lore.answer('what time is the on-call handover?');
    const typo = lore.answer('what tiime is the on-call handover?');
    expect(clean.quote).toEqual(['- Handover happens every Monday at 10:00 UTC in the #oncall channel.']);
    expect(typo.quote).toEqual(clean.quote);
    expect(typo.citations[0]).toMatchObject({ file: clean.citations[0]?.file, startLine: clean.citations[0]?.startLine, endLine: clean.citations[0]?.endLine });
  });

  it('quotes lines that hold words of the question', () => {
    const answer = lore.answer('when is the on-call handover?');
    expect(answer.citations[0]?.file).toBe('on-call.md');
    expect(answer.text).toContain('Handover happens every Monday');
    expect(answer.highlights.map((word) => word.toLowerCase())).toContain('handover');
  });
});

describe('words written apart in the notes', () => {
  it('finds and marks "on-call" for a question that writes "oncall"', () => {
    const answer = lore.answer('how long is the oncall rotation');
    expect(answer.found).toBe(true);
    expect(answer.citations[0]?.file).toBe('on-call.md');
    expect(answer.text).toContain('The on-call rotation is weekly');
    expect(answer.highlights.map((word) => word.toLowerCase())).toEqual(expect.arrayContaining(['on', 'call', 'rotation']));
  });
});

describe('follow-up questions', () => {
  it('reads an unrelated second question on its own', () => {
    const answer = lore.answer('can we deploy on fridays?', { previousQuestion: 'who owns the billing database?' });
    expect(answer.citations[0]?.file).toBe('deploys.md');
    expect(answer.lookedFor).not.toContain('billing');
  });

  it('carries the previous question into a short one that points back, without listing its words as looked for', () => {
    const followUp = lore.answer('and the search one?', { previousQuestion: 'who owns the billing database?' });
    expect(followUp.citations[0]?.file).toBe('owners.md');
    expect(followUp.text).toContain('@discovery');
    expect(followUp.lookedFor).not.toContain('billing');
  });

  it('answers a follow-up only where its own words are found, not the previous question\'s alone', () => {
    const weekends = lore.answer('and on weekends?', { previousQuestion: 'when is the on-call handover?' });
    expect(weekends.found).toBe(false);
    expect(weekends.text).toContain('No note uses that word');
    const escalate = lore.answer('who do I escalate to?', { previousQuestion: 'when is the on-call handover?' });
    expect(escalate.found).toBe(true);
    expect(escalate.text).toContain('Escalate to the team lead');
  });
});
