import { fold, isStopWord, joinedStem, joinedStemOf, stem, tokenize, type Token } from './analyze.js';
import { hasAsciiLower, hasAsciiUpper, hasDigit, isAsciiLetter, isAsciiSpace, isPlainAscii } from './ascii.js';
import { readingInContext } from './context-readings.js';
import { daysIn } from './dates.js';
import { englishOneSlipFrom, englishRarity, isEnglishWord, isRarerEnglish } from './english-words.js';
import type { SearchIndex } from './index.js';
import { readsAsFollowUp } from './follow-up.js';
import { ASKING_WORD } from './answer-cues.js';
import { asksActAt, PHRASING_WORDS, shapesQuestionAt, slipsVerbAfterQuestionWord } from './phrasing.js';
import { isLikelySlip, isMechanicalSlip, isMisspeltEnglish, slipCost, sureEnglishSlip, SURE_SLIP_LENGTH, withinTwoCommonestSlips, withinTwoFingerSlips } from './slips.js';
import { isNearStopWord, stopWordMeant } from './stop-word-slips.js';
import { namesOfUnit, quantitiesIn } from './quantities.js';
import { synonymsOf } from './synonyms.js';
import { allowedEdits } from './vocabulary.js';
import { readingOf } from './word-readings.js';
import { keptByWord } from './kept-by-word.js';

/** One weighted index term the query looks for. */
export interface QueryTerm {
  stem: string;
  /** Term id in the index (see `SearchIndex.idOf`): a question looks each stem up once. */
  id: number;
  weight: number;
  /** Added by an abbreviation or synonym rather than written: it may match, but does not make its word matter more. */
  expansion?: boolean;
  /** A joined pair's question words: a chunk holding the pair as one word ("DriftAlert") holds both. */
  joins?: QueryGroup[];
  /** A word of the long form of a short form the question writes ("access" for "iam"). */
  longForm?: true;
}

/** A word of the question with the index terms that stand for it (itself, a correction, an expansion). */
export interface QueryGroup {
  word: string;
  terms: QueryTerm[];
  /** How much this word matters to the question (see `importance`). */
  importance: number;
  /** Taken from the previous question of a follow-up, not written in this one. */
  context?: boolean;
}

/**
 * A question word as the cues read it: the word of English it is a sure slip of ("tiime": time), or as written.
 * Worked out when a cue asks, not for every word: looking up a word's slips is most of the first search for it.
 */
export function wordAsMeant(group: QueryGroup | undefined): string {
  if (!group) return '';
  return sureEnglishSlip(group.word) ?? group.word;
}

export interface AnalyzedQuery {
  groups: QueryGroup[];
  /** Joined neighbours of the question, a bonus for chunks that have the phrase. */
  phrases: QueryTerm[];
}

const MAX_WORDS = 48;
/** The shortest half of a split word. */
const MIN_PART = 3;
/**
 * A word of general English that the notes never use counts half: it may be topical ("windows", which the
 * notes do not cover) or just phrasing ("support"); half keeps one such word from sinking an otherwise matched
 * question. Any other word the notes lack, but a bare number, names a tool, a product or a term of art ("ssh",
 * "milvus"): the question is about something the notes do not cover, and the word counts in full. So does the act
 * a how-to question asks for ("how do I *rotate* IAM keys"): a note that never names the act does not say how.
 */
const UNKNOWN_WORD_WEIGHT = 0.5;
const UNKNOWN_NAME_WEIGHT = 1;
/** How much commoner a word of the notes one slip away must be for a rare written word to be taken for a typo of it. */
const REAL_WORD_ODDS = 50;
/** A misspelling in the notes is a one-off: a word in more chunks than this is written so on purpose, and not looked up. */
const MAX_TYPO_CHUNKS = 5;
/** The shortest form the notes never write that is read as a slip of a word of theirs (`likelierWord`). */
const SHORT_WORD = 4;
const WEIGHT = Object.freeze({ exact: 1, oneEdit: 0.8, twoEdits: 0.6, expansion: 0.5, phrase: 0.6, context: 0.4 });

/**
 * Turns a question into weighted index terms: stems, typo corrections, joined words and abbreviations. The
 * previous question of the conversation joins, at a lower weight, only when this one reads as a follow-up.
 */
