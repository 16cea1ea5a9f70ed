import { describe, expect, it } from 'vitest';
import type { EvalQuestion } from '../../bench/eval-input.js';
import { countSpellerFixes, parseTypoOp, takenForMeant } from '../../bench/speller-score.js';
import { indexNotes } from '../../src/knowledge/build.js';

const { index } = indexNotes([
  { file: 'pull.md', text: 'Pull the image from Docker Hub before you deploy.' },
  { file: 'talk.md', text: 'Each task talks to the scheduler.' },
]);

describe('the speller score', () => {
  it('reads the builders\' typo records', () => {
    expect(parseTypoOp('del:pull->pll')).toEqual({ kind: 'del', meant: 'pull', typed: 'pll' });
    expect(parseTypoOp('swap:Docker->Dcoker')).toEqual({ kind: 'swap', meant: 'Docker', typed: 'Dcoker' });
    expect(parseTypoOp('pull pll')).toBeUndefined();
  });

  it('counts a word as fixed when the word meant is looked for, and a stop word when nothing is', () => {
    expect(takenForMeant(index, 'how do I pul the imgae', { kind: 'del', meant: 'pull', typed: 'pul' })).toBe(true);
    expect(takenForMeant(index, 'how do I pull the imgae', { kind: 'swap', meant: 'image', typed: 'imgae' })).toBe(true);
    // "talk" is a word of the notes: it is not taken for "task".
    expect(takenForMeant(index, 'what does each talk do', { kind: 'sub', meant: 'task', typed: 'talk' })).toBe(false);
    expect(takenForMeant(index, 'hwo do I pull', { kind: 'swap', meant: 'how', typed: 'hwo' })).toBe(true);
  });

  it('counts by half, over the typo questions only', () => {
    const questions: EvalQuestion[] = [
      { id: 'a-1', question: 'pull image', question_typo: 'pul imgae', gold: 'pull.md', half: 'tune', typo_ops: ['del:pull->pul', 'swap:image->imgae'] },
      { id: 'a-2', question: 'each task', question_typo: 'each talk', gold: 'talk.md', half: 'report', typo_ops: ['sub:task->talk'] },
      { id: 'a-3', question: 'docker hub', gold: 'pull.md', half: 'report' },
    ];
    expect(countSpellerFixes(index, questions)).toEqual([
      { part: 'tune', words: 2, fixed: 2 },
      { part: 'report', words: 1, fixed: 0 },
    ]);
  });
});
