import { describe, expect, it } from 'vitest';
import { composeAnswer } from '../../src/answer/compose.js';
import { indexNotes } from '../../src/knowledge/build.js';
import { search } from '../../src/search/search.js';

const { index } = indexNotes([
  { file: 'offices.md', text: '# Offices\n\nThe D.C. office is on the 6th floor.\n\nThe U.K. team sits in London.\n\n## Other\n\nThe Chicago office is on the 2nd floor.\n' },
]);
const ask = (question: string) => composeAnswer(question, search(index, question, { limit: 32 }), index, { top: 3 });

describe('initialisms written with dots', () => {
  it.each([
    ['what floor is the dc office on', 'The D.C. office is on the 6th floor.'],
    ['d.c. office floor', 'The D.C. office is on the 6th floor.'],
    ['where does the uk team sit', 'The U.K. team sits in London.'],
  ])('"%s" finds the line that writes it with dots', (question, line) => {
    const answer = ask(question);
    expect(answer.found).toBe(true);
    expect(answer.citations[0]?.snippet).toBe(line);
  });

  it('highlights the initialism as written', () => {
    expect(ask('which floor is the dc office on').highlights).toContain('D.C');
  });
});
