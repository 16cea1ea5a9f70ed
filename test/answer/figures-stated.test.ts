import { describe, expect, it } from 'vitest';
import { openLore } from '../../src/engine.js';
import { statesAmount } from '../../src/answer/quote.js';
import { asksDuration, asksRate } from '../../src/search/answer-cues.js';
import { tempFolders } from '../rerank/temp-folders.js';

const notesFolder = tempFolders('lore-figures-');

describe('what states the figure a question asks for', () => {
  it.each([
    ['Both can be on at once: PGA for Google APIs, Cloud NAT for everything else', false],
    ['Pull all the images at once before the cutover.', false],
    ['Cloud NAT is billed at $0.044 per hour per gateway.', true],
    ['The digest goes out once a week.', true],
  ])('%j states an amount: %s', (line, expected) => {
    expect(statesAmount([line])).toBe(expected);
  });

  it('reads "at once" as at the same time for a rate, too', () => {
    const rate = { rate: asksRate('how much does cloud nat cost per hour?') };
    expect(rate.rate).toBe(true);
    expect(statesAmount(['Both can be on at once: PGA for Google APIs, Cloud NAT for everything else'], rate)).toBe(false);
    expect(statesAmount(['Cloud NAT costs $0.044 per hour.'], rate)).toBe(true);
  });

  it('takes no cost said in words for how often: "price" is no frequency', () => {
    const often = { duration: asksDuration('how often does snap_product_prices run') };
    expect(often.duration).toBe(true);
    expect(statesAmount(['| `snap_product_prices` | listing price changes | indefinite |'], often)).toBe(false);
    expect(statesAmount(['| `snap_product_prices` | listing price changes | daily |'], often)).toBe(true);
    expect(statesAmount(['The licence is free for teams under ten.'], {})).toBe(true);
  });

  it('answers a question of cost with no figure in the notes honestly, and quotes the figure once the notes give one', async () => {
    const notes = {
      'nat.md': '# Cloud NAT\n\n- Cloud NAT gives VMs without external IPs a way out to the internet.\n- Both can be on at once: Private Google Access for Google APIs, Cloud NAT for everything else.\n- Idle Cloud NAT gateways still cost money by the hour: delete the ones no subnet uses.\n',
    };
    const unstated = (await openLore({ knowledgeDir: await notesFolder(notes) })).answer('how much does cloud nat cost per hour?');
    expect(unstated.found).toBe(false);
    expect(unstated.text).toContain("I couldn't find a figure for that in the notes.");
    const priced = { ...notes, 'nat-cost.md': '# Cloud NAT pricing\n\n- Cloud NAT costs $0.044 per hour per gateway, plus data processed.\n' };
    const stated = (await openLore({ knowledgeDir: await notesFolder(priced) })).answer('how much does cloud nat cost per hour?');
    expect(stated.found).toBe(true);
    expect(stated.text).toContain('$0.044 per hour');
  });
});
