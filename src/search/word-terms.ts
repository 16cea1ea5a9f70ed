import { isStopWord, joinedStem, stem, type Token } from './analyze.js';
import { hasDigit } from './ascii.js';
import { englishOneSlipFrom, isEnglishWord, isRarerEnglish } from './english-words.js';
import type { SearchIndex } from './index.js';
import { PHRASING_WORDS } from './phrasing.js';
import { isLikelySlip, isMechanicalSlip, slipCost, withinTwoCommonestSlips, withinTwoFingerSlips } from './slips.js';
import { isNearStopWord, stopWordMeant } from './stop-word-slips.js';
import { allowedEdits } from './vocabulary.js';
import { hasStem, WEIGHT, type KnownTerm, type QueryTerm } from './query-terms.js';

/**
 * How the speller reads one written question word: as the notes write it, as a slip of a word of theirs, split in
 * two, cut short, or not at all (a word the notes lack, or one to leave out).
 */

/** The shortest half of a split word. */
const MIN_PART = 3;
/** How much commoner a word of the notes one slip away must be for a rare written word to be taken for a typo of it. */
const REAL_WORD_ODDS = 50;
/** A misspelling in the notes is a one-off: a word in more chunks than this is written so on purpose, and not looked up. */
const MAX_TYPO_CHUNKS = 5;
/** The shortest form the notes never write that is read as a slip of a word of theirs (`likelierWord`). */
const SHORT_WORD = 4;

/** The longest word the speller reads: beyond the longest words of English (about 30 letters) and of most notes. */
const MAX_SPELLED_LENGTH = 40;

/** Index terms for one word; an empty list for a word the notes lack; undefined for a word to skip (a misspelt stop word, phrasing). */
export function termsOfWord(index: SearchIndex, token: Token): QueryTerm[] | undefined {
  const id = index.heldTermId(token.stem);
  if (id !== -1) {
    const likelier = likelierWord(index, token, id);
    const exact: QueryTerm = { stem: token.stem, id, weight: WEIGHT.exact };
    // A form the notes never write, two letters of a word of theirs swapped or one struck twice ("noed" for node),
    // with no other reading: the slip is the word meant, as sure as if written, and the stemmer's ("no" + "ed") the
    // chance.
    if (likelier?.sure) {
      return [{ stem: likelier.stem, id: likelier.id, weight: WEIGHT.exact }, { ...exact, weight: WEIGHT.oneEdit }];
    }
    if (likelier) return [exact, { stem: likelier.stem, id: likelier.id, weight: WEIGHT.oneEdit }];
    if (!knownOnlyAsPlural(index, token)) return [exact];
    return [exact, ...corrections(index, token.surface).filter((term) => term.id !== id)];
  }
  if (PHRASING_WORDS.has(token.surface)) return undefined;
  // No word is this long: a key, a hash or a run of one letter. Undoing slips or splitting it costs time by the
  // square of its length, and could only find chance matches.
  if (token.surface.length > MAX_SPELLED_LENGTH) return [];
  // A word of general English is meant as written far likelier than it is two slips from another ("scanning" is
  // not "scaling"), or one slip from another English word at least as common ("how long" is not "log"): only one
  // slip is undone, into a word that is no English (a name, a term of the notes) or a commoner English word ("toke"
  // for "token").
  const english = isEnglishWord(token.surface);
  const edits = hasDigit(token.surface) ? 0 : Math.min(allowedEdits(token.surface), english ? 1 : 2);
  const nearest = edits > 0 ? index.vocabulary.nearest(token.surface, edits) : [];
  if (nearest.length === 0 && edits === 1 && !english && token.surface.length >= TWO_SLIPS_FROM) nearest.push(...twoSlipsFrom(index, token.surface));
  const kept = nearest.filter((candidate) => !addsFirstLetter(token.surface, candidate.word));
  const close = likeliestFirst(index, token.surface, english ? kept.filter((candidate) => !isEnglishWord(candidate.word) || isRarerEnglish(token.surface, candidate.word)) : kept);
  const best = close[0]?.distance;
  // A one-letter slip is likelier than a stemmer quirk: "writetn" is "written", not "write".
  if (best !== 1) {
    const shorter = shorterStem(index, token.stem) ?? agentNounOf(index, token.stem, token.surface);
    if (shorter) return [{ ...shorter, weight: WEIGHT.oneEdit }];
    const inflected = english ? undefined : englishSlipOf(index, token.surface);
    if (inflected) return [{ ...inflected, weight: WEIGHT.oneEdit }];
  }
  if (edits === 0) return [];
  if (best === undefined) {
    if (isNearStopWord(token.surface) || isSlipOfPhrasing(token.surface)) return undefined;
    const joined = splitIntoKnown(index, token.surface) ?? withoutRe(index, token.surface) ?? shortFor(index, token.surface);
    return joined ? [{ ...joined, weight: WEIGHT.oneEdit }] : [];
  }
  if (best > 1 && isNearStopWord(token.surface)) return undefined;
  // "neds" is "needs" before "ends": a stop word is far commoner than any word of the notes, and a hurried hand keeps
  // a word's first letter. Where a word of the notes one slip away keeps it too, the notes' word is read.
  if (best === 1 && !english && isStopSlipBeforeNotes(token.surface, close)) return undefined;
  const terms = closestTerms(index, close);
  // Two letters swapped or one doubled, with no other reading: the word meant, as sure as if written.
  const only = terms.length === 1 ? terms[0] : undefined;
  if (only && best === 1 && token.surface.length >= SURE_READING_LENGTH && isMechanicalSlip(token.surface, close[0]?.word ?? '')) only.weight = WEIGHT.exact;
  // Two of the commonest slips (letters dropped, doubled or swapped: "hadnovre", "kuberrntes") with no other reading
  // are as likely as one slip of any kind, and weigh as one.
  if (only && best === 2 && withinTwoCommonestSlips(token.surface, close[0]?.word ?? '')) only.weight = WEIGHT.oneEdit;
  return terms;
}

