import { describe, expect, it } from 'vitest';
import { composeAnswer, MAX_SHOWN_WORD } from '../../src/answer/compose.js';
import { LARGE_NOTES_SECTIONS } from '../../src/search/notes-size.js';
import { indexNotes } from '../../src/knowledge/build.js';
import { search } from '../../src/search/search.js';

const filler = (i: number) => `# Service ${i}\n\nwidget${i} ships as a helm chart named chart${i}; its logs go to bucket${i}.\n`;
const runbook = '# Kafka\n\n## Rebalancing partitions\n\nTo rebalance kafka partitions, run the reassign tool with the plan file, then verify.\n';
const files = (notes: string[]) => notes.map((text, i) => ({ file: `note-${i}.md`, text }));
const ask = (index: ReturnType<typeof indexNotes>['index'], question: string) =>
  composeAnswer(question, search(index, question, { limit: 32 }), index, { top: 3 });

describe('a question about what the notes never name', () => {
  const large = indexNotes(files([...Array.from({ length: LARGE_NOTES_SECTIONS }, (_, i) => filler(i)), runbook])).index;

  it('is not answered in large notes when the words no note uses weigh much of it', () => {
    expect(large.unitCount).toBeGreaterThanOrEqual(LARGE_NOTES_SECTIONS);
    const answer = ask(large, 'how do i rebalance kafka partitions with cruisecontrol autobalancer');
    expect(answer.found).toBe(false);
    expect(answer.reason).toBe('low-confidence');
    expect(answer.text).toContain('No note uses: cruisecontrol, autobalancer.');
    expect(answer.citations[0]?.file).toBe(`note-${LARGE_NOTES_SECTIONS}.md`);
  });

  it('is not answered in large notes when it names a tool no note names, however few of its words that is', () => {
    // "kubeflow" is under a fifth of the question's weight, short of `UNKNOWN_SHARE`.
    const question = 'how do i rebalance kafka partitions with the reassign tool on kubeflow';
    const answer = ask(large, question);
    expect(answer.found).toBe(false);
    expect(answer.text).toContain('No note uses: kubeflow.');
    // An English word the notes lack says less: the question is still answered with it.
    expect(ask(large, question.replace('on kubeflow', 'at weekends')).found).toBe(true);
  });

  it('is answered in the same notes once it names only what they hold', () => {
    const answer = ask(large, 'how do i rebalance kafka partitions');
    expect(answer.found).toBe(true);
    expect(answer.citations[0]?.file).toBe(`note-${LARGE_NOTES_SECTIONS}.md`);
  });

  it('is answered in small notes, where a missing word says little', () => {
    const small = indexNotes(files([...Array.from({ length: 60 }, (_, i) => filler(i)), runbook])).index;
    const answer = ask(small, 'how do i rebalance kafka partitions with cruisecontrol autobalancer');
    expect(answer.found).toBe(true);
    expect(answer.citations[0]?.file).toBe('note-60.md');
  });
});

describe('the words echoed back in "I looked for"', () => {
  const index = indexNotes(files([runbook])).index;

  it('cuts a pasted token to its start, in the text and the list alike', () => {
    const blob = 'q'.repeat(3000);
    const answer = ask(index, `what is ${blob}`);
    expect(answer.found).toBe(false);
    const shown = `${'q'.repeat(MAX_SHOWN_WORD - 1)}…`;
    expect(answer.lookedFor).toEqual([shown]);
    expect(answer.text).toContain(`I looked for: ${shown}.`);
    expect(answer.text).not.toContain('q'.repeat(MAX_SHOWN_WORD));
  });

  it('leaves a word of ordinary length whole', () => {
    const word = 'x'.repeat(MAX_SHOWN_WORD);
    expect(ask(index, `what is ${word}`).lookedFor).toEqual([word]);
  });
});
