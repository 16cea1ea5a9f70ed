import { describe, expect, it } from 'vitest';
import { composeAnswer } from '../../src/answer/compose.js';
import { indexNotes } from '../../src/knowledge/build.js';
import { search } from '../../src/search/search.js';

const notes = [
  { file: 'services.md', text: '# Services\n\n| Service | Owner |\n|---|---|\n| ledger | @payments |\n| billing | @money |\n' },
  { file: 'search.md', text: '# Search\n\nSearch runs on Elasticsearch 8.\n\nLeader: Ana Costa.\n' },
  { file: 'other.md', text: '# Other\n\nBilling charges cards nightly.\n' },
];
const ask = (question: string, files = notes) => {
  const { index } = indexNotes(files);
  return composeAnswer(question, search(index, question, { limit: 32 }), index, { top: 3 });
};

describe('a verb the notes never use, read as the agent noun they do', () => {
  it('"who owns billing" is answered by the billing row under an Owner column', () => {
    const answer = ask('who owns billing');
    expect(answer.found).toBe(true);
    expect(answer.citations[0]?.snippet).toContain('| billing | @money |');
    expect(answer.citations[0]?.snippet).toContain('| Service | Owner |');
  });

  it('"who leads search" is answered by the line that names its leader', () => {
    expect(ask('who leads search').citations[0]?.snippet).toContain('Leader: Ana Costa.');
  });

  it('"who attended the sync" is answered by the line that names its attendees, as "who was assigned" by its assignee', () => {
    const minutes = [
      ...notes,
      { file: 'sync.md', text: '# Weekly sync\n\n- Decided to move CI runners to c6i.\n- Attendees: Ana, Bram, Chen\n' },
      { file: 'tickets.md', text: '# Tickets\n\n## SEC-12\n\n- Opened after the pen test.\n- Assignee: Dorota\n' },
    ];
    expect(ask('who attended the weekly sync', minutes).quote).toEqual(['- Attendees: Ana, Bram, Chen']);
    expect(ask('who was assigned SEC-12', minutes).quote).toEqual(['- Assignee: Dorota']);
  });

  it('reads the verb as written where the notes use it', () => {
    const own = [...notes, { file: 'kafka.md', text: '# Kafka\n\nThe platform team owns Kafka.\n' }];
    const { index } = indexNotes(own);
    const owns = search(index, 'who owns billing', { limit: 5 }).query.groups.find((group) => group.word === 'owns');
    expect(owns?.terms.map((term) => term.stem)).toEqual(['own']);
  });
});
