import { isStopWord } from './analyze.js';
import { hasDigit } from './ascii.js';
import { isEnglishWord } from './english-words.js';
import type { SearchIndex } from './index.js';

/**
 * The shortest word read in context: three letters have too many real words one slip away ("cot" for "not", where
 * "cost" was meant and the notes never say it) and begin too many longer ones ("ide" for "identity").
 */
const IN_CONTEXT_LENGTH = 4;
/** Other words found that must share a section with the reading: with one, "size" was read as "side" beside "fargate". */
const CONTEXT_WORDS = 2;
/** Letters a word cut short may lack: at least two ("node" is no cut of "nodes"), at most a long word's tail. */
const MIN_CUT = 2;
const MAX_CUT = 12;

export interface ContextReading {
  stem: string;
  id: number;
}

/**
 * A word the notes never use, read by the words around it: the one reading the notes have that shares a section
 * with every other word the question found (`others`: each word's term ids, at least `CONTEXT_WORDS` words), first
 * - as a word of English one slip from a word of theirs, a slip into another real word ("does fargate sale
 *   automatically": "scale", beside "fargate" and "automatically");
 * - else as a word cut short, the start of a longer word of theirs ("model promo broke beacon": "promotion").
 */
export function readingInContext(index: SearchIndex, word: string, others: readonly (readonly number[])[]): ContextReading | undefined {
  if (word.length < IN_CONTEXT_LENGTH || hasDigit(word) || others.length < CONTEXT_WORDS) return undefined;
  const fits = (term: number) => sharesUnitWithAll(index, term, others);
  const slips = isEnglishWord(word) ? index.vocabulary.nearest(word, 1).map((candidate) => candidate.word).filter((candidate) => !isStopWord(candidate)) : [];
  return onlyReading(index, slips, fits) ?? onlyReading(index, index.vocabulary.extending(word, MAX_CUT).filter((longer) => longer.length >= word.length + MIN_CUT), fits);
}

/** The one stem among `words` (words of the notes) that `fits`; undefined for none or several. */
function onlyReading(index: SearchIndex, words: readonly string[], fits: (term: number) => boolean): ContextReading | undefined {
  let found: ContextReading | undefined;
  for (const candidate of words) {
    const stem = index.stemOf(candidate);
    const id = stem === undefined ? -1 : index.heldTermId(stem);
    if (stem === undefined || id === -1 || found?.stem === stem || !fits(id)) continue;
    if (found) return undefined;
    found = { stem, id };
  }
  return found;
}

/** Whether some section holds the term and one of the terms of each of `others`. */
function sharesUnitWithAll(index: SearchIndex, term: number, others: readonly (readonly number[])[]): boolean {
  const units = index.unitPostingsOfTerm(term);
  if (!units) return false;
  let shared = new Set(units.ids);
  for (const terms of others) {
    const next = new Set<number>();
    for (const other of terms) {
      const postings = index.unitPostingsOfTerm(other);
      if (postings) for (const unit of postings.ids) if (shared.has(unit)) next.add(unit);
    }
    shared = next;
    if (shared.size === 0) return false;
  }
  return true;
}
