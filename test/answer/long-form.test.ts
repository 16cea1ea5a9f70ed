import { describe, expect, it } from 'vitest';
import { composeAnswer } from '../../src/answer/compose.js';
import { indexNotes } from '../../src/knowledge/build.js';
import { search } from '../../src/search/search.js';

const notes = [
  {
    file: 'oncall.md',
    text: [
      '# On-call handbook',
      '',
      '- End of shift',
      '  - Write a handover note in #mlp-oncall: open incidents, flaky alerts, anything snoozed',
      '  - File a ticket for every alert that was noise',
      '- Paging',
      '  - The incident commander (IC) runs the call; everyone else works the problem',
      '',
    ].join('\n'),
  },
  { file: 'nats.md', text: '# Messaging\n\nNATS stands for Neural Autonomic Transport System. We run it for service events.\n' },
  {
    file: 'glossary.md',
    text: [
      '# Glossary',
      '',
      "Words and acronyms you'll hear in standups.",
      '',
      '**EM** — engineering manager.',
      '',
      '**Bank file** — the daily file of payouts we send to the bank.',
      '',
    ].join('\n'),
  },
  { file: 'bus.md', text: '# Message bus\n\n- NATS is our message bus for service events, run on three nodes.\n- NATS: ask in #platform before adding a subject.\n' },
  { file: 'access.md', text: '# Access\n\nYour EM approves read access to the prod database; ask your EM in the team channel.\n' },
];

const { index } = indexNotes(notes);
const ask = (question: string) => composeAnswer(question, search(index, question, { limit: 10 }), index, { top: 3 });

describe('a question of what a short form stands for', () => {
  it('is "I couldn\'t find" when the notes only mention the short form, with the mention offered as the closest note', () => {
    const answer = ask('what does mlp stand for');
    expect(answer.found).toBe(false);
    expect(answer.reason).toBe('low-confidence');
    expect(answer.text).toMatch(/^I couldn't find what mlp stands for in the notes\. I looked for: mlp, stand\./);
    expect(answer.citations[0]?.file).toBe('oncall.md');
  });

  it.each(['what is mlp short for', 'the mlp acronym'])('%j asks it too, "short" and "acronym" no part of the name', (question) => {
    const answer = ask(question);
    expect(answer.found).toBe(false);
    expect(answer.text).toMatch(/^I couldn't find what mlp stands for in the notes\./);
  });

  it.each(['IC acronym', 'abbreviation IC'])('%j is answered where the notes define it, "acronym" and "abbreviation" dropped where no note uses them', (question) => {
    const answer = ask(question);
    expect(answer.found).toBe(true);
    expect(answer.text).toContain('incident commander (IC)');
  });

  it.each(['em acronym', 'EM abbreviation'])('%j asks what the name means, and gets the line that defines it', (question) => {
    const answer = ask(question);
    expect(answer.found).toBe(true);
    expect(answer.quote).toEqual(['**EM** — engineering manager.']);
  });

  it('does not read a word of English in a question about acronyms as a short form', () => {
    expect(ask('is there an acronym list').text).not.toContain('stands for');
  });

  it('is answered where the notes define the short form', () => {
    const answer = ask('what does IC stand for');
    expect(answer.found).toBe(true);
    expect(answer.text).toContain('incident commander (IC)');
  });

  it('is answered by a passage that says what it stands for in words the definition finder does not read', () => {
    const answer = ask('what does the NATS acronym stand for?');
    expect(answer.found).toBe(true);
    expect(answer.citations[0]?.file).toBe('nats.md');
  });

  it('prefers the line that says what the name stands for to one that says what it is', () => {
    for (const question of ['what does NATS stand for', 'NATS acronym']) {
      const answer = ask(question);
      expect(answer.found).toBe(true);
      expect(answer.citations[0]?.file).toBe('nats.md');
    }
    expect(ask('what is NATS').citations[0]?.file).toBe('bus.md');
  });

  it('leaves other questions about the same name alone', () => {
    const answer = ask('where do i write the handover note');
    expect(answer.found).toBe(true);
    expect(answer.citations[0]?.file).toBe('oncall.md');
  });
});
