import { describe, expect, it } from 'vitest';
import { openLore } from '../../src/engine.js';
import { tempFolders } from '../rerank/temp-folders.js';

const notesFolder = tempFolders('lore-faq-pairs-');

const faq = [
  'OFFICE FAQ',
  '',
  'Q: Can I bring a dog to the office?',
  'A: Only on Fridays, and only in the ground-floor meeting room. Tell reception the day before, and keep',
  '   the dog on a lead in the lifts and the kitchen. Guide dogs are welcome on every day of the week.',
  '',
  'Q: How long is the notice period?',
  'A: One month in the first year, three months after that.',
  '',
  'Q: Where do visitors park?',
  'A: In the back yard; reception books the space and sends the visitor a gate code the evening before.',
  '   Bicycles go in the shed by the side door, which opens with your badge.',
  '',
].join('\n');

const leavers = [
  '# Leavers',
  '',
  '- Check the notice period in the contract before agreeing a last day.',
  '- A manager may waive up to 2 weeks of the notice period, in writing.',
  '',
].join('\n');

describe('a FAQ of "Q: … / A: …" pairs', () => {
  it('ranks the pair that answers by its own words, not with the pairs packed beside it', async () => {
    const lore = await openLore({ knowledgeDir: await notesFolder({ 'faq.txt': faq, 'leavers.md': leavers }) });
    const answer = lore.answer('how long is the notice period?');
    expect(answer.found).toBe(true);
    expect(answer.citations[0]).toMatchObject({ file: 'faq.txt', startLine: 7, endLine: 8 });
    expect(answer.quote.join('\n')).toContain('One month in the first year');
  });
});
