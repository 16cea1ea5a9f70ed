import { describe, expect, it } from 'vitest';
import { openLore } from '../../src/engine.js';
import { statesAmount } from '../../src/answer/figures-stated.js';
import { asksForLimit, asksWhatLimitIs, holdsFigure } from '../../src/search/limits-asked.js';
import { tempFolders } from '../rerank/temp-folders.js';

const notesFolder = tempFolders('lore-limits-');

describe('a limit asked for by name', () => {
  it.each([
    ['flag name max length', true],
    ['bug bounty max payout', true],
    ['minimum android version we support', true],
    ['min request count for the canary', true],
    ['flag name length', false],
    // Phrased as a question, the word keeps its weight, as "time" does.
    ['what is the maximum concurrency of a DAG?', false],
    ['why is min replicas ignored', false],
  ])('%j: %s', (question, expected) => {
    expect(asksForLimit(question)).toBe(expected);
  });

  it.each([
    ['A name can be at most 40 characters.', true],
    ['the top payout is EUR 5,000', true],
    ['canary now needs at least 500 requests', true],
    ['run it on EC2 or k8s', false],
    ['artifacts up to 2GB', true],
    ['Names are snake_case.', false],
    // A list's or a heading's numbering is a place, not a figure.
    ['1. How to create a PR\n2. How to review PRs', false],
    ['- 2) Restart the pod', false],
    ['### 3. Team travel', false],
    ['1. Break up PRs longer than 400 lines.', true],
  ])('%j states a figure: %s', (text, expected) => {
    expect(holdsFigure(text)).toBe(expected);
  });

  it('is answered by the line that states the figure, though it never says "max"', async () => {
    const dir = await notesFolder({
      'flags.md': '# Feature flags\n\n## Rules for flags\n\n- Names are snake_case and start with the area, e.g. `checkout_swiftui`.\n- A name can be at most 40 characters.\n- Every flag has an owner and an expiry date.\n\n## Kill switch\n\n- Turning a flag off reaches users within 5 minutes.\n',
      'glossary.md': '# Glossary\n\n- **Flag** - a switch in Switchboard.\n- **Name** - what a flag is called in code.\n',
    });
    const lore = await openLore({ knowledgeDir: dir });
    const answer = lore.answer('flag name max length');
    expect(answer.found).toBe(true);
    expect(answer.quote.join('\n')).toContain('at most 40 characters');
  });
});

describe('a question of what a limit is', () => {
  it.each([
    ['max memory for a fargate task', true],
    ['ecs task definition memory limits', true],
    ["what's the minimum replica count?", true],
    ['min replicas in prod', true],
    // Minutes, how to set a limit, why one holds, whether there is one: no limit is asked for.
    ['my job runs like 90 min, anything i should do?', false],
    ['how do i limit memory', false],
    ['why is min replicas ignored?', false],
    ['is there a max pod count?', false],
  ])('%j: %s', (question, expected) => {
    expect(asksWhatLimitIs(question)).toBe(expected);
  });

  it.each([
    ['A Fargate task gets at most 120 GB of memory.', true],
    ['Retries are unlimited.', true],
    ['There is no limit on pods per namespace.', true],
    ['You pay only for the CPU and memory your task uses.', false],
    ['Runs on multiple availability zones.', false],
  ])('%j states a limit: %s', (line, expected) => {
    expect(statesAmount([line], { limit: true })).toBe(expected);
  });

  it('needs a figure in small notes: a line on what is paid for is no limit, and a line that states one is quoted', async () => {
    const notes = {
      'fargate.md': '# Fargate\n\n- Serverless compute for containers.\n- You pay only for the CPU and memory your task uses.\n- Each task runs in its own isolated environment.\n',
      'ecs.md': '# ECS\n\n- A task definition names the image, the ports and the CPU and memory each container gets.\n',
    };
    const lore = await openLore({ knowledgeDir: await notesFolder(notes) });
    const unstated = lore.answer('max memory for a fargate task');
    expect(unstated.found).toBe(false);
    expect(unstated.text).toContain("I couldn't find a figure for that in the notes.");
    const withLimits = await openLore({ knowledgeDir: await notesFolder({ ...notes, 'limits.md': '# Fargate limits\n\n- A Fargate task gets at most 120 GB of memory and 16 vCPU.\n' }) });
    const stated = withLimits.answer('max memory for a fargate task');
    expect(stated.found).toBe(true);
    expect(stated.quote.join('\n')).toContain('at most 120 GB');
  });
});