export function analyzeQuery(index: SearchIndex, question: string, previousQuestion?: string): AnalyzedQuery {
  const own = analyzeText(index, question, 1);
  if (!previousQuestion || !readsAsFollowUp(question, (stem) => index.has(stem))) return own;
  const context = analyzeText(index, previousQuestion, WEIGHT.context);
  for (const group of context.groups) group.context = true;
  const seen = new Set(own.groups.flatMap((group) => group.terms.map((term) => term.stem)));
  return {
    groups: [...own.groups, ...context.groups.filter((group) => !group.terms.some((term) => seen.has(term.stem)))],
    phrases: own.phrases,
  };
}

function analyzeText(index: SearchIndex, text: string, scale: number): AnalyzedQuery {
  const all = tokenize(text);
  const tokens = all.length > MAX_WORDS * 3 ? all.slice(0, MAX_WORDS * 3) : all;
  const groups: QueryGroup[] = [];
  const wordStems: string[] = [];
  // Each group's written word's stem, kept by group: groups are merged and dropped below.
  const stemOfGroup = new Map<QueryGroup, string>();
  const capitals = new Set<QueryGroup>();
  // The act a how-to question asks for (`asksActAt`).
  const acts = new Set<QueryGroup>();
  const cased = casedAsWritten(text);
  const groupOf = new Map<Token, QueryGroup>();
  for (const [position, token] of tokens.entries()) {
    if (token.stop || groups.length >= MAX_WORDS || shapesQuestionAt(tokens, position)) continue;
    // "waht does fcr mean": the opening the answer cues read as "what" is no word to look for ("want", "wait").
    if (position === 0 && stopWordMeant(token.surface) !== undefined) continue;
    // "what doe CM2 mean": the verb after the question word, misspelt into a word the notes lack.
    if (position === 1 && slipsVerbAfterQuestionWord(tokens, position) && index.heldTermId(token.stem) === -1) continue;
    if (wordStems.includes(token.stem)) continue;
    const terms = readingOf(index, token.surface, () => resolve(index, token));
    if (terms === undefined) continue;
    for (const term of terms) term.weight *= scale;
    const group: QueryGroup = { word: token.surface, terms, importance: 0 };
    if (asksActAt(tokens, position)) acts.add(group);
    groups.push(group);
    groupOf.set(token, group);
    wordStems.push(token.stem);
    stemOfGroup.set(group, terms.length === 0 ? meantStem(token.surface) : token.stem);
    if (cased && isCapitals(text.slice(token.offset, token.offset + token.surface.length))) capitals.add(group);
  }
  const phrases: QueryTerm[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const a = tokens[i - 1] as Token;
    const b = tokens[i] as Token;
    const held = heldJoin(index, text, a, b, groupOf, scale);
    if (held === undefined || wordStems.includes(held.joined)) continue;
    const { joined, id } = held;
    // A word the notes lack, written apart from a neighbour the notes join it to ("sev 1" for "SEV1", "data dog"),
    // is one word with it: the two are one question word, the joined one. Otherwise the joined word is a phrase.
    const left = groupOf.get(a);
    const right = groupOf.get(b);
    if (left && right && groups.includes(left) && groups.includes(right) && (left.terms.length === 0 || right.terms.length === 0)) {
      left.word = `${left.word} ${right.word}`;
      left.terms = [{ stem: joined, id, weight: WEIGHT.exact * scale }];
      groups.splice(groups.indexOf(right), 1);
      if (capitals.has(right)) capitals.add(left);
    } else {
      const joins = [left, right].filter((group): group is QueryGroup => group !== undefined);
      phrases.push({ stem: joined, id, weight: WEIGHT.phrase * scale, joins });
    }
  }
  readDaysOfYear(index, text, tokens, groups, groupOf, scale);
  readUnits(index, text, tokens, groupOf, scale);
  dropChatClauses(text, tokens, groups, groupOf);
  readInContext(index, groups, scale);
  expandAbbreviations(index, groups, scale);
  expandSynonyms(index, groups, stemOfGroup, scale);
  for (const group of groups) group.importance = importance(index, group, scale, capitals.has(group) || acts.has(group));
  return { groups, phrases };
}

/**
 * A word the notes never use, read as the one word of theirs the rest of the question points to
 * (`readingInContext`): at two slips' weight, as it is a guess.
 */
function readInContext(index: SearchIndex, groups: QueryGroup[], scale: number): void {
  for (const group of groups) {
    if (group.terms.length !== 0) continue;
    const others = groups.filter((other) => other !== group && other.terms.length > 0).map((other) => other.terms.map((term) => term.id));
    const reading = readingInContext(index, group.word, others);
    if (reading) group.terms = [{ ...reading, weight: WEIGHT.twoEdits * scale }];
  }
}

