import { describe, expect, it } from 'vitest';
import { composeAnswer } from '../../src/answer/compose.js';
import { indexNotes } from '../../src/knowledge/build.js';
import { englishOneSlipFrom, isEnglishWord } from '../../src/search/english-words.js';
import { isMisspeltEnglish } from '../../src/search/slips.js';
import { analyzeQuery } from '../../src/search/query.js';
import { search } from '../../src/search/search.js';

const index = indexNotes(
  Object.entries({
    'fargate.md': 'Fargate runs each pod on a node of its own, fully managed by AWS.',
    'ecs.md': 'ECS runs containers on EC2 instances that you manage yourself.',
    'eks.md': 'EKS runs the Kubernetes control plane across several availability zones.',
  }).map(([file, text]) => ({ file, text })),
).index;
const found = (question: string) => composeAnswer(question, search(index, question), index, { top: 3 }).found;
const importanceOf = (question: string, word: string) => analyzeQuery(index, question).groups.find((group) => group.word === word)?.importance;

describe('words the notes never use', () => {
  it.each(['windows', 'support', 'scanning', 'cheaper', 'workloads'])('%j is general English', (word) => {
    expect(isEnglishWord(word)).toBe(true);
  });

  // Spelt one way in American English and another in British: both are English.
  it.each(['color', 'colour', 'realize', 'realise', 'center', 'centre', 'analyze'])('%j is general English in either spelling', (word) => {
    expect(isEnglishWord(word)).toBe(true);
  });

  it.each(['ssh', 'kubectl', 'nginx', 'milvus', 'pnpm'])('%j is not', (word) => {
    expect(isEnglishWord(word)).toBe(false);
  });

  it.each(['treshold', 'requried', 'deadlin', 'scalling', 'sharee', 'pllane'])('%j is general English misspelt', (word) => {
    expect(isEnglishWord(word)).toBe(false);
    expect(isMisspeltEnglish(word)).toBe(true);
  });

  it('finds the English words one slip from a word: a letter dropped, added, changed, or two swapped', () => {
    expect(englishOneSlipFrom('tyeps')).toContain('types');
    expect(englishOneSlipFrom('coxt')).toEqual(expect.arrayContaining(['cost', 'coat']));
    expect(englishOneSlipFrom('patcing')).toContain('patching');
    expect(englishOneSlipFrom('stat')).toEqual(expect.arrayContaining(['start', 'state', 'sat', 'stab']));
    expect(englishOneSlipFrom('zqxvbt')).toEqual([]);
    expect(englishOneSlipFrom('types')).not.toContain('types');
  });

  it.each(['kubectl', 'postgres', 'containerd', 'karpenter', 'gunicorn', 'redis'])('%j is not: a name may be a word with a letter changed or added', (word) => {
    expect(isMisspeltEnglish(word)).toBe(false);
  });

  it('count at half when they are English misspelt, as English does', () => {
    expect(importanceOf('fargate treshold', 'treshold')).toBeCloseTo(importanceOf('cheaper on fargate', 'cheaper') ?? 0, 5);
  });

  it('count in full when they name something, at half when they are English', () => {
    const name = importanceOf('ssh to fargate', 'ssh');
    const english = importanceOf('cheaper on fargate', 'cheaper');
    expect(english).toBeGreaterThan(0);
    expect(name).toBeCloseTo(2 * (english ?? 0), 5);
  });

  it('count in full when written in capitals, an acronym, though they spell an English word', () => {
    expect(isEnglishWord('alb')).toBe(true);
    expect(importanceOf('ALB for fargate', 'alb')).toBeCloseTo(importanceOf('ssh to fargate', 'ssh') ?? 0, 5);
    expect(importanceOf('alb for fargate', 'alb')).toBeCloseTo(importanceOf('cheaper on fargate', 'cheaper') ?? 0, 5);
    // Capitals throughout are shouting, not acronyms.
    expect(importanceOf('ALB FOR FARGATE', 'alb')).toBeCloseTo(importanceOf('cheaper on fargate', 'cheaper') ?? 0, 5);
    expect(found('does fargate run pods behind an ALB ingress')).toBe(false);
    expect(found('does fargate run pods behind an alb ingress')).toBe(true);
  });

  it('count in full when a how-to question asks for that act: notes that never name it cannot say how', () => {
    const full = importanceOf('ssh to fargate', 'ssh') ?? 0;
    const half = importanceOf('cheaper on fargate', 'cheaper') ?? 0;
    expect(importanceOf('how do i upgrade eks', 'upgrade')).toBeCloseTo(full, 5);
    expect(importanceOf('how to upgrade eks', 'upgrade')).toBeCloseTo(full, 5);
    expect(importanceOf('how can we upgrade eks', 'upgrade')).toBeCloseTo(full, 5);
    expect(importanceOf('eks upgrade', 'upgrade')).toBeCloseTo(half, 5);
    expect(importanceOf('how does eks upgrade', 'upgrade')).toBeCloseTo(half, 5);
    expect(found('how do i upgrade eks')).toBe(false);
    expect(found('eks upgrade')).toBe(true);
  });

  it('count a bare number at half, like English: it is no name', () => {
    expect(importanceOf('fargate 2', '2')).toBeCloseTo(importanceOf('cheaper on fargate', 'cheaper') ?? 0, 5);
    expect(found('does fargate run pods (2)')).toBe(true);
  });

  it('make lore say it could not find a tool the notes do not cover, and still answer when only phrasing is missing', () => {
    expect(found('how do i ssh into fargate')).toBe(false);
    expect(found('kubectl on fargate')).toBe(false);
    expect(found('can i sneak into fargate')).toBe(true);
    // The act a how-to question asks for is no phrasing: notes that never name it do not say how.
    expect(found('how do i sneak into fargate')).toBe(false);
    expect(found('cheaper on fargate')).toBe(true);
  });

  it('take chat shorthand for what it is, not for a name the notes lack', () => {
    expect(analyzeQuery(index, 'btw does ecs run on ec2 pls thx').groups.map((group) => group.word)).toEqual(['ecs', 'run', 'ec2']);
    expect(analyzeQuery(index, "what's the diff between ecs and eks").groups.map((group) => group.word)).toEqual(['ecs', 'eks']);
    expect(found('diff between fargate and ecs')).toBe(true);
  });

  it('are the verb after the question word when one slip from it, even a word of their own ("doe", "dose")', () => {
    const words = (question: string) => analyzeQuery(index, question).groups.map((group) => group.word);
    expect(words('what doe eks run')).toEqual(words('what does eks run'));
    expect(words('waht dose fargate manage')).toEqual(words('what does fargate manage'));
    expect(found('what doe eks run')).toBe(true);
    // Only in that place, and not a three-letter slip of a three-letter verb: "cab" may be meant.
    expect(words('eks doe run')).toContain('doe');
    expect(words('how cab ecs run')).toContain('cab');
    // A word the notes use is theirs.
    const notes = indexNotes([{ file: 'deer.md', text: 'A doe grazes in the park at dawn.' }]).index;
    expect(analyzeQuery(notes, 'what doe grazes').groups.map((group) => group.word)).toContain('doe');
  });

  it('are no slip of English, nor a slip of a word of the notes, when longer than any word', () => {
    expect(isMisspeltEnglish('thresholdthresholdthreshold')).toBe(false);
    const long = 'abcdefghijklmnopqrstuvwxyz'.repeat(2).slice(0, 39);
    const notes = indexNotes([{ file: 'keys.md', text: `The signing key is ${long}a and rotates monthly.` }]).index;
    // One letter from the notes' 40-letter word is a slip; one added, making 41 letters, is too long to read.
    expect(analyzeQuery(notes, `where is ${long}b`).groups.flatMap((group) => group.terms).length).toBe(1);
    expect(analyzeQuery(notes, `where is ${long}ab`).groups.flatMap((group) => group.terms)).toEqual([]);
  });
});

describe('chat around the question', () => {
  const words = (question: string) => analyzeQuery(index, question).groups.map((group) => group.word);

  it('is left out: a clause of general English the notes never use, that asks nothing', () => {
    expect(words('sorry for the dumb question, but does fargate run each pod on its own node?')).toEqual(words('does fargate run each pod on its own node?'));
    expect(found('sorry for the dumb question, but does fargate run each pod on its own node?')).toBe(true);
  });

  it('is left out when typed in a hurry too, its words slips of general English', () => {
    expect(words('hey team, qucik one: does fargate run each pod on its own node?')).toEqual(words('does fargate run each pod on its own node?'));
  });

  it('is kept where the clause asks, names something, or holds a word of the notes', () => {
    expect(words('fargate pods restarted, why would they crash')).toContain('crash');
    expect(words('sorry, kubectl hangs on fargate')).toContain('kubectl');
    expect(words('sorry, ecs newbie here: who manages the instances?')).toContain('newbie');
    // Where every clause is chat, nothing is dropped ("sorry" itself is a stop word).
    expect(words('pardon the dumb question')).toEqual(['pardon', 'dumb']);
  });
});
