import { describe, expect, it } from 'vitest';
import { indexNotes } from '../../src/knowledge/build.js';
import { search } from '../../src/search/search.js';

const leaving = ['---', 'title: Leaving the team', 'keywords: quit, quitting, resign', '---', '', '## Before your last day', '', 'Begin this process at least two weeks before your last day of work.', ''].join('\n');
const leave = ['---', 'title: Leave', '---', '', '## Annual leave', '', 'Annual leave is earned every pay period and can be carried over up to a limit.', ''].join('\n');

describe("a note's front-matter keywords", () => {
  it('find the note for a question in its keywords that its text never uses', () => {
    const { index } = indexNotes([
      { file: 'leaving.md', text: leaving },
      { file: 'leave.md', text: leave },
    ]);
    const hits = search(index, 'what do i do before i quit', { limit: 3 }).hits;
    expect(hits[0]?.chunk.file).toBe('leaving.md');
  });
});