/** Two neighbouring words joined as the notes hold them: as written, or as a sure slip among them is meant. */
function heldJoin(index: SearchIndex, text: string, a: Token, b: Token, groupOf: ReadonlyMap<Token, QueryGroup>, scale: number): { joined: string; id: number } | undefined {
  const written = joinedStemOf(text, a, b);
  if (written === undefined) return undefined;
  const id = index.heldTermId(written);
  if (id !== -1) return { joined: written, id };
  if (a.stop || b.stop) return undefined;
  const left = sureStemOf(groupOf.get(a), a, scale);
  const right = sureStemOf(groupOf.get(b), b, scale);
  // Most pairs the notes do not join hold no sure slip: nothing more to look up.
  if (left === a.stem && right === b.stem) return undefined;
  const meant = joinedStem({ stem: left }, { stem: right });
  const meantId = index.heldTermId(meant);
  return meantId === -1 ? undefined : { joined: meant, id: meantId };
}

/**
 * The stem a word stands for when joined to its neighbour: a sure slip's reading ("insstances" as "instances", read
 * at a written word's weight), so that the pair a hurried question means still meets the notes' joined word
 * ("EC2Instances"); any other word as written.
 */
function sureStemOf(group: QueryGroup | undefined, token: Token, scale: number): string {
  const only = group?.terms.length === 1 ? group.terms[0] : undefined;
  return only && !only.expansion && only.weight === WEIGHT.exact * scale ? only.stem : token.stem;
}

/**
 * A day of the year ("week of 12 may", "2025-06-03") is looked for as the notes' dates write it, in words or as an
 * ISO date (`dates.ts`): its numbers stand for that day only, and its month word also holds where the day does.
 */
function readDaysOfYear(index: SearchIndex, text: string, tokens: readonly Token[], groups: QueryGroup[], groupOf: ReadonlyMap<Token, QueryGroup>, scale: number): void {
  for (const day of daysIn(text)) {
    const id = index.heldTermId(day.term);
    if (id === -1) continue;
    const term: QueryTerm = { stem: day.term, id, weight: WEIGHT.exact * scale };
    let dated: QueryGroup | undefined;
    for (const token of tokens) {
      const group = groupOf.get(token);
      if (!group || token.offset < day.start || token.offset >= day.end || !groups.includes(group)) continue;
      // An ISO date's year stays a word of its own ("2025"): it names the year as well.
      if (/^\d{4}$/.test(token.surface)) continue;
      if (!hasDigit(token.surface)) {
        if (!group.terms.some((own) => own.id === id)) group.terms.push({ ...term, expansion: true });
      } else if (dated) groups.splice(groups.indexOf(group), 1);
      else {
        dated = group;
        group.word = text.slice(day.start, day.end);
        group.terms = [term];
      }
    }
  }
}

/**
 * The unit of a quantity ("90 min", "2 hrs", "half a terabyte") is looked for by every name of the unit the notes
 * write ("min" by the notes' "60 minutes"), never as a typo of another word ("min" is not "main"). Where the notes
 * write no name of it, it is a word they lack.
 */
function readUnits(index: SearchIndex, text: string, tokens: readonly Token[], groupOf: ReadonlyMap<Token, QueryGroup>, scale: number): void {
  for (const quantity of quantitiesIn(text)) {
    for (const token of tokens) {
      const group = groupOf.get(token);
      if (!group || token.offset < quantity.start || token.offset >= quantity.end) continue;
      const names = namesOfUnit(token.surface);
      if (!names) continue;
      const terms: QueryTerm[] = [];
      for (const name of [token.surface, ...names]) {
        const stemmed = stem(name);
        const id = index.heldTermId(stemmed);
        if (id !== -1 && !hasStem(terms, stemmed)) terms.push({ stem: stemmed, id, weight: WEIGHT.exact * scale });
      }
      group.terms = terms;
    }
  }
}

/**
 * How much a word matters: the square root of the IDF of its rarest written form or correction. The root
 * keeps one rare word ("mode" in "ecs ec2 mode: do we manage the os") from outweighing several common ones
 * the answer has: in small notes, a word used once has many times the IDF of the notes' main topic.
 * An abbreviation's expansion ("ha" for "highly available") counts only for a word with nothing else, so
 * a rare short form cannot make its word outweigh the rest of the question. A word the notes lack counts in full
 * where it names something, by its letters or as written (`named`: in capitals, or the act a how-to asks for).
 */
