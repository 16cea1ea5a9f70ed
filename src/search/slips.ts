/**
 * How people mistype, for the speller: which edits a word may take, and which of several known words a typo
 * most likely stands for (a noisy channel: how common the word is, and how easy the slip).
 */

import { englishOneSlipFrom, englishSlipsOfFingersFrom, isEnglishWord } from './english-words.js';
import { keptByWord } from './kept-by-word.js';

const KEY_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
/** Row and column of each letter on a QWERTY keyboard, by letter. */
const KEYS = new Map<string, [number, number]>(KEY_ROWS.flatMap((row, r) => [...row].map((key, c) => [key, [r, c]] as [string, [number, number]])));

/** Whether two letters sit side by side on a QWERTY keyboard, on one row or on neighbouring rows (rows are staggered). */
export function keysAdjacent(a: string, b: string): boolean {
  const p = KEYS.get(a);
  const q = KEYS.get(b);
  if (!p || !q) return false;
  const rows = q[0] - p[0];
  const columns = q[1] - p[1];
  if (rows === 0) return Math.abs(columns) === 1;
  // A key touches the two keys above it at its own column and one to the right, and the two below at its own and one to the left.
  return (rows === -1 && (columns === 0 || columns === 1)) || (rows === 1 && (columns === 0 || columns === -1));
}

const SHORT_WORD = 4;

/**
 * Whether `typed` may be a slip for `word`, a few edits away. A short word is taken for a dropped, doubled or
 * swapped letter ("crts", "teh"), and a four-letter one also for a key's neighbour struck instead ("rste" for
 * "rate"), not for any other changed letter: "talk" is a word of its own, not a slip for "task". Three letters
 * leave too many words one neighbouring key apart ("pid", "pod") to guess between.
 */
export function isLikelySlip(typed: string, word: string): boolean {
  if (typed.length > SHORT_WORD || typed.length !== word.length) return true;
  if (isSwap(typed, word)) return true;
  const at = firstDifference(typed, word);
  return typed.length === SHORT_WORD && keysAdjacent(typed[at] ?? '', word[at] ?? '') && typed.slice(at + 1) === word.slice(at + 1);
}

/** Whether `typed` is `word` with two neighbouring letters swapped ("teh", "waht"), the commonest slip of all. */
export function isSwap(typed: string, word: string): boolean {
  if (typed.length !== word.length) return false;
  const at = firstDifference(typed, word);
  return at < typed.length - 1 && typed[at] === word[at + 1] && typed[at + 1] === word[at] && typed.slice(at + 2) === word.slice(at + 2);
}

/**
 * Whether `typed` is `word` with a slip of the fingers rather than of the mind: two neighbouring letters swapped
 * ("chekcout") or one letter struck twice ("livve").
 */
export function isMechanicalSlip(typed: string, word: string): boolean {
  if (isSwap(typed, word)) return true;
  if (typed.length !== word.length + 1) return false;
  const at = firstDifference(typed, word);
  return at > 0 && typed[at] === typed[at - 1] && typed.slice(at + 1) === word.slice(at);
}

/**
 * Shorter words are one slip from too many others to tell a slip from a name: of 69 tool names of six letters, one
 * is such a slip of an English word (`polars`); of 41 of five letters, seven are (`falco`, `scala`, `minio`, …).
 */
const MIN_MISSPELT = 6;

/**
 * Whether a lower-cased word that is not general English is general English with one of the commonest slips of
 * typing in it: a letter dropped ("treshold", "deadlin"), two letters swapped ("requried"), a letter doubled
 * ("scalling"). A letter changed or added is not counted: names are often a word with one ("postgres" beside
 * "postures", "containerd" beside "container").
 */
export function isMisspeltEnglish(word: string): boolean {
  if (word.length < MIN_MISSPELT) return false;
  for (const english of englishOneSlipFrom(word)) if (english.length === word.length + 1 || isMechanicalSlip(word, english)) return true;
  return false;
}

