import { fold, isParticle, joinedStem, joinedStemOf, stem, type Token, tokenize } from './analyze.js';
import { hasAsciiLower, hasAsciiUpper, hasDigit, isPlainAscii } from './ascii.js';
import { dropChatClauses } from './chat-clauses.js';
import { readingInContext } from './context-readings.js';
import { daysIn } from './dates.js';
import { englishOneSlipFrom, englishRarity, isEnglishWord } from './english-words.js';
import { expandAbbreviations, expandSynonyms } from './expansions.js';
import type { SearchIndex } from './index.js';
import { readsAsFollowUp } from './follow-up.js';
import { asksActAt, shapesQuestionAt, slipsVerbAfterQuestionWord } from './phrasing.js';
import { isLikelySlip, isMisspeltEnglish, slipCost } from './slips.js';
import { stopWordMeant } from './stop-word-slips.js';
import { namesOfUnit, quantitiesIn } from './quantities.js';
import { hasStem, WEIGHT, type AnalyzedQuery, type QueryGroup, type QueryTerm } from './query-terms.js';
import { readingOf } from './word-readings.js';
import { keptByWord } from './kept-by-word.js';
import { termsOfWord } from './word-terms.js';

const MAX_WORDS = 48;
/**
 * A word of general English that the notes never use counts half: it may be topical ("windows", which the
 * notes do not cover) or just phrasing ("support"); half keeps one such word from sinking an otherwise matched
 * question. Any other word the notes lack, but a bare number, names a tool, a product or a term of art ("ssh",
 * "milvus"): the question is about something the notes do not cover, and the word counts in full. So does the act
 * a how-to question asks for ("how do I *rotate* IAM keys"): a note that never names the act does not say how.
 */
const UNKNOWN_WORD_WEIGHT = 0.5;
const UNKNOWN_NAME_WEIGHT = 1;

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
    const terms = readingOf(index, token.surface, () => termsOfWord(index, token));
    if (terms === undefined) continue;
    for (const term of terms) term.weight *= scale;
    const group: QueryGroup = { word: token.surface, terms, importance: 0 };
    if (asksActAt(tokens, position)) acts.add(group);
    groups.push(group);
    groupOf.set(token, group);
    wordStems.push(token.stem);
    stemOfGroup.set(group, terms.length === 0 ? meantStem(token.surface) : token.stem);
    if (cased && isCapitals(text.slice(token.offset, token.end))) capitals.add(group);
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
    } else if (left && !right && groups.includes(left) && left.terms.length === 0 && b.stop && isParticle(b.surface)) {
      // The same for a verb the notes lack and its particle, a stop word: "how do I fail over" is asked of "failover".
      left.word = `${left.word} ${b.surface}`;
      left.terms = [{ stem: joined, id, weight: WEIGHT.exact * scale }];
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
