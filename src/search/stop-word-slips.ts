import { isStopWord } from './analyze.js';
import { keptByWord } from './kept-by-word.js';
import { DeletionIndex } from './deletions.js';
import { oneEditApart } from './distance.js';
import { isEnglishWord } from './english-words.js';
import { isLikelySlip, isSwap } from './slips.js';
import { STOP_WORDS } from './stopwords.js';

const STOPS = [...STOP_WORDS];
/**
 * Stop words by their one-letter deletions, as the speller keeps the notes' words: a word is compared only with the
 * few stop words that share a key with it, not with all of them (every question asks this of its first word).
 */
let byDeletion: DeletionIndex | undefined;

function buildDeletions(): DeletionIndex {
  const index = new DeletionIndex();
  index.reserve(STOPS.length, STOPS.reduce((letters, stop) => letters + stop.length, 0));
  STOPS.forEach((stop, order) => index.add(stop, order));
  return index;
}

/** The stop words one edit from `word`, in the order of `STOP_WORDS`. */
function stopsOneEditFrom(word: string): string[] {
  byDeletion ??= buildDeletions();
  const orders: number[] = [];
  byDeletion.candidates(word, (order) => {
    if (!orders.includes(order) && oneEditApart(word, STOPS[order] as string)) orders.push(order);
  });
  return orders.sort((a, b) => a - b).map((order) => STOPS[order] as string);
}

/** The longest stop word: a word two letters longer is no slip of one. */
const LONGEST_STOP = Math.max(...STOPS.map((stop) => stop.length));

/**
 * The stop word a misspelt word stands for ("teh" → the, "whihc" → which), if it is one. A question's first word is
 * read so twice, once for its words and once for its opening (`openingAsMeant`), and a word the notes lack a third time.
 */
export const stopWordMeant: (word: string) => string | undefined = keptByWord(readAsStopWord);

function readAsStopWord(word: string): string | undefined {
  // A word of general English is meant as written ("cold" is not "could", "form" not "from"): a word the notes lack,
  // to be counted and named as such, not dropped.
  if (word.length < 3 || word.length > LONGEST_STOP + 1 || isStopWord(word) || isEnglishWord(word)) return undefined;
  const near = stopsOneEditFrom(word);
  // "teh", "hwo", "adn": three letters are taken for a three-letter stop word with two letters swapped, and its first
  // letter ("aws" is not "was"); not for a longer one with a letter dropped, which many short names are ("bot", "int",
  // "ben", "irc"). Only a question word, which opens a question in a hurry, is read so: "wht is ECR", "wat is EKS".
  if (word.length === 3) {
    for (const stop of near) if (stop.length === 3 && stop[0] === word[0] && isLikelySlip(word, stop)) return stop;
    for (const stop of near) if (stop.length === 4 && stop.startsWith('wh') && stop[0] === word[0]) return stop;
    return undefined;
  }
  // Not a stop word itself, so one edit away is all that is left of "within one edit". Two letters swapped are the
  // likeliest slip: "waht" is "what" before "want".
  let meant: string | undefined;
  for (const stop of near) {
    if (stop.length < 4 || !isLikelySlip(word, stop)) continue;
    if (isSwap(word, stop)) return stop;
    meant ??= stop;
  }
  return meant;
}

export function isNearStopWord(word: string): boolean {
  return stopWordMeant(word) !== undefined;
}
