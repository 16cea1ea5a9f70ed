import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openLore } from '../../src/engine.js';
import { actAsked } from '../../src/search/acts-asked.js';
import { LARGE_NOTES_SECTIONS } from '../../src/search/notes-size.js';
import { search } from '../../src/search/search.js';
import { indexAmongLargeNotes } from './large-notes.js';

describe('the act a question of what to do asks about', () => {
  it.each([
    ['eks self managed ec2 what do i need to install on workers', 'install'],
    ['eks with self managed ec2 workers, what do i have to instal on them?', 'instal'],
    ['What should we patch first?', 'patch'],
    ['what to bring on day one', 'bring'],
    ['what do we pay for a night on call', 'pay'],
    // A verb that says little by itself, or no act asked of the asker.
    ['what do I need for the offsite', undefined],
    ['what do we get for a weekend page', undefined],
    ['what does ECS handle', undefined],
    ['how do I install docker', undefined],
    ['what is installed on the ami', undefined],
  ])('%j: %s', (question, expected) => {
    expect(actAsked(question)).toBe(expected);
  });

  it('is answered by a passage that names the act, over one that holds the other words', async () => {
    // The bundled note lists "EC2 (self-managed by you)" among EKS's choices, and says what to install on EKS's
    // EC2 workers in another passage, which never writes "self-managed".
    const lore = await openLore({ knowledgeDir: fileURLToPath(new URL('../../knowledge', import.meta.url)) });
    const answer = lore.answer('eks with self-managed ec2 nodes, what do we have to install');
    expect(answer.found).toBe(true);
    expect(answer.quote.join('\n')).toContain('Install docker runtime');
    expect(answer.quote.join('\n')).not.toContain('We can use `EKS` with');
  });

  it('is the head of the question in large notes too', () => {
    // As a real handbook of 2,300 sections showed it: the leave page says much of parental leave, the time-tracking
    // page says what to record it to.
    const leave = '# Types of leave\n\n## Paid parental leave\n\nParental leave gives 12 weeks of paid parental leave after a birth or an adoption. Parental leave may be taken in blocks.\n';
    const tock = '# Tock\n\n## Leave\n\nTock any leave, parental leave too, to the Out of office project.\n';
    // Time is tracked on every project, so "tock" is a common word of these notes.
    const index = indexAmongLargeNotes({ 'leave.md': leave, 'tock.md': tock }, (i) => `# Widget ${i}\n\nwidget${i} ships as chart${i}; tock time on it to project ${i}.`);
    expect(index.unitCount).toBeGreaterThanOrEqual(LARGE_NOTES_SECTIONS);
    const first = (actBoost: number) => search(index, 'what do i tock parental leave to', { ranking: { actBoost } }).hits[0]?.chunk.file;
    expect(first(1)).toBe('leave.md');
    expect(first(1.75)).toBe('tock.md');
  });
});
