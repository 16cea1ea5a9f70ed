import { describe, expect, it } from 'vitest';
import { seeded } from '../../bench/random.js';
import { DeletionIndex } from '../../src/search/deletions.js';
import { oneEditApart } from '../../src/search/distance.js';

describe('DeletionIndex', () => {
  it('gives every word one edit away as a candidate, whether room was reserved or the table grew word by word', () => {
    const random = seeded(41);
    const letters = 'aenrst';
    const words = Array.from({ length: 3000 }, () => Array.from({ length: random.int(3, 9) }, () => random.pick([...letters])).join(''));
    const grown = new DeletionIndex();
    words.forEach((word, id) => grown.add(word, id));
    const reserved = new DeletionIndex();
    reserved.reserve(words.length, words.reduce((sum, word) => sum + word.length, 0));
    words.forEach((word, id) => reserved.add(word, id));
    for (let i = 0; i < 200; i++) {
      const typed = Array.from({ length: random.int(3, 9) }, () => random.pick([...letters])).join('');
      const expected = words.flatMap((word, id) => (oneEditApart(typed, word) ? [id] : []));
      for (const index of [grown, reserved]) {
        const found = new Set<number>();
        index.candidates(typed, (id) => found.add(id));
        expect(expected.filter((id) => !found.has(id)), typed).toEqual([]);
      }
    }
  });

  it('finds long words too (the key hashes are worked out from a prefix and a suffix, in arrays that grow)', () => {
    const index = new DeletionIndex();
    const long = 'ab'.repeat(40) + 'xyz'.repeat(30);
    index.add('short', 0);
    index.add(long, 1);
    for (const typed of [long.slice(0, 100) + long.slice(101), long.slice(0, 50) + 'q' + long.slice(51), long.slice(0, 130) + 'q' + long.slice(130)]) {
      const found = new Set<number>();
      index.candidates(typed, (id) => found.add(id));
      expect(found.has(1), typed).toBe(true);
    }
    const found = new Set<number>();
    index.candidates('shrt', (id) => found.add(id));
    expect([...found]).toEqual([0]);
  });

  it('gives the words that share a key, each by its own id, and not those that share none', () => {
    const index = new DeletionIndex();
    index.add('cart', 0);
    index.add('card', 1);
    index.add('caart', 2);
    const found: number[] = [];
    index.candidates('carx', (id) => found.push(id));
    // "car" is a key of both cart and card; caart shares none with carx.
    expect(found.sort()).toEqual([0, 1]);
  });
});
