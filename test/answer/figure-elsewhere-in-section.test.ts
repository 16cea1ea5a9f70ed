import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openLore } from '../../src/engine.js';

const HANDBOOK = fileURLToPath(new URL('../../bench/devsets/handbook-18f/knowledge', import.meta.url));

// In the TTS Handbook (246 pages, large notes), "Changing your name across GSA" is cut into two chunks: the step
// that says how long sits in the first, and the step that ranks, in the second, writes "name" and links to a page of
// "employee-resources", a reading of "hr" ("human resources"). The first holds "hr" as written.
describe('a figure asked for, stated by another piece of the section that ranked', () => {
  it('quotes the step that says how long', async () => {
    const lore = await openLore({ knowledgeDir: HANDBOOK });
    const answer = lore.answer('how long does a name change in hr links take');
    expect(answer.found).toBe(true);
    expect(answer.quote.join('\n')).toContain('Wait up to 5 business days');
    expect(answer.citations[0]?.file).toBe('18f/how-18f-works/changing-your-name.md');
  });
});
