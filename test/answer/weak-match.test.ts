import { describe, expect, it } from 'vitest';
import { composeAnswer, FOUND_COVERAGE, FOUND_STRENGTH, strengthNeeded, TYPICAL_QUESTION_WEIGHT } from '../../src/answer/compose.js';
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

  it('is not given where the best section scores under one and a half times the question\'s weight, for a question of typical weight', () => {
    // Three of the five sentences: a shorter section, so a stronger score, that still answers nothing.
    const shorter = sprawling.replace(/ Most of the hour[^.]*\./, '').replace(/ Finance wants[^.]*\./, '');
    const { index } = indexNotes(files([...many, shorter]));
    const result = search(index, question, { limit: 32 });
    const weight = result.questionWeight ?? 1;
    const strength = (result.hits[0]?.score ?? 0) / weight;
    // Strong enough for the rule at 1.25, which let such answers through in mid-sized notes.
    expect(strength).toBeGreaterThan(1.25);
    expect(strength).toBeLessThan(FOUND_STRENGTH);
    expect(Math.abs(weight / TYPICAL_QUESTION_WEIGHT - 1)).toBeLessThan(0.1);
    expect(composeAnswer(question, result, index, { top: 3 }).found).toBe(false);
  });

  it('asks more of a light question and less of a heavy one', () => {
    expect(strengthNeeded(TYPICAL_QUESTION_WEIGHT)).toBeCloseTo(FOUND_STRENGTH * TYPICAL_QUESTION_WEIGHT);
    const multiples = [5, 10, 20, 40, 80].map((weight) => strengthNeeded(weight) / weight);
    for (let i = 1; i < multiples.length; i++) expect(multiples[i]).toBeLessThan(multiples[i - 1] as number);
    expect(strengthNeeded(80)).toBeGreaterThan(strengthNeeded(40));
    expect(strengthNeeded(0)).toBe(0);
  });

  it('is not given to a two-word question that two far-apart sentences match, though they score over one and a half times its weight', () => {
    const meeting = '# Quarterly review\n\n## Notes from the meeting\n\nThe kafka team presented the roadmap for the next quarter and the budget that goes with it, and the hiring plan. Someone asked whether the partitions of the old shared drive could be archived before the move.\n';
    const { index } = indexNotes(files([...many, meeting]));
    const result = search(index, 'kafka partitions', { limit: 32 });
    const weight = result.questionWeight ?? 1;
    expect(result.hits[0]?.chunk.file).toBe(`note-${many.length}.md`);
    expect((result.hits[0]?.score ?? 0) / weight).toBeGreaterThan(FOUND_STRENGTH);
    expect(result.hits[0]?.score).toBeLessThan(strengthNeeded(weight));
    expect(composeAnswer('kafka partitions', result, index, { top: 3 }).found).toBe(false);
  });

  it('is given to a long question that the answering section matches in part, under one and a half times its weight', () => {
    const kafka = '# Kafka\n\n## Rebalancing partitions\n\nTo rebalance kafka partitions after a new broker joins, run the reassign tool with the plan file, then verify. The plan file lists each topic with the replicas it moves; keep a copy of it in the ops repository for the next time.\n';
    const storage = '# Storage\n\n## Disks\n\nWhen the disks fill up on a database host, page the storage team.\n\n## Clusters\n\nEach cluster has its own dashboard.\n';
    const long = 'how do i rebalance kafka partitions once a broker joins the cluster and its disks fill up';
    const { index } = indexNotes(files([...many, kafka, storage]));
    const result = search(index, long, { limit: 32 });
    const weight = result.questionWeight ?? 1;
    expect(weight).toBeGreaterThan(2 * TYPICAL_QUESTION_WEIGHT);
    expect((result.hits[0]?.score ?? 0) / weight).toBeLessThan(FOUND_STRENGTH);
    const answer = composeAnswer(long, result, index, { top: 3 });
    expect(answer.found).toBe(true);
    expect(answer.citations[0]?.file).toBe(`note-${many.length}.md`);
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