/** Whether a word is one slip from a stop word with its first letter, and from no word of the notes with it. */
function isStopSlipBeforeNotes(typed: string, close: readonly { word: string; distance: number }[]): boolean {
  for (const candidate of close) if (candidate.distance === 1 && candidate.word[0] === typed[0]) return false;
  return stopWordMeant(typed)?.[0] === typed[0];
}

/**
 * The shortest word a mechanical slip of which, with no other reading among the notes' words, weighs as the word
 * written ("otka" for "okta", "moev" for "move"). Shorter than English's sure slips (`SURE_SLIP_LENGTH`): the notes'
 * words are far fewer than English's, and a word with two or more readings is not read so.
 */
const SURE_READING_LENGTH = 4;

/** The shortest word the speller looks two edits from for a word of the notes (`twoSlipsFrom`). */
const TWO_SLIPS_FROM = 6;

/**
 * The word of the notes two slips from a word of six or seven letters that is nothing one slip from ("fargtd" for
 * "fargate", "csutmer" for "customer"), where only one is that close (`isDoubleSlipOf`). Otherwise a name the notes
 * lack ("vitess") would be read as a word of theirs two slips away by chance ("votes"), and the asker answered about
 * it instead of told that no note names theirs.
 */
function twoSlipsFrom(index: SearchIndex, word: string): { word: string; distance: number }[] {
  // Only called where no word is one edit away.
  const near = index.vocabulary.twoEditsFrom(word).filter((candidate) => candidate.distance === 2 && isDoubleSlipOf(word, candidate.word));
  return near.length === 1 ? near : [];
}

/**
 * Whether `typed` may be two slips from `known`, a word of the notes: the same first letter; no two letters more than
 * it, as another name built on it has ("apisix" on "apis", "devops" beside "deps"). Into a name, both slips of the
 * fingers ("fargtd" for "fargate"), not a letter changed for a far one ("rollup", "rollout"). Into a word of English,
 * which lie far closer together, both of the commonest slips, a letter dropped, doubled or swapped with its
 * neighbour ("cuutsom" for "custom"), no letter changed or added: "vitess" is not "votes".
 */
