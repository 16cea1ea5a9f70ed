import { describe, expect, it } from 'vitest';
import { openLore } from '../../src/engine.js';
import { asksForPhoneNumber, holdsPhoneNumber } from '../../src/search/phone-numbers-asked.js';
import { tempFolders } from '../rerank/temp-folders.js';

const notesFolder = tempFolders('lore-phone-');

const NOTES = {
  'collections.md': `# Collections

| Days past due | What we do | Who |
|---|---|---|
| 30 | reminder email | Billie |
| 75 | passed to our collection agency, Harrow Recoveries (fee 9% of what they collect) | Billie |
`,
  'vendors.md': `# Vendor support

- Ticketdesk vendor support: priority line +44 20 7946 0381, account ID \`BRK-22817\`.
- Customers who move house keep their phone number; tell them so.
`,
};

describe('a question that asks for a phone number', () => {
  it('is read in keywords and in questions of the number itself', () => {
    expect(asksForPhoneNumber('harrow recoveries phone number')).toBe(true);
    expect(asksForPhoneNumber("what's the phone number for Harrow Recoveries?")).toBe(true);
    expect(asksForPhoneNumber('is there a phone number for the it helpdesk?')).toBe(true);
    expect(asksForPhoneNumber('which number to call for ticketdesk outages?')).toBe(true);
  });

  it('is not a question about phone numbers, nor one that tells of one', () => {
    expect(asksForPhoneNumber('do customers keep their phone number when they move?')).toBe(false);
    expect(asksForPhoneNumber('the customer changed their phone number, what now')).toBe(false);
    expect(asksForPhoneNumber('customer keeps swearing at me on the phone')).toBe(false);
  });
});

describe('a phone number in a text', () => {
  it('is seven digits or more, written as numbers are', () => {
    expect(holdsPhoneNumber('priority line +44 20 7946 0381')).toBe(true);
    expect(holdsPhoneNumber('call 0800 555 0147 (UK)')).toBe(true);
    expect(holdsPhoneNumber('ring 555-0100 after hours')).toBe(true);
    expect(holdsPhoneNumber('[call the helpdesk](tel:08005550147)')).toBe(true);
  });

  it('is no date, span of years, address, count or version', () => {
    for (const text of ['released 2024-03-12', 'the 2019-2024 plan', 'host 192.168.100.200', 'after 30 days, 60 days', 'v1.30.2', '| 75 | passed on |', 'ticket BRK-22817']) {
      expect(holdsPhoneNumber(text), text).toBe(false);
    }
  });
});

describe('an answer to a question for a phone number', () => {
  it('holds one, or is an honest "I couldn\'t find"', async () => {
    const lore = await openLore({ knowledgeDir: await notesFolder(NOTES) });
    for (const question of ['harrow recoveries phone number', "what's the phone number for Harrow Recoveries?"]) {
      const answer = lore.answer(question);
      expect(answer.found, question).toBe(false);
      expect(answer.text).toContain("I couldn't find a phone number for that in the notes.");
    }
  });

  it('quotes the line that gives it', async () => {
    const lore = await openLore({ knowledgeDir: await notesFolder(NOTES) });
    const answer = lore.answer('ticketdesk vendor support phone number');
    expect(answer.found).toBe(true);
    expect(answer.text).toContain('+44 20 7946 0381');
  });
});
