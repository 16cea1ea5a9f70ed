import { stem } from './analyze.js';
import { isEnglishWord } from './english-words.js';
import type { SearchIndex } from './index.js';
import { synonymsOf } from './synonyms.js';
import { hasStem, WEIGHT, type QueryGroup, type QueryTerm } from './query-terms.js';

/**
 * "benefits" also looks for "advantage", at the weight of an expansion: synonyms of the stem of the group's word
 * (`stemOfGroup`), then of each of its own terms, each stem once.
 */
export function expandSynonyms(index: SearchIndex, groups: QueryGroup[], stemOfGroup: ReadonlyMap<QueryGroup, string>, scale: number): void {
  for (const group of groups) {
    const { terms } = group;
    const wordStem = stemOfGroup.get(group) ?? stem(group.word);
    const written = terms.length;
    addSynonyms(index, terms, wordStem, scale);
    for (let i = 0; i < written; i++) {
      const own = terms[i] as QueryTerm;
      if (!own.expansion && own.stem !== wordStem && !ownTermBefore(terms, i, own.stem)) addSynonyms(index, terms, own.stem, scale);
    }
  }
}

function ownTermBefore(terms: readonly QueryTerm[], end: number, stem: string): boolean {
  for (let i = 0; i < end; i++) if (terms[i]?.stem === stem && !terms[i]?.expansion) return true;
  return false;
}

function addSynonyms(index: SearchIndex, terms: QueryTerm[], written: string, scale: number): void {
  for (const synonym of synonymsOf(written)) {
    if (hasStem(terms, synonym)) continue;
    const id = index.heldTermId(synonym);
    if (id !== -1) terms.push({ stem: synonym, id, weight: WEIGHT.expansion * scale, expansion: true });
  }
}

/** "ecs" also looks for "elastic container service", and the reverse. */
export function expandAbbreviations(index: SearchIndex, groups: QueryGroup[], scale: number): void {
  // The question's own terms before any expansion: a short list, read with plain loops (see `hasStem`).
  const stems: string[] = [];
  for (const group of groups) for (const term of group.terms) if (!stems.includes(term.stem)) stems.push(term.stem);
  for (const group of groups) {
    const written = group.terms.length;
    // A short form the notes never write is still theirs when they name what it stands for: "bq" for BigQuery. And
    // a short form the speller read as a word of the notes one slip away ("prod" as "prd") still stands for its long form.
    const shorts: string[] = [];
    for (let i = 0; i < written; i++) shorts.push(group.terms[i]?.stem ?? '');
    const typed = stem(group.word);
    if (!shorts.includes(typed)) shorts.push(typed);
    const swapped = index.heldTermId(typed) === -1 && !shorts.some((short) => index.expansionsOf(short).length > 0) ? shortFormSwapped(index, group.word) : undefined;
    if (swapped) shorts.push(swapped);
    for (const short of shorts) {
      for (const long of index.expansionsOf(short)) {
        for (const word of long) {
          // Two definitions of one short form ("change data capture", "changelog data capture") share words.
          if (stems.includes(word) || hasStem(group.terms, word)) continue;
          const id = index.heldTermId(word);
          if (id !== -1) group.terms.push({ stem: word, id, weight: WEIGHT.expansion * scale, expansion: true, longForm: true });
        }
      }
    }
  }
  // A long form the notes never write is still looked for by the short form they do: "monday" by "Mon:", "kubernetes"
  // by "k8s".
  const unheld = new Map<string, QueryGroup>();
  for (const group of groups) if (group.terms.length === 0) unheld.set(stem(group.word), group);
  const longs = [...stems, ...unheld.keys()];
  for (const first of longs) {
    for (const { short, long } of index.contractionsFrom(first)) {
      if (!allIn(long, longs) || stems.includes(short)) continue;
      const id = index.heldTermId(short);
      if (id === -1) continue;
      const owner = unheld.get(first) ?? groups.find((group) => hasStem(group.terms, first));
      if (owner && !hasStem(owner.terms, short)) owner.terms.push({ stem: short, id, weight: WEIGHT.expansion * scale, expansion: true });
    }
  }
}

/** Short forms the notes define run to ten letters (`PARENTHESISED_SHORT`), the built-in ones to six. */
const LONGEST_SHORT_FORM = 10;

/**
 * The short form a word the notes lack is with two neighbouring letters swapped, the commonest slip ("prdo" for
 * "prod"), where the notes hold what it stands for: a short form is seldom in the notes' own vocabulary, so the
 * speller, which reads words as the notes write them, cannot find it. A word of English is meant as written ("bots").
 */
function shortFormSwapped(index: SearchIndex, word: string): string | undefined {
  if (word.length < 3 || word.length > LONGEST_SHORT_FORM || !/^[a-z0-9]+$/.test(word) || isEnglishWord(word)) return undefined;
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] === word[i + 1]) continue;
    // As written, not stemmed: "pics" is no "pcis", the plural of PCI, and "deis" no "dies", whose stem "di" is a short form.
    const short = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    if (index.expansionsOf(short).length > 0) return short;
  }
  return undefined;
}

function allIn(words: readonly string[], among: readonly string[]): boolean {
  for (const word of words) if (!among.includes(word)) return false;
  return true;
}
