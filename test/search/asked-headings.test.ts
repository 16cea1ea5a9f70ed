import { describe, expect, it } from 'vitest';
import { search } from '../../src/search/search.js';
import { indexOf } from './notes-index.js';

describe('a heading that asks the question', () => {
  const notes = {
    'outline.md': '- ECS on EC2\n  - You create the EC2 instances and join them to the cluster; you patch their OS, watch their disks and memory, and install docker and the ECS agent, which talks to the control plane, on each of them.',
    'faq.md': '# FAQ\n\n## Do I have to install docker and the ECS agent on EC2s myself?\n\nNot with the ECS-optimized AMIs: Docker and the agent come with them.',
    'reducers.md': '# Reducers\n\n## How does combineReducers use shallow equality checking?\n\nIt compares each slice by reference.',
    'bindings.md': '# Bindings\n\nThe bindings use shallow equality checking of the selected values, the `connect` way: each one by reference.',
  };
  const index = indexOf(notes);
  const first = (question: string, askedHeadingBoost?: number) =>
    search(index, question, { ranking: { minSections: 0, ...(askedHeadingBoost ? { askedHeadingBoost } : {}) } }).hits[0]?.chunk.file;

  it('puts first the answer under a heading that asks it, over a passage holding more of its words', () => {
    expect(first('do i install docker and the ecs agent on ec2 myself')).toBe('faq.md');
    expect(first('do i install docker and the ecs agent on ec2 myself', 1)).toBe('outline.md');
  });

  it('reads a FAQ\'s question line ("Q: …?") as its heading', () => {
    const faq = {
      'faq.txt': 'TEAM FAQ\n\nQ: How do I promote a new model version to production?\nA: Move the production alias in the registry to it.\n',
      'release.md': '# Model releases\n\nPromote a model version from staging to production: the promoted version of the model serves all traffic.',
    };
    const first = (askedHeadingBoost: number) => search(indexOf(faq), 'how do i promote a model version', { ranking: { minSections: 0, askedHeadingBoost } }).hits[0]?.chunk.file;
    expect(first(1.75)).toBe('faq.txt');
    expect(first(1)).toBe('release.md');
  });

  it('reads the heading as the question is read: "How long is probation?" asks for a time, and "long" is no topic', () => {
    const faq = { 'faq.txt': 'Q: How long is probation?\nA: 6 months for everyone.\n', 'bonus.md': 'Referral bonus: paid once the new starter passes probation.' };
    const scores = (askedHeadingBoost: number) => search(indexOf(faq), 'how long is probation', { ranking: { minSections: 0, askedHeadingBoost } }).hits.map((hit) => hit.score);
    expect(scores(3)).not.toEqual(scores(1));
  });

  it('wants the question to hold the heading\'s words too, and every name the heading gives', () => {
    const scores = (question: string, askedHeadingBoost: number) => search(index, question, { ranking: { minSections: 0, askedHeadingBoost } }).hits.map((hit) => hit.score);
    expect(scores('do i install docker and the ecs agent on ec2 myself', 3)).not.toEqual(scores('do i install docker and the ecs agent on ec2 myself', 1));
    expect(scores('what does the ecs agent do', 3)).toEqual(scores('what does the ecs agent do', 1));
    expect(scores('how do the bindings use shallow equality checking', 3)).toEqual(scores('how do the bindings use shallow equality checking', 1));
    expect(first('how do the bindings use shallow equality checking')).toBe('bindings.md');
  });
});