/** The shortest word whose one mechanical slip is read as sure: shorter ones are one slip from too many words. */
export const SURE_SLIP_LENGTH = 5;

/**
 * The word of general English that `typed`, no English itself, surely stands for: the only one it is a mechanical
 * slip of ("tiime" → time, "verison" → version). For the cues that read a question's wording ("what time …", "how
 * long …"), which a typo in their word would otherwise silence.
 */
export const sureEnglishSlip: (typed: string) => string | undefined = keptByWord((typed) => {
  if (typed.length < SURE_SLIP_LENGTH || isEnglishWord(typed)) return undefined;
  const meant = englishSlipsOfFingersFrom(typed);
  return meant.length === 1 ? meant[0] : undefined;
});

/**
 * Whether `typed` is within two slips of the fingers of `word`: letters dropped, added, doubled or swapped with a
 * neighbour, or struck on a neighbouring key; not a letter changed for one far from it on the keyboard, a slip of the
 * mind ("rollup" is not "rollout", "dialer" not "dialog").
 */
export function withinTwoFingerSlips(typed: string, word: string): boolean {
  return slipsApart(typed, word, (a, b) => (keysAdjacent(a, b) ? 1 : FAR_SLIP), () => 1) <= 2;
}

/**
 * Whether `typed` is within two of the commonest slips of typing of `word`: a letter dropped, a letter struck twice, or
 * two neighbouring letters swapped ("csutmer" for "customer", "staagng" for "staging"); no letter changed or added,
 * which turn one word of English into another far more often ("vitess" is not "votes").
 */
export function withinTwoCommonestSlips(typed: string, word: string): boolean {
  return slipsApart(typed, word, () => FAR_SLIP, (at) => (at > 0 && typed[at] === typed[at - 1] ? 1 : FAR_SLIP)) <= 2;
}

/** What a slip that is not one of those counted costs: more than two slips, so one rules a word out. */
const FAR_SLIP = 3;

/**
 * Optimal string alignment of `typed` against `word`: a letter dropped or two swapped cost 1, a letter changed
 * `changed(typed letter, word letter)`, a letter of `typed` added `added(its index in typed)`.
 */
function slipsApart(typed: string, word: string, changed: (a: string, b: string) => number, added: (at: number) => number): number {
  const rows = typed.length + 1;
  const columns = word.length + 1;
  const cost = new Array<number>(rows * columns);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      if (i === 0) {
        cost[j] = j;
        continue;
      }
      const plus = (cost[(i - 1) * columns + j] ?? 0) + added(i - 1);
      if (j === 0) {
        cost[i * columns] = plus;
        continue;
      }
      const a = typed[i - 1] ?? '';
      const b = word[j - 1] ?? '';
      let best = Math.min(plus, (cost[i * columns + j - 1] ?? 0) + 1, (cost[(i - 1) * columns + j - 1] ?? 0) + (a === b ? 0 : changed(a, b)));
      if (i > 1 && j > 1 && a === word[j - 2] && typed[i - 2] === b) best = Math.min(best, (cost[(i - 2) * columns + j - 2] ?? 0) + 1);
      cost[i * columns + j] = best;
    }
  }
  return cost[rows * columns - 1] ?? Infinity;
}

/**
 * What an edit from `word` to `typed` costs, in the units of IDF (natural log of odds), beside how rare `word`
 * is: nothing for a dropped, added or swapped letter or a neighbouring key, and a factor of ten for any other
 * changed letter, which is a slip of the mind rather than of the finger.
 */
export function slipCost(typed: string, word: string): number {
  if (typed.length !== word.length) return 0;
  const at = firstDifference(typed, word);
  if (typed.slice(at + 1) !== word.slice(at + 1)) return 0;
  return keysAdjacent(typed[at] ?? '', word[at] ?? '') ? 0 : FAR_KEY_COST;
}

const FAR_KEY_COST = Math.log(10);

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}
