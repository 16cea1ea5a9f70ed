import { describe, expect, it } from 'vitest';
import { openLore } from '../../src/engine.js';
import { selectQuote } from '../../src/answer/quote.js';
import { stem } from '../../src/search/analyze.js';
import { tempFolders } from '../rerank/temp-folders.js';

const notesFolder = tempFolders('lore-heading-list-');

const CHANGELOG = `# Changelog

## [2.4.0] - 2025-10-02

### Added
- Bulk export of invoices as CSV

## [2.3.1] - 2025-09-15

### Fixed
- Crash when an invoice has no line items
- Slow search on accounts with more than 10k customers
`;

describe('a question that is all the words of its heading, over a short list', () => {
  it('quotes the whole list under "### Fixed" for "what was fixed in 2.3.1"', async () => {
    const lore = await openLore({ knowledgeDir: await notesFolder({ 'CHANGELOG.md': CHANGELOG, 'other.md': '# Deploys\n\nWe deploy on weekdays.\n' }) });
    const answer = lore.answer('what was fixed in 2.3.1');
    expect(answer.found).toBe(true);
    expect(answer.quote).toEqual(['- Crash when an invoice has no line items', '- Slow search on accounts with more than 10k customers']);
  });

  it('quotes only the opening of a long list', () => {
    const items = Array.from({ length: 8 }, (_, i) => `- Item number ${i + 1}`).join('\n');
    const quote = selectQuote(items, new Map([[stem('checklist'), 1]]), { underNamedHeading: true });
    expect(quote.lines).toEqual(['- Item number 1']);
  });
});

describe('a date asked for a release the heading names', () => {
  it('answers "2.3.1 release date" from under "## [2.3.1] - 2025-09-15", whose heading is shown with the quote', async () => {
    const lore = await openLore({ knowledgeDir: await notesFolder({ 'CHANGELOG.md': CHANGELOG, 'other.md': '# Deploys\n\nWe deploy on weekdays.\n' }) });
    const answer = lore.answer('2.3.1 release date');
    expect(answer.found).toBe(true);
    expect(answer.citations[0]?.section).toContain('[2.3.1] - 2025-09-15');
  });

  it('still says it cannot find when, where the heading names no release asked', async () => {
    const notes = { 'CHANGELOG.md': CHANGELOG, 'other.md': '# Deploys\n\nWe deploy on weekdays.\n' };
    const lore = await openLore({ knowledgeDir: await notesFolder(notes) });
    const answer = lore.answer('invoice export deadline');
    expect(answer.found).toBe(false);
  });
});