function isDoubleSlipOf(typed: string, known: string): boolean {
  if (known[0] !== typed[0] || typed.length > known.length + 1) return false;
  return isEnglishWord(known) ? withinTwoCommonestSlips(typed, known) : withinTwoFingerSlips(typed, known);
}

/**
 * Whether a candidate is a three-letter word with a letter put in front: a short word the notes lack is far likelier
 * a short form ("ack", "eta", "arn") than "back", "beta" or "barn" with its first letter dropped.
 */
function addsFirstLetter(written: string, candidate: string): boolean {
  return written.length === 3 && candidate.length === 4 && candidate.endsWith(written);
}

/** Index terms for the nearest of `close` (all at the smallest distance, up to three, likeliest first). */
function closestTerms(index: SearchIndex, close: readonly { word: string; distance: number }[]): QueryTerm[] {
  const best = close[0]?.distance;
  const terms: QueryTerm[] = [];
  const weight = best === 1 ? WEIGHT.oneEdit : WEIGHT.twoEdits;
  for (const candidate of close) {
    if (candidate.distance !== best || terms.length >= 3) break;
    const stem = index.stemOf(candidate.word);
    if (!stem || hasStem(terms, stem)) continue;
    const id = index.heldTermId(stem);
    if (id !== -1) terms.push({ stem, id, weight });
  }
  return terms;
}

/**
 * A three-letter word known through a stem of two letters that the notes never write as such, or write seldom:
 * "ips" by the notes' "IP", but also the typos "los" (logs) and "fas" (fast) by a stray "lo" or "fa". Two letters
 * are too few to tell, so the word is looked for as a typo too.
 */
function knownOnlyAsPlural(index: SearchIndex, token: Token): boolean {
  if (token.surface.length !== 3 || token.stem.length !== 2 || hasDigit(token.surface)) return false;
  // Counted in notes as written: the stem's chunks count the two-letter word's too.
  return index.notesUsing(token.surface) <= MAX_TYPO_CHUNKS;
}

/** The speller's corrections of a word, as for a word the notes lack. */
function corrections(index: SearchIndex, word: string): QueryTerm[] {
  return closestTerms(index, likeliestFirst(index, word, index.vocabulary.nearest(word, allowedEdits(word))));
}

/**
 * A word the notes write as two ("daemonsets" for "Deamon sets"): split it where both halves are words of
 * the notes (allowing a typo in each) and the notes have that pair side by side.
 */
function splitIntoKnown(index: SearchIndex, word: string): KnownTerm | undefined {
  for (let cut = MIN_PART; cut <= word.length - MIN_PART; cut++) {
    const left = knownPart(index, word.slice(0, cut));
    if (!left) continue;
    const right = knownPart(index, word.slice(cut));
    if (!right) continue;
    const stem = joinedStem({ stem: left }, { stem: right });
    const id = index.heldTermId(stem);
    if (id !== -1) return { stem, id };
  }
  return undefined;
}

/**
 * A word the notes lack that is a word they use with "re" before it ("restart" for "Start ECS agent",
 * "redeploy", "reinstall"): the prefix repeats the act, so the act is what to look for.
 */
function withoutRe(index: SearchIndex, word: string): KnownTerm | undefined {
  if (!word.startsWith('re') || word.length < 6) return undefined;
  const base = stem(word.slice(2));
  const id = index.heldTermId(base);
  return id === -1 ? undefined : { stem: base, id };
}

/**
 * A name the notes write longer, cut short as names often are in a hurry ("mongo" for MongoDB, "postgres" for
 * PostgreSQL): a word the notes lack, of four letters or more and no word of general English, that begins a word
 * of theirs up to three letters longer; the commonest such word.
 */
