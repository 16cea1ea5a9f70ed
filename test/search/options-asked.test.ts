import { describe, expect, it } from 'vitest';
import { openLore } from '../../src/engine.js';
import { asksForOptions, holdsAnnouncedList } from '../../src/search/options-asked.js';
import { tempFolders } from '../rerank/temp-folders.js';

const notesFolder = tempFolders('lore-options-');

describe('a question of what the choices are', () => {
  it.each([
    ['ecs compute options', true],
    ['Which compute choices can sit underneath ECS?', true],
    ['ways of running containers', true],
    ['what are the alternatives to dockerhub', true],
    // One setting, how to do something, why, or whether: no list of choices is asked for.
    ['is there an option to skip the freeze?', false],
    ['how do i set the retry options', false],
    ['why are there two ways to deploy', false],
    ['do we have other options?', false],
    ['what does the --options flag do', false],
    ['what goes under `options:` in the chart', false],
  ])('%j: %s', (question, expected) => {
    expect(asksForOptions(question)).toBe(expected);
  });

  it.each([
    ['- We can use `ECS` with:\n  - EC2 (self-managed by you)\n  - Fargate (fully-managed by AWS)\n', true],
    ['**Options:**\n\n1. Restart the pod.\n2. Scale the deployment.', true],
    ['Ways of running containers:\n- EC2\n', false],
    ['- Optional: a CDN in front of the API.\n- Shared runners serve every other job.\n', false],
  ])('%j holds an announced list: %s', (text, expected) => {
    expect(holdsAnnouncedList(text)).toBe(expected);
  });

  it('is answered by the list of choices, not by a line that says "optional"', async () => {
    const notes = {
      'hosting.md': '# Hosting\n\n- The API can be hosted on:\n  - Kubernetes (run by the platform team)\n  - Plain VMs (run by us)\n\n---\n\n- Optional: a CDN in front of the API, for the docs site.\n',
    };
    const answer = (await openLore({ knowledgeDir: await notesFolder(notes) })).answer('api hosting options');
    expect(answer.found).toBe(true);
    expect(answer.quote.join('\n')).toContain('Kubernetes (run by the platform team)');
    expect(answer.quote.join('\n')).not.toContain('Optional');
  });
});
