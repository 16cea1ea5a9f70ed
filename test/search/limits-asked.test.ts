import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLore } from '../../src/engine.js';
import { asksForLimit, holdsFigure } from '../../src/search/limits-asked.js';

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
  ])('%j states a figure: %s', (text, expected) => {
    expect(holdsFigure(text)).toBe(expected);
  });

  it('is answered by the line that states the figure, though it never says "max"', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lore-limits-'));
    await writeFile(join(dir, 'flags.md'), '# Feature flags\n\n## Rules for flags\n\n- Names are snake_case and start with the area, e.g. `checkout_swiftui`.\n- A name can be at most 40 characters.\n- Every flag has an owner and an expiry date.\n\n## Kill switch\n\n- Turning a flag off reaches users within 5 minutes.\n');
    await writeFile(join(dir, 'glossary.md'), '# Glossary\n\n- **Flag** - a switch in Switchboard.\n- **Name** - what a flag is called in code.\n');
    const lore = await openLore({ knowledgeDir: dir });
    const answer = lore.answer('flag name max length');
    expect(answer.found).toBe(true);
    expect(answer.quote.join('\n')).toContain('at most 40 characters');
    await rm(dir, { recursive: true, force: true });
  });
});