function shortFor(index: SearchIndex, word: string): KnownTerm | undefined {
  if (word.length < 4 || isEnglishWord(word)) return undefined;
  let found: KnownTerm | undefined;
  let lowest = Infinity;
  for (const longer of index.vocabulary.extending(word, 3)) {
    const known = index.stemOf(longer);
    const id = known === undefined ? -1 : index.heldTermId(known);
    if (known === undefined || id === -1) continue;
    const idf = index.idfOfTerm(id);
    if (idf >= lowest) continue;
    found = { stem: known, id };
    lowest = idf;
  }
  return found;
}

function knownPart(index: SearchIndex, part: string): string | undefined {
  const own = stem(part);
  if (index.has(own)) return own;
  const near = index.vocabulary.nearest(part, allowedEdits(part) > 0 ? 1 : 0)[0];
  return near ? index.stemOf(near.word) : undefined;
}

/**
 * The stemmer cuts related words to different lengths ("autoscale" → autoscal, "autoscaling" → autosc):
 * an unknown stem whose slightly shorter prefix is a known stem is taken for it.
 */
function shorterStem(index: SearchIndex, stem: string): KnownTerm | undefined {
  for (let length = stem.length - 1; length >= Math.max(5, stem.length - 3); length--) {
    const prefix = stem.slice(0, length);
    const id = index.heldTermId(prefix);
    if (id !== -1) return { stem: prefix, id };
  }
  return undefined;
}

/** A verb's past or present participle, as written: "attended", "assigning". */
const VERB_FORM = /(?:ed|ing)$/;

/**
 * The agent noun of a verb the notes never use, where they use the noun: "who owns billing" where a table's column
 * is "Owner", or "who leads search" where a line says "Leader: Ana". Porter cuts "-er" only from longer stems
 * ("maintainer" is "maintain", "owner" stays "owner"), so the two never meet otherwise. The noun is the stem and
 * "er" ("builder"), "r" after an "e" ("writer"), or "er" after a doubled last letter ("runner"); or, for a verb
 * written as one ("attended", "assigned"), the "-ee" of whom the act concerns, which Porter leaves as the stem and
 * "e" ("Attendees:", "Assignee"). Not for any word: "mutative" would be "mute".
 */
function agentNounOf(index: SearchIndex, stem: string, written: string): KnownTerm | undefined {
  if (stem.length < 3) return undefined;
  const last = stem.at(-1) ?? '';
  const nouns = last === 'e' ? [`${stem}r`] : [`${stem}er`, `${stem}${last}er`, ...(VERB_FORM.test(written) ? [`${stem}e`] : [])];
  for (const noun of nouns) {
    const id = index.heldTermId(noun);
    if (id !== -1) return { stem: noun, id };
  }
  return undefined;
}

/**
 * A slip of an English word that the notes use in another form ("tyeps" for "types", where the notes say "type"):
 * the speller reads the notes' words as written, so a typo of an inflection they never write finds nothing. The
 * word is taken for the likeliest English word one slip away whose stem the notes hold.
 */
function englishSlipOf(index: SearchIndex, typed: string): KnownTerm | undefined {
  if (typed.length < 3) return undefined;
  let found: KnownTerm | undefined;
  let lowest = Infinity;
  for (const word of englishOneSlipFrom(typed)) {
    // A slip of a stop word ("doees", "kjow") is left out as the stop word is (`stopWordMeant`), not read as this.
    if (isStopWord(word) || !isLikelySlip(typed, word)) continue;
    // Three letters are read only as four with a letter dropped after the first ("mea" for "mean", "tur" for "turn").
    if (typed.length === 3 && (word.length !== 4 || word[0] !== typed[0])) continue;
    const known = stem(word);
    const id = index.heldTermId(known);
    if (id === -1 || !writtenInNotes(index, known)) continue;
    const cost = index.idfOfTerm(id) + slipCost(typed, word);
    if (cost >= lowest) continue;
    found = { stem: known, id };
    lowest = cost;
  }
  return found;
}

/** How many letters past its stem a word may run: "availability" is "avail" and seven more. */
const WORD_PAST_STEM = 12;

