import { describe, expect, it } from 'vitest';
import { seeded } from '../../bench/random.js';
import { editDistance, lettersApart, oneEditApart } from '../../src/search/distance.js';
import { allowedEdits, Vocabulary } from '../../src/search/vocabulary.js';

describe('editDistance', () => {
  it.each([
    ['fargate', 'fargate', 2, 0],
    ['fargate', 'fargte', 2, 1],
    ['fargate', 'fargtae', 2, 1],
    ['daemon', 'deamon', 1, 1],
    ['ab', 'ba', 1, 1],
    ['kitten', 'sitting', 3, 3],
    ['', 'abc', 3, 3],
    ['supoprt', 'support', 1, 1],
  ])('%s ↔ %s (max %i) = %i', (a, b, max, expected) => {
    expect(editDistance(a, b, max)).toBe(expected);
    expect(editDistance(b, a, max)).toBe(expected);
  });

  it('gives up with max + 1 once the distance exceeds max', () => {
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(editDistance('aaaa', 'bbbbbbbb', 2)).toBe(3);
    expect(editDistance('abcdef', 'uvwxyz', 1)).toBe(2);
  });

  it('counts a transposition once only when the letters are adjacent', () => {
    expect(editDistance('abc', 'cba', 3)).toBe(2);
  });

  it('agrees with the full distance table on random words (it works out only a band of it)', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const word = () => Array.from({ length: Math.floor(next() * 9) }, () => 'abcd'[Math.floor(next() * 4)]).join('');
    for (let i = 0; i < 2000; i++) {
      const [a, b, max] = [word(), word(), Math.floor(next() * 4)];
      expect(editDistance(a, b, max), `${a} ↔ ${b}, max ${max}`).toBe(Math.min(fullDistance(a, b), max + 1));
    }
  });
});

describe('oneEditApart', () => {
  it('is true exactly when the full distance table says 1, on random words and their one-edit variants', () => {
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const letter = () => 'abc'[Math.floor(next() * 3)] ?? 'a';
    const word = () => Array.from({ length: Math.floor(next() * 7) }, letter).join('');
    const variant = (w: string) => {
      const at = Math.floor(next() * (w.length + 1));
      const kind = Math.floor(next() * 4);
      if (kind === 0) return w.slice(0, at) + letter() + w.slice(at);
      if (kind === 1) return w.slice(0, at) + w.slice(at + 1);
      if (kind === 2) return w.slice(0, at) + letter() + w.slice(at + 1);
      return w.slice(0, at) + w.slice(at + 1, at + 2) + w.slice(at, at + 1) + w.slice(at + 2);
    };
    let ones = 0;
    for (let i = 0; i < 3000; i++) {
      const a = word();
      const b = i % 2 === 0 ? word() : variant(a);
      const expected = fullDistance(a, b) === 1;
      if (expected) ones++;
      expect(oneEditApart(a, b), `${a} ↔ ${b}`).toBe(expected);
      expect(oneEditApart(b, a), `${b} ↔ ${a}`).toBe(expected);
    }
    expect(ones).toBeGreaterThan(500);
  });
});

describe('lettersApart', () => {
  it('never exceeds the edit distance, so that it may rule a word out before the distance is worked out', () => {
    const random = seeded(5);
    const letters = 'abcdeé';
    const word = () => Array.from({ length: random.int(0, 9) }, () => letters[random.int(0, letters.length - 1)]).join('');
    let over = 0;
    for (let i = 0; i < 5000; i++) {
      const a = word();
      const b = word();
      const apart = lettersApart(a, b);
      expect(apart, `${a} ↔ ${b}`).toBeLessThanOrEqual(fullDistance(a, b));
      if (apart > 2) over++;
    }
    expect(over).toBeGreaterThan(100);
  });

  it('counts the letters one word has beyond the other, either way round', () => {
    expect(lettersApart('zqxvbt', 'zarit')).toBe(4);
    expect(lettersApart('listen', 'silent')).toBe(0);
    expect(lettersApart('cluster', 'clusters')).toBe(1);
    expect(lettersApart('café', 'cafe')).toBe(0);
  });
});

