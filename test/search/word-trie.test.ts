import { describe, expect, it } from 'vitest';
import { englishOneSlipFrom, isEnglishWord } from '../../src/search/english-words.js';
import { WordTrie } from '../../src/search/word-trie.js';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Every variant one slip from `word` looked up in a list, as Norvig's speller does: the reference the trie must match. */
function scan(word: string, has: (candidate: string) => boolean): string[] {
  const found: string[] = [];
  const check = (candidate: string) => {
    if (candidate !== word && has(candidate) && !found.includes(candidate)) found.push(candidate);
  };
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail.length > 0) check(head + tail.slice(1));
    if (tail.length > 1) check(head + tail[1] + tail[0] + tail.slice(2));
    for (const letter of LETTERS) {
      check(head + letter + tail);
      if (tail.length > 0) check(head + letter + tail.slice(1));
    }
  }
  return found;
}

describe('WordTrie', () => {
  const words = ['cat', 'cart', 'cast', 'coat', 'cot', 'act', 'at', 'scat', 'café', 'o'];
  const trie = new WordTrie([...words].sort());

  it('holds the words of the letters a to z, and begins where they begin', () => {
    expect(words.filter((word) => trie.has(word))).toEqual(['cat', 'cart', 'cast', 'coat', 'cot', 'act', 'at', 'scat', 'o']);
    expect(trie.has('ca')).toBe(false);
    expect(trie.has('catt')).toBe(false);
    expect(trie.begins('ca')).toBe(true);
    expect(trie.begins('cx')).toBe(false);
  });

  it('finds the words one slip away, in the order a scan of every variant meets them', () => {
    const has = (word: string) => /^[a-z]+$/.test(word) && words.includes(word);
    for (const typed of ['cat', 'cta', 'ct', 'caat', 'acat', 'xyz', 'at', '', 'coa', 'sca', 'cart']) expect(trie.oneSlipFrom(typed)).toEqual(scan(typed, has));
    expect(trie.oneSlipFrom('ct')).toEqual(['act', 'at', 'cat', 'cot']);
  });

  it('finds the words a slip of the fingers came from: two neighbours swapped back, a doubled letter struck once', () => {
    expect(trie.slipsOfFingersFrom('cta')).toEqual(['cat']);
    expect(trie.slipsOfFingersFrom('caat')).toEqual(['cat']);
    expect(trie.slipsOfFingersFrom('cattt')).toEqual([]);
    expect(trie.slipsOfFingersFrom('ocat')).toEqual(['coat']);
    // A letter dropped or changed is no slip of that kind.
    expect(trie.slipsOfFingersFrom('ct')).toEqual([]);
    expect(trie.slipsOfFingersFrom('cbt')).toEqual([]);
  });
});

describe('englishOneSlipFrom', () => {
  it('finds what a scan of every variant in the English lists finds, in the same order', () => {
    // Real words, each with one slip of each kind, and strings that begin no English word.
    const typed: string[] = [];
    const seeds = ['types', 'threshold', 'deadline', 'required', 'scaling', 'version', 'time', 'stat', 'coxt', 'patching', 'kubectl', 'zqxvbt', 'aa', 'postgres', 'fargate', 'colour', 'analyze'];
    for (const word of seeds) {
      typed.push(word);
      for (let i = 0; i < word.length; i++) {
        typed.push(word.slice(0, i) + word.slice(i + 1));
        typed.push(word.slice(0, i) + word[i] + word.slice(i));
        typed.push(word.slice(0, i) + LETTERS[(i * 7 + word.length) % 26] + word.slice(i + 1));
        if (i + 1 < word.length) typed.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
      }
    }
    let compared = 0;
    for (const word of new Set(typed)) {
      expect(englishOneSlipFrom(word), word).toEqual(scan(word, isEnglishWord));
      compared++;
    }
    expect(compared).toBeGreaterThan(400);
  });
});
