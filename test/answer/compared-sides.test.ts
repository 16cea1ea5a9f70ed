import { describe, expect, it } from 'vitest';
import { comparedWords } from '../../src/answer/compared-sides.js';
import { openLore } from '../../src/engine.js';
import { tempFolders } from '../rerank/temp-folders.js';

const notesFolder = tempFolders('lore-compared-');

const NOTES = {
  'compute.md': `# Running containers

- EC2 - manually provisioned virtual servers
- Fargate - on-demand, automatically provisioned virtual servers
- [ECS on EC2 vs ECS on Fargate](https://www.youtube.com/watch?v=abc)
`,
  'networking.md': `# ECS networking

- Use awsvpc network mode: each task gets its own ENI and private IP.
- Hosts must reach the ECS endpoints.
`,
};

describe('the sides a question compares', () => {
  it('reads the word next to "vs" on each side, not the head they share', () => {
    expect(comparedWords('bridge vs host network mode in ecs')).toEqual(['bridge', 'host']);
    expect(comparedWords('ecs ec2 vs fargate video')).toEqual(['ec2', 'fargate']);
  });

  it('reads the whole side that "between … and" bounds', () => {
    expect(comparedWords("what's the difference between the ECS task role and the execution role?")).toEqual(['ecs', 'task', 'role', 'execution']);
  });

  it('reads a question of many comparisons side by side', () => {
    const question = Array.from({ length: 250 }, (_, i) => `w${i} vs`).join(' ');
    expect(comparedWords(question)).toHaveLength(250);
  });

  it('reads the side after "compared to", and nothing of a question that compares nothing', () => {
    expect(comparedWords('upside of ECS on EC2 compared to fargate')).toEqual(['fargate']);
    expect(comparedWords('how do I pick a network mode?')).toEqual([]);
  });
});

describe('a comparison with a side the notes never name', () => {
  it('is an honest "I couldn\'t find", naming the side', async () => {
    const lore = await openLore({ knowledgeDir: await notesFolder(NOTES) });
    for (const question of ['bridge vs host network mode in ecs', "what's the difference between bridge and awsvpc network mode?"]) {
      const answer = lore.answer(question);
      expect(answer.found, question).toBe(false);
      expect(answer.text).toContain('mentions bridge');
    }
  });

  it('is answered where the notes name both sides, whatever else the question asks for', async () => {
    const lore = await openLore({ knowledgeDir: await notesFolder(NOTES) });
    for (const question of ['ec2 vs fargate', 'ec2 vs fargate video']) {
      const answer = lore.answer(question);
      expect(answer.found, question).toBe(true);
      expect(answer.citations[0]?.file).toBe('compute.md');
    }
  });
});