/** Optimal string alignment distance, every cell of the table: the reference the banded version must match. */
function fullDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      row[j] = Math.min((up[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (up[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] ?? 0, ((d[i - 2] as number[])[j - 2] ?? 0) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] ?? 0;
}

describe('Vocabulary.nearest', () => {
  const vocabulary = new Vocabulary();
  for (const word of ['fargate', 'deamon', 'cluster', 'clusters', 'kubernetes', 'instances', 'nodegroup', 'ec2', 'at']) vocabulary.add(word);

  it('ignores short words and words with digits', () => {
    expect(vocabulary.has('at')).toBe(false);
    expect(vocabulary.has('ec2')).toBe(false);
    expect(vocabulary.has('fargate')).toBe(true);
    expect(vocabulary.size).toBe(7);
  });

  it('finds a word one deletion or insertion away', () => {
    expect(vocabulary.nearest('fargte', 1)).toEqual([{ word: 'fargate', distance: 1 }]);
    expect(vocabulary.nearest('clustr', 1)).toEqual([{ word: 'cluster', distance: 1 }]);
    expect(vocabulary.nearest('kubernettes', 2)).toEqual([{ word: 'kubernetes', distance: 1 }]);
  });

  it.each([
    ['daemon', 'deamon'],
    ['fargtae', 'fargate'],
    ['clsuter', 'cluster'],
  ])('finds a word one transposition away: %s → %s (words under 8 letters, 1 edit allowed)', (typo, word) => {
    // A swap of two letters changes 4 trigrams, not 3: a trigram filter assuming 3 per edit drops these.
    expect(allowedEdits(typo)).toBe(1);
    expect(vocabulary.nearest(typo, 1)).toEqual([{ word, distance: 1 }]);
  });

  it('gives a three-letter word one edit, and nothing to a shorter one', () => {
    const short = new Vocabulary();
    for (const word of ['data', 'work', 'pod']) short.add(word);
    expect(allowedEdits('dta')).toBe(1);
    expect(short.nearest('dta', allowedEdits('dta'))).toEqual([{ word: 'data', distance: 1 }]);
    expect(short.nearest('wrk', allowedEdits('wrk'))).toEqual([{ word: 'work', distance: 1 }]);
    expect(allowedEdits('at')).toBe(0);
  });

  it('finds long words two edits away', () => {
    expect(allowedEdits('kuberntes')).toBe(2);
    expect(vocabulary.nearest('kuberntes', 2)).toEqual([{ word: 'kubernetes', distance: 1 }]);
    expect(vocabulary.nearest('kubrnets', 2)).toEqual([{ word: 'kubernetes', distance: 2 }]);
    expect(vocabulary.nearest('insatnces', 2)).toEqual([{ word: 'instances', distance: 1 }]);
  });

  it('sorts alphabetically among equals, and excludes the word itself', () => {
    expect(vocabulary.nearest('clusterx', 2)).toEqual([
      { word: 'cluster', distance: 1 },
      { word: 'clusters', distance: 1 },
    ]);
    expect(vocabulary.nearest('cluster', 1)).toEqual([{ word: 'clusters', distance: 1 }]);
  });

  it('returns only the words at the smallest distance found', () => {
    expect(vocabulary.nearest('clustr', 2)).toEqual([{ word: 'cluster', distance: 1 }]);
    expect(vocabulary.nearest('clustrs', 2)).toEqual([{ word: 'clusters', distance: 1 }]);
  });

  it('finds exactly the words one edit away, as a scan of every word does, while words come and go', () => {
    // A small alphabet, so that words share many trigrams, first letters and last letters.
    const random = seeded(97);
    const letters = 'aeinorst';
    const randomWord = () => Array.from({ length: random.int(4, 12) }, () => letters[random.int(0, letters.length - 1)]).join('');
    const typoOf = (word: string) => {
      const at = random.int(0, word.length - 1);
      const kind = random.int(0, 3);
      if (kind === 0) return word.slice(0, at) + word.slice(at + 1);
      if (kind === 1) return word.slice(0, at) + random.pick([...letters]) + word.slice(at);
      if (kind === 2) return word.slice(0, at) + random.pick([...letters]) + word.slice(at + 1);
      return word.slice(0, at) + (word[at + 1] ?? '') + word[at] + word.slice(at + 2);
    };
    const words = new Vocabulary();
    const known = new Set<string>();
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 1500; i++) {
        const word = randomWord();
        words.add(word);
        known.add(word);
      }
      for (const word of [...known].filter(() => random.chance(0.1))) {
        words.remove(word);
        known.delete(word);
      }
      for (let i = 0; i < 150; i++) {
        const typed = random.chance(0.8) ? typoOf(random.pick([...known])) : randomWord();
        const scan = [...known].filter((word) => oneEditApart(typed, word)).sort();
        expect(words.nearest(typed, 1).map((found) => found.word), typed).toEqual(scan);
      }
    }
  });

  it('finds the words two edits away that share enough trigrams, as a scan of every word does', () => {
    const random = seeded(41);
    const letters = 'aeinorstl';
    const randomWord = (from = 6, to = 12) => Array.from({ length: random.int(from, to) }, () => letters[random.int(0, letters.length - 1)]).join('');
    const words = new Vocabulary();
    const known = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const word = randomWord();
      words.add(word);
      known.add(word);
    }
    // The lookup's contract: distinct trigrams of ^^word$$ shared, at least max(2, length + 2 − 4 × edits).
    const trigramsOf = (word: string) => {
      const padded = `^^${word}$$`;
      return new Set(Array.from({ length: padded.length - 2 }, (_, i) => padded.slice(i, i + 3)));
    };
    const slip = (word: string) => {
      const at = random.int(0, word.length - 1);
      return random.chance(0.5) ? word.slice(0, at) + random.pick([...letters]) + word.slice(at + 1) : word.slice(0, at) + word.slice(at + 1);
    };
    let found = 0;
    for (let i = 0; i < 300; i++) {
      const typed = random.chance(0.7) ? slip(slip(random.pick([...known].filter((word) => word.length >= 10)))) : randomWord(8, 12);
      if (typed.length < 8) continue;
      const own = trigramsOf(typed);
      const needed = Math.max(2, typed.length + 2 - 8);
      const scan = [...known]
        .filter((word) => word !== typed && Math.abs(word.length - typed.length) <= 2 && fullDistance(typed, word) <= 2)
        .filter((word) => [...trigramsOf(word)].filter((gram) => own.has(gram)).length >= needed);
      const nearest = words.nearest(typed, 2);
      const closest = Math.min(...scan.map((word) => fullDistance(typed, word)));
      const expected = scan.filter((word) => fullDistance(typed, word) === closest).sort();
      found += expected.length;
      expect(nearest.map((near) => near.word), typed).toEqual(expected);
    }
    expect(found).toBeGreaterThan(20);
  });

  it('returns nothing for maxEdits 0 or a word far from all', () => {
    expect(vocabulary.nearest('fargte', 0)).toEqual([]);
    expect(vocabulary.nearest('zebra', 1)).toEqual([]);
    expect(new Vocabulary().nearest('fargate', 2)).toEqual([]);
  });
});
