import { describe, expect, it } from 'vitest';
import { LARGE_NOTES_SECTIONS } from '../../src/search/notes-size.js';
import { search } from '../../src/search/search.js';
import { indexAmongLargeNotes } from './large-notes.js';
import { orderWithinNotes } from '../../src/search/within-notes.js';

describe('orderWithinNotes', () => {
  const item = (note: number, score: number, named = false) => ({ note, score, named });
  const order = (ranked: ReturnType<typeof item>[], count = ranked.length) => {
    orderWithinNotes(ranked, count, (each) => each.note, (each) => each.named, 2);
    return ranked.map((each) => `${each.note}:${each.score}`);
  };

  it("moves a named section up among its own note's places, and no note to another's place", () => {
    expect(order([item(1, 10), item(2, 9), item(1, 6, true), item(3, 5)])).toEqual(['1:6', '2:9', '1:10', '3:5']);
  });

  it('leaves a section whose boost does not carry it past its note-mates, and ties, where they stand', () => {
    expect(order([item(1, 10), item(1, 4, true), item(1, 5)])).toEqual(['1:10', '1:4', '1:5']);
    expect(order([item(1, 3, true), item(1, 3, true)])).toEqual(['1:3', '1:3']);
  });

  it('reads only the first `count` places', () => {
    expect(order([item(1, 10), item(2, 9), item(1, 6, true)], 2)).toEqual(['1:10', '2:9', '1:6']);
  });
});

describe('a heading the question names, in large notes', () => {
  // As the handbook that showed it writes a page: its title in front matter, an opening line, then its sections.
  const transit = [
    '---',
    'title: Transit Benefit',
    '---',
    '',
    'This page outlines how to sign up for and how to cancel the transit benefit.',
    '',
    '## Enrolling in transit benefit',
    '',
    '- Go to the transit site and click Register.',
    '',
    '## Cancelling transit benefit',
    '',
    '- Log in to your account.',
    '- Click on Transit Benefit Application.',
    '- Click Withdraw from the program, then Continue.',
    '',
  ].join('\n');
  const parking = '# Parking\n\nTo cancel a parking permit or a transit benefit pass for the garage, email the front desk.\n';
  const index = indexAmongLargeNotes({ 'transit.md': transit, 'parking.md': parking });

  it('quotes the section under it rather than the line that mentions the same words', () => {
    expect(index.unitCount).toBeGreaterThanOrEqual(LARGE_NOTES_SECTIONS);
    const best = search(index, 'how do i cancel my transit benefit').hits[0];
    expect(best?.chunk.file).toBe('transit.md');
    expect(best?.chunk.section.at(-1)).toBe('Cancelling transit benefit');
  });

  it('moves no note: the notes come in the order they had with the cue off', () => {
    const notes = (askedHeadingBoost: number) => {
      const files = search(index, 'how do i cancel my transit benefit', { ranking: { askedHeadingBoost } }).hits.map((hit) => hit.chunk.file);
      return files.filter((file, i) => files.indexOf(file) === i);
    };
    expect(notes(1.75)).toEqual(notes(1));
  });
});
