import { seeded } from './random.js';

/**
 * The most frequent words, so the head of the Zipf distribution looks like English (stop words included)
 * and some generated text reads like the bundled notes.
 */
export const COMMON_WORDS: readonly string[] = (
  'the of and to a in is it you that for on with as are this be at or by from not can your an have will use if ' +
  'when all more new one which do there we run how what about get set up into out so only other time then ' +
  'each these need file data server service cluster node container image deploy build test config team user ' +
  'request error log version release access key network port database backup query index cache token secret ' +
  'update change check start stop create delete add remove list show default value name path folder ' +
  'instance pod task job queue event message metric alert rule policy role account project branch commit ' +
  'review merge issue support customer payment invoice order report dashboard schedule meeting owner ' +
  'production staging local remote public private internal external manual automatic daily weekly ' +
  'rollback restart upgrade migrate install configure monitor scale restore rotate enable disable'
).split(' ');

const ONSETS = ['b', 'br', 'c', 'ch', 'cl', 'd', 'dr', 'f', 'fl', 'g', 'gr', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'pl', 'pr', 'qu', 'r', 's', 'sh', 'sk', 'st', 't', 'th', 'tr', 'v', 'w', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'io', 'y'];
const CODAS = ['', '', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'rk', 'st', 'x', 'ng'];
const SUFFIXES = ['', '', '', '', 'er', 'ing', 'ed', 'ion', 'able', 'ment', 'ness', 'ly', 's', 'ity'];

/**
 * `size` distinct words, most frequent first: the common words, then pronounceable made-up words
 * (2–4 syllables, some with English endings so the stemmer has work to do).
 */
export function makeWordList(size: number, seed: number): string[] {
  const random = seeded(seed);
  const words = COMMON_WORDS.slice(0, size);
  const seen = new Set(words);
  while (words.length < size) {
    let word = '';
    const syllables = random.int(2, 4);
    for (let s = 0; s < syllables; s++) word += random.pick(ONSETS) + random.pick(VOWELS) + (s === syllables - 1 ? random.pick(CODAS) : '');
    word += random.pick(SUFFIXES);
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  return words;
}