function importance(index: SearchIndex, group: QueryGroup, scale: number, named: boolean): number {
  if (group.terms.length === 0) return Math.sqrt(index.idf('')) * (named || namesSomething(group.word) ? UNKNOWN_NAME_WEIGHT : UNKNOWN_WORD_WEIGHT) * scale;
  let expansionsOnly = true;
  for (const term of group.terms) if (!term.expansion) expansionsOnly = false;
  let most = -Infinity;
  for (const term of group.terms) {
    if (term.expansion && !expansionsOnly) continue;
    most = Math.max(most, Math.sqrt(index.idfOfTerm(term.id)) * term.weight);
  }
  return most;
}

/**
 * Whether the question's letters say something by their case: some are lower case, so that a word in capitals was
 * written so on purpose, and folding kept the offsets of the words.
 */
function casedAsWritten(text: string): boolean {
  if (isPlainAscii(text)) return hasAsciiLower(text);
  return /\p{Ll}/u.test(text) && fold(text).length === text.length;
}

/** "ALB", "IAM", "TLS": an acronym names something, even where it spells a word of general English ("alb"). */
function isCapitals(written: string): boolean {
  if (written.length < 2) return false;
  return isPlainAscii(written) ? hasAsciiUpper(written) && !hasAsciiLower(written) : /\p{Lu}/u.test(written) && !/\p{Ll}/u.test(written);
}

/**
 * A word that is not general English, nor general English misspelt ("treshold"), nor a bare number ("2", "443"):
 * "ssh", "s3", "milvus".
 */
export function namesSomething(word: string): boolean {
  return /\p{L}/u.test(word) && !isEnglishWord(word) && !isMisspeltEnglish(word);
}

/** The longest word the speller reads: beyond the longest words of English (about 30 letters) and of most notes. */
const MAX_SPELLED_LENGTH = 40;

