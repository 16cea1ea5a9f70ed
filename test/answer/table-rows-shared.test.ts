import { describe, expect, it } from 'vitest';
import { openLore } from '../../src/engine.js';
import { selectQuote } from '../../src/answer/quote.js';
import { stem } from '../../src/search/analyze.js';
import { tempFolders } from '../rerank/temp-folders.js';

const notesFolder = tempFolders('lore-rows-');

const SCHEDULE = `# On-call schedule Q4

| Week starting | Primary | Secondary |
|---|---|---|
| 2025-10-06 | Ana | Bram |
| 2025-10-13 | Chen | Dana |
| 2025-10-20 | Bram | Ana |
| 2025-10-27 | Dana | Chen |

Handover is Monday 10:00.
`;

describe('choosing table rows by the words that tell them apart', () => {
  it('quotes the row of the day asked, though every row holds its year and month', async () => {
    const lore = await openLore({ knowledgeDir: await notesFolder({ 'oncall.md': SCHEDULE, 'other.md': '# Deploys\n\nWe deploy on weekdays.\n' }) });
    const answer = lore.answer('who is secondary on 2025-10-20');
    expect(answer.found).toBe(true);
    expect(answer.quote).toEqual(['| Week starting | Primary | Secondary |', '|---|---|---|', '| 2025-10-20 | Bram | Ana |']);
  });

  it('still quotes every row that holds the words asked where no word tells them apart', () => {
    const table = ['| Service | Channel |', '|---|---|', '| api | #oncall-api |', '| billing | #oncall-billing |'].join('\n');
    const quote = selectQuote(table, new Map([[stem('oncall'), 1]]));
    expect(quote.lines).toHaveLength(4);
  });
});
