import { describe, expect, it } from 'vitest';
import { composeAnswer, FOUND_COVERAGE, FOUND_STRENGTH } from '../../src/answer/compose.js';
import { LARGE_NOTES_SECTIONS } from '../../src/search/notes-size.js';
import { indexNotes } from '../../src/knowledge/build.js';
import { search } from '../../src/search/search.js';

const filler = (i: number) => `# Service ${i}\n\n## Deploying widget${i}\n\nwidget${i} ships as a helm chart named chart${i}; its logs go to bucket${i}.\n`;

// One long paragraph that names each word of the question once, far apart, about something else.
const sprawling = [
  '# Quarterly review',
  '',
  '## Notes from the meeting',
  '',
  [
    'The kafka team presented the roadmap for the next quarter and the budget that goes with it.',
    'Most of the hour went to hiring plans, the office move, the holiday rota and the new expense tool.',
    'Someone asked whether the partitions of the old shared drive could be archived before the move.',
    'Finance wants every team to review its cloud bill, its licences and its travel before the end of the month.',
    'The next review will rebalance the agenda so that each team gets the same time to present.',
  ].join(' '),
  '',
].join('\n');

const runbook = '# Kafka\n\n## Rebalancing partitions\n\nTo rebalance kafka partitions, run the reassign tool with the plan file, then verify.\n';

const files = (notes: string[]) => notes.map((text, i) => ({ file: `note-${i}.md`, text }));

describe('an answer too weak to give', () => {
  // A section each: notes large enough for the rule.
  const many = Array.from({ length: LARGE_NOTES_SECTIONS }, (_, i) => filler(i));
  const question = 'how do i rebalance kafka partitions';

  it('is not given in large notes when every word of the question is there, but once each, far apart, in a long section', () => {
    const { index } = indexNotes(files([...many, sprawling]));
    expect(index.unitCount).toBeGreaterThanOrEqual(LARGE_NOTES_SECTIONS);
    const result = search(index, question, { limit: 32 });
    expect(result.hits[0]?.chunk.file).toBe(`note-${many.length}.md`);
    expect(result.hits[0]?.coverage).toBeGreaterThanOrEqual(FOUND_COVERAGE);
    const answer = composeAnswer(question, result, index, { top: 3 });
    expect(answer.found).toBe(false);
    expect(answer.reason).toBe('low-confidence');
    expect(answer.citations[0]?.file).toBe(`note-${many.length}.md`);
  });

  it('is not given where the best section scores under one and a half times the question\'s weight', () => {
    // Three of the five sentences: a shorter section, so a stronger score, that still answers nothing.
    const shorter = sprawling.replace(/ Most of the hour[^.]*\./, '').replace(/ Finance wants[^.]*\./, '');
    const { index } = indexNotes(files([...many, shorter]));
    const result = search(index, question, { limit: 32 });
    const strength = (result.hits[0]?.score ?? 0) / (result.questionWeight ?? 1);
    // Strong enough for the rule at 1.25, which let such answers through in mid-sized notes.
    expect(strength).toBeGreaterThan(1.25);
    expect(strength).toBeLessThan(FOUND_STRENGTH);
    expect(composeAnswer(question, result, index, { top: 3 }).found).toBe(false);
  });

  it('is given where a section answers in so many words', () => {
    const { index } = indexNotes(files([...many, sprawling, runbook]));
    const answer = composeAnswer(question, search(index, question, { limit: 32 }), index, { top: 3 });
    expect(answer.found).toBe(true);
    expect(answer.citations[0]?.file).toBe(`note-${many.length + 1}.md`);
  });

  it("is judged by coverage alone in a team's smaller notes, though their sections are ranked", () => {
    const { index } = indexNotes(files([...many.slice(0, 60), sprawling]));
    const result = search(index, question, { limit: 32 });
    expect(index.unitCount).toBeLessThan(LARGE_NOTES_SECTIONS);
    expect(result.questionWeight).toBeGreaterThan(0);
    expect(composeAnswer(question, result, index, { top: 3 }).found).toBe(true);
  });

  it('is judged by coverage alone where too few sections are ranked to tell', () => {
    const { index } = indexNotes(files([...many.slice(0, 5), sprawling]));
    const result = search(index, question, { limit: 32 });
    expect(result.questionWeight).toBeUndefined();
    expect(composeAnswer(question, result, index, { top: 3 }).found).toBe(true);
  });
});
