import { describe, expect, it } from 'vitest';
import { asksIfSame, statesSameness } from '../../src/search/sameness-asked.js';
import { search } from '../../src/search/search.js';
import { firstFile, indexOf } from './notes-index.js';

describe('a yes/no question of whether two things are the same', () => {
  it.each([
    ['is fargate on EKS any different from fargate on ECS?', true],
    ['is EKS fargate the same as ECS fargate', true],
    ['does the staging runbook differ from the prod one?', true],
    ['are the two rotas the same thing', true],
    // Not yes/no, or not of sameness: a passage that compares answers them no more than any other.
    ["what's the difference between fargate on eks and fargate on ecs", false],
    ['ec2 vs fargate', false],
    ['can I use the same key in two regions?', false],
    ['is it safe to run both at the same time', false],
  ])('%j: %s', (question, expected) => {
    expect(asksIfSame(question)).toBe(expected);
  });

  it.each([
    ['- The same as for ECS Fargate-hosted worker nodes', true],
    ['Unlike EC2, Fargate bills by the second.', true],
    ['The staging runbook differs from prod in one step.', true],
    ['Both jobs may run at the same time.', false],
    ['Fargate and EC2 are two ways of running tasks.', false],
  ])('%j says how two things compare: %s', (text, expected) => {
    expect(statesSameness(text)).toBe(expected);
  });

  it('is answered by the line that compares them, before a longer one naming both', () => {
    const notes = {
      'fargate.md': '- AWS Fargate - serverless compute for containers, on ECS and on EKS.\n  - Fargate works with both ECS and EKS: ECS runs tasks on Fargate, EKS runs pods on Fargate.',
      'eks.md': '- EKS worker nodes\n  - EC2 nodes: you create and patch them.\n  - Fargate nodes: the same as for ECS Fargate tasks.',
    };
    const question = 'is fargate on EKS any different from fargate on ECS?';
    expect(firstFile(notes, question)).toBe('eks.md');
    expect(search(indexOf(notes), question, { ranking: { directAnswerBoost: 1 } }).hits[0]?.chunk.file).toBe('fargate.md');
  });
});