/** Index terms for one word; an empty list for a word the notes lack; undefined for a word to skip (a misspelt stop word, phrasing). */
function resolve(index: SearchIndex, token: Token): QueryTerm[] | undefined {
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
    const shorter = shorterStem(index, token.stem);
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

/** Whether a word is a likely slip of a word of general English ("qucik"): in a hurry, chat is typed too. */
function isEnglishSlip(word: string): boolean {
  if (word.length < 4) return false;
  for (const english of englishOneSlipFrom(word)) if (isLikelySlip(word, english)) return true;
  return false;
}

/**
 * The stem of the word a typo the notes know nothing of most likely stands for, for its synonyms: "coxt" is "cost",
 * which the notes may say as "pay". The commonest English word one slip away; the typo's own stem if none is.
 */
const meantStem: (typed: string) => string = keptByWord((typed) => {
  if (typed.length < 4 || isEnglishWord(typed)) return stem(typed);
  let meant: string | undefined;
  let lowest = Infinity;
  for (const word of englishOneSlipFrom(typed)) {
    if (!isLikelySlip(typed, word)) continue;
    const cost = englishRarity(word) + slipCost(typed, word);
    if (cost < lowest) {
      meant = word;
      lowest = cost;
    }
  }
  return stem(meant ?? typed);
});

/** A stem the notes have, with its term id. */
type KnownTerm = Pick<QueryTerm, 'stem' | 'id'>;

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

/**
 * The question with its first word read as the stop word it misspells, if it does, and each word read as the word
 * of English it is a sure slip of (`sureEnglishSlip`): "Whatt is Local PV ZFS?" asks
 * what something is, "Cann I …" yes or no, as their clean twins do. For the answer cues, which read the opening.
 */
export function openingAsMeant(question: string): string {
  if (!isPlainAscii(question)) return openingAsMeantInUnicode(question);
  // Plain ASCII, the common case, read without the regular expressions of any script's letters.
  let start = 0;
  while (start < question.length && isAsciiSpace(question.charCodeAt(start))) start++;
  let end = start;
  while (end < question.length && isAsciiLetter(question.charCodeAt(end))) end++;
  const meant = end > start ? stopWordMeant(question.slice(start, end).toLowerCase()) : undefined;
  const opened = meant ? meant + question.slice(end) : question;
  // And each word a sure slip of another: "what tiime is the handover" asks for a time of day.
  let read = '';
  let from = 0;
  for (let at = 0; at < opened.length; ) {
    if (!isAsciiLetter(opened.charCodeAt(at))) {
      at++;
      continue;
    }
    let after = at + 1;
    while (after < opened.length && isAsciiLetter(opened.charCodeAt(after))) after++;
    const slip = after - at >= SURE_SLIP_LENGTH ? sureEnglishSlip(opened.slice(at, after).toLowerCase()) : undefined;
    if (slip !== undefined) {
      read += opened.slice(from, at) + slip;
      from = after;
    }
    at = after;
  }
  return from === 0 ? opened : read + opened.slice(from);
}

function openingAsMeantInUnicode(question: string): string {
  const first = /^\s*(\p{L}+)/u.exec(question);
  const meant = first?.[1] && stopWordMeant(first[1].toLowerCase());
  const opened = meant && first ? meant + question.slice(first[0].length) : question;
  return opened.replace(/\p{L}{5,}/gu, (word) => sureEnglishSlip(word.toLowerCase()) ?? word);
}

/**
 * "benefits" also looks for "advantage", at the weight of an expansion: synonyms of the stem of the group's word
 * (`stemOfGroup`), then of each of its own terms, each stem once.
 */
function expandSynonyms(index: SearchIndex, groups: QueryGroup[], stemOfGroup: ReadonlyMap<QueryGroup, string>, scale: number): void {
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
function expandAbbreviations(index: SearchIndex, groups: QueryGroup[], scale: number): void {
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
  for (const first of stems) {
    for (const { short, long } of index.contractionsFrom(first)) {
      if (!allIn(long, stems) || stems.includes(short)) continue;
      const id = index.heldTermId(short);
      if (id === -1) continue;
      const owner = groups.find((group) => hasStem(group.terms, first));
      owner?.terms.push({ stem: short, id, weight: WEIGHT.expansion * scale, expansion: true });
    }
  }
}

/**
 * The place of a term in a list, by id, -1 when absent. A loop, not `findIndex` with a callback: a question runs
 * these few checks once, when the code for them is no longer in the processor's caches, and each builtin called is
 * more code to fetch.
 */
export function slotOfTerm(terms: readonly { readonly id: number }[], id: number): number {
  for (let i = 0; i < terms.length; i++) if ((terms[i] as { id: number }).id === id) return i;
  return -1;
}

/** Whether a list of terms holds a stem, with a plain loop (see `slotOfTerm`). */
function hasStem(terms: readonly QueryTerm[], stem: string): boolean {
  for (let i = 0; i < terms.length; i++) if ((terms[i] as QueryTerm).stem === stem) return true;
  return false;
}

function allIn(words: readonly string[], among: readonly string[]): boolean {
  for (const word of words) if (!among.includes(word)) return false;
  return true;
}

/** Where a question's clauses part: a comma, semicolon, colon or sentence end, or a dash standing between spaces. */
const CLAUSE_BREAK = /[,;:.!?]\s|\s[-–—]\s/g;

/**
 * Drops the words of a clause that holds no word the notes use, only words of general English, and no word that asks
 * ("sorry for the dumb question, but what's the tag format?"): chat around the question, not its topic. Where every
 * clause is of that kind, nothing is dropped.
 */
function dropChatClauses(text: string, tokens: readonly Token[], groups: QueryGroup[], groupOf: ReadonlyMap<Token, QueryGroup>): void {
  // One clause is the question's own.
  if (text.search(CLAUSE_BREAK) === -1) return;
  const breaks = [...text.matchAll(CLAUSE_BREAK)].map((match) => match.index);
  const clauses = new Map<number, QueryGroup[]>();
  const asking = new Set<number>();
  // Tokens come in the order written: each clause starts where the one before ended.
  let clause = 0;
  for (const token of tokens) {
    while (clause < breaks.length && (breaks[clause] ?? 0) < token.offset) clause++;
    // A word that asks: its clause is the question's own, whatever the notes know of its words.
    if (ASKING_WORD.test(token.surface)) asking.add(clause);
    const group = groupOf.get(token);
    if (!group || !groups.includes(group)) continue;
    const own = clauses.get(clause);
    if (own) own.push(group);
    else clauses.set(clause, [group]);
  }
  const chat = [...clauses].filter(([clause, own]) => !asking.has(clause) && own.every((group) => group.terms.length === 0 && (isEnglishWord(group.word) || isEnglishSlip(group.word)))).map(([, own]) => own);
  if (chat.length === 0 || chat.length === clauses.size) return;
  for (const own of chat) for (const group of own) groups.splice(groups.indexOf(group), 1);
}
