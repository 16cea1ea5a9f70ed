import { describe, expect, it } from 'vitest';
import { isStopWord } from '../../src/search/analyze.js';
import { oneEditApart } from '../../src/search/distance.js';
import { isEnglishWord } from '../../src/search/english-words.js';
import { isLikelySlip } from '../../src/search/slips.js';
import { stopWordMeant } from '../../src/search/stop-word-slips.js';
import { STOP_WORDS } from '../../src/search/stopwords.js';

describe('stopWordMeant', () => {
  it.each([
    ['teh', 'the'],
    ['hwo', 'how'],
    ['waht', 'what'],
    ['whihc', 'which'],
    ['doees', 'does'],
    ['shuold', 'should'],
    ['wht', 'what'],
    ['wat', 'what'],
    ['whn', 'when'],
  ])('reads %s as %s', (typed, meant) => {
    expect(stopWordMeant(typed)).toBe(meant);
  });

  it.each(['aws', 'bot', 'int', 'ben', 'irc', 'hrs', 'sme', 'cold', 'form', 'the', 'kubectl', 'zqxvbt', 'throughout'])('reads %s as no stop word', (word) => {
    expect(stopWordMeant(word)).toBeUndefined();
  });

  // Every slip of every stop word: the lookup by shared deletions finds what comparing with each stop word finds.
  it('finds a stop word for the same slips as a scan of every stop word', () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const slips = new Set<string>();
    for (const stop of STOP_WORDS) {
      for (let i = 0; i <= stop.length; i++) {
        for (const letter of letters) slips.add(stop.slice(0, i) + letter + stop.slice(i)).add(stop.slice(0, i) + letter + stop.slice(i + 1));
        slips.add(stop.slice(0, i) + stop.slice(i + 1));
        if (i < stop.length - 1) slips.add(stop.slice(0, i) + stop[i + 1] + stop[i] + stop.slice(i + 2));
      }
    }
    const scanned = (word: string): boolean => {
      if (word.length < 3 || isStopWord(word) || isEnglishWord(word)) return false;
      for (const stop of STOP_WORDS) if (stop.length >= Math.min(4, word.length) && oneEditApart(word, stop) && isLikelySlip(word, stop)) return true;
      return false;
    };
    // Three letters have rules of their own (the cases above).
    let disagree = 0;
    let found = 0;
    for (const word of slips) {
      const meant = stopWordMeant(word);
      if (meant !== undefined) found++;
      if (word.length > 3 && (meant !== undefined) !== scanned(word)) disagree++;
    }
    expect(disagree).toBe(0);
    expect(found).toBeGreaterThan(1000);
  });
});
