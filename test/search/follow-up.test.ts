import { describe, expect, it } from 'vitest';
import { stem } from '../../src/search/analyze.js';
import { readsAsFollowUp } from '../../src/search/follow-up.js';

const known = new Set(['fargate', 'daemonset', 'ec2', 'ecs', 'eks', 'cluster', 'control', 'plane', 'free'].map(stem));
const knows = (word: string) => known.has(word);

describe('readsAsFollowUp', () => {
  it.each([
    ['and on EKS?', true],
    ['what about fargate', true],
    ['is it free?', true],
    ['why?', true],
    ['does that work with ec2', true],
    ['does fargate support daemonsets', false],
    ['is the ecs control plane free', false],
    ['what is an eks cluster and how is it billed in the control plane', false],
  ])('%s → %s', (question, expected) => {
    expect(readsAsFollowUp(question, knows)).toBe(expected);
  });
});
