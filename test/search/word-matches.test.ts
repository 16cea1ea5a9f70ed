import { describe, expect, it } from 'vitest';
import { stem } from '../../src/search/analyze.js';
import { analyzeQuery } from '../../src/search/query.js';
import { search } from '../../src/search/search.js';
import { firstFile, indexOf } from './notes-index.js';

describe('a verb and its particle', () => {
  const notes = { 'superset.md': 'Dashboards time out after 300 seconds.', 'zones.md': 'Our time zone is UTC; nothing runs out of hours.' };

  it('finds notes that write apart what the question writes as one word, and the reverse', () => {
    expect(firstFile(notes, 'timeout')).toBe('superset.md');
    expect(search(indexOf(notes), 'timeout').hits.map((hit) => hit.chunk.file)).not.toContain('zones.md');
    expect(firstFile({ 'a.md': 'The runner label is gpu.', 'b.md': 'Runner setup takes a minute.' }, 'how do I set up the runner')).toBe('b.md');
  });

  it('meets a compound written as one word where the notes write a verb in y and its particle apart', () => {
    const leave = { 'leave.md': 'You can carry over a maximum of 240 annual leave hours.', 'sick.md': 'Sick leave has no maximum.' };
    expect(firstFile(leave, 'max annual leave carryover')).toBe('leave.md');
    expect(search(indexOf(leave), 'carryover').hits.map((hit) => hit.chunk.file)).toEqual(['leave.md']);
  });
});

describe('words of one meaning', () => {
  it('gives each word its own synonyms when chat around the question is left out', () => {
    const index = indexOf({ 'ecs.md': '- ECS on EC2\n  - Advantage: full control of your infrastructure' });
    const groups = (question: string) => analyzeQuery(index, question).groups.map((group) => [group.word, group.terms.map((term) => term.stem)]);
    expect(groups('sorry for the dumb question, but what are the benefits of ecs on ec2?')).toEqual(groups('what are the benefits of ecs on ec2?'));
  });

  it('reads "free" as a word of cost, at half weight: "do we pay for the ecs control plane" finds "Control plane is free"', () => {
    const notes = {
      'ecs.md': '- **ECS** - container orchestration service\n  - Control plane is free\n  - You run the worker nodes',
      'fargate.md': '- **Fargate** - serverless compute for ECS\n  - Pay only for the CPU and memory you use',
    };
    const index = indexOf(notes);
    const pay = analyzeQuery(index, 'pay').groups[0]?.terms ?? [];
    expect(pay.find((term) => term.stem === stem('free'))?.weight).toBe(0.5);
    expect(search(index, 'do we pay for the ecs control plane?').hits[0]?.chunk.text).toContain('Control plane is free');
    expect(search(index, 'ecs control plane pricing').hits[0]?.chunk.text).toContain('Control plane is free');
  });
});

describe('a comparison', () => {
  it('reads "vs" as the function word it is, not as a rare word of the notes', () => {
    const notes = {
      'video.md': '- [ECS launch types: EC2 vs Fargate](https://www.youtube.com/watch?v=DVrGXjjkpig)',
      'ecs.md': '- **ECS** - container orchestration service, the AWS version of k8s',
      'eks.md': '- **EKS** - managed k8s service, the original k8s in AWS',
    };
    const index = indexOf(notes);
    expect(analyzeQuery(index, 'ecs vs eks').groups.map((group) => group.word)).toEqual(['ecs', 'eks']);
    expect(analyzeQuery(index, 'ecs versus eks').groups.map((group) => group.word)).toEqual(['ecs', 'eks']);
    expect(search(index, 'ecs vs eks').hits[0]?.chunk.file).not.toBe('video.md');
  });
});