/**
 * Whether the notes' text writes a word with this stem, as the speller's vocabulary has it: a stem held only by a web
 * address ("watch" of a YouTube link) is found as written but is no word a typo stands for. Porter's stems can end
 * in "i" where the word has "y", so the words looked at begin with all of the stem but its last letter.
 */
function writtenInNotes(index: SearchIndex, known: string): boolean {
  for (const word of index.vocabulary.extending(known.slice(0, -1), WORD_PAST_STEM)) if (index.stemOf(word) === known) return true;
  return false;
}

/**
 * The known words a typo may stand for, likeliest first: at the fewest edits, then the commonest in the notes
 * (lowest IDF) once the slip's own cost is added ("toke" is "token" sooner than "tok").
 */
function likeliestFirst(index: SearchIndex, typed: string, nearest: readonly { word: string; distance: number }[]): { word: string; distance: number }[] {
  const ranked: { word: string; distance: number; cost: number }[] = [];
  for (const { word, distance } of nearest) {
    if (!isLikelySlip(typed, word)) continue;
    const stem = index.stemOf(word);
    ranked.push({ word, distance, cost: (stem === undefined ? Number.MAX_VALUE : index.idf(stem)) + slipCost(typed, word) });
  }
  return ranked.sort((a, b) => a.distance - b.distance || a.cost - b.cost);
}

/**
 * A typo can be a word of the notes too: large notes hold their own misspellings ("clsuter") and rare words one
 * slip from a common one ("shade", "cos"). When the word as written is in at most `MAX_TYPO_CHUNKS` chunks and a
 * known word one slip away, with the same first letter (people seldom get it wrong, and words that differ there
 * differ on purpose: "klog", "log"), is at least `REAL_WORD_ODDS` times as common, that word is looked for too, as a
 * correction; the word as written keeps its weight. A form the notes never write, known only by a stem it shares
 * with a word of theirs, is read so whatever the odds.
 */
function likelierWord(index: SearchIndex, token: Token, id: number): (KnownTerm & { sure: boolean }) | undefined {
  const typed = token.surface;
  if (allowedEdits(typed) === 0 || hasDigit(typed)) return undefined;
  // Known by its stem only, a form the notes never write and no English ("noed", stemmed as "no" + "ed"): the
  // stemmer's reading is a chance, and any likely slip of a word of theirs is likelier.
  const unwritten = typed.length >= SHORT_WORD && !index.vocabulary.has(typed) && !isEnglishWord(typed);
  if (!unwritten && index.chunksWithTerm(id) > MAX_TYPO_CHUNKS) return undefined;
  const odds = unwritten ? Infinity : index.idfOfTerm(id) - Math.log(REAL_WORD_ODDS);
  if (odds <= 0) return undefined;
  let likeliest: KnownTerm | undefined;
  let meant = '';
  let lowest = odds;
  let readings = 0;
  for (const { word } of index.vocabulary.nearest(typed, 1)) {
    if (word[0] !== typed[0] || !isLikelySlip(typed, word)) continue;
    const stem = index.stemOf(word);
    const termId = stem === undefined || stem === token.stem ? -1 : index.heldTermId(stem);
    if (termId === -1) continue;
    readings++;
    const idf = index.idfOfTerm(termId);
    if (idf <= lowest) {
      likeliest = { stem: stem as string, id: termId };
      meant = word;
      lowest = idf;
    }
  }
  // Sure: a form never written, its one reading two letters swapped or one struck twice (`isMechanicalSlip`).
  return likeliest && { ...likeliest, sure: unwritten && readings === 1 && isMechanicalSlip(typed, meant) };
}

/**
 * A word the notes lack that is a likely slip of a phrasing word ("usuallly", "acutally"), which is left out as the
 * word meant would be, rather than counted against the answer as a name.
 */
function isSlipOfPhrasing(word: string): boolean {
  if (word.length < 5 || isEnglishWord(word)) return false;
  for (const english of englishOneSlipFrom(word)) if (PHRASING_WORDS.has(english) && isLikelySlip(word, english)) return true;
  return false;
}
