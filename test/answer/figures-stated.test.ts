import { describe, expect, it } from 'vitest';
import { openLore } from '../../src/engine.js';
import { statesAmount } from '../../src/answer/quote.js';
import { asksDuration, asksRate, asksSize, asksTimeSpan } from '../../src/search/answer-cues.js';
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

  it('takes no length of time for a size: "7 years" and "hourly" say how long and how often, not how big', () => {
    const size = { size: asksSize('how big is the raw stripe schema'), amount: true };
    expect(size.size).toBe(true);
    expect(asksSize('how long is the raw stripe retention')).toBe(false);
    expect(statesAmount(['| `raw.stripe_*` | Airbyte | hourly | 7 years | no |'], size)).toBe(false);
    expect(statesAmount(['| `raw.stripe_*` | Airbyte | 42 GB | 7 years | no |'], size)).toBe(true);
    expect(statesAmount(['The on-call rota has 12 people.'], size)).toBe(true);
  });

  it('takes no number of times a period for a length of time: "twice a day" says how often', () => {
    const span = { span: asksTimeSpan('how long does engineering have to fix an esc ticket'), duration: true };
    expect(span.span).toBe(true);
    expect(statesAmount(['The liaison triages ESC tickets twice a day, at 10:00 and 15:00.'], span)).toBe(false);
    expect(statesAmount(['Engineering has 3 times a week to look, and 5 days to fix.'], span)).toBe(true);
    expect(statesAmount(['Engineering fixes an ESC ticket within a day.'], span)).toBe(true);
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
