import { compounds, isStopWord, joinedStem, stem, tokenize, type Token } from './analyze.js';
import { editDistance } from './distance.js';
import type { SearchIndex } from './index.js';
import { STOP_WORDS } from './stopwords.js';
import { allowedEdits } from './vocabulary.js';

/** One weighted index term the query looks for. */
export interface QueryTerm {
  stem: string;
  weight: number;
}

/** A word of the question with the index terms that stand for it (itself, a correction, an expansion). */
export interface QueryGroup {
  word: string;
  terms: QueryTerm[];
  /** How much this word matters to the question: its IDF, times its weight. */
  importance: number;
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
 * A question word the notes never use counts half: it may be topical ("windows", which the notes do not
 * cover) or just phrasing ("support"); half keeps one such word from sinking an otherwise matched question.
 */
const UNKNOWN_WORD_WEIGHT = 0.5;
const WEIGHT = Object.freeze({ exact: 1, oneEdit: 0.8, twoEdits: 0.6, expansion: 0.5, phrase: 0.6, context: 0.4 });

/** Turns a question into weighted index terms: stems, typo corrections, joined words and abbreviations. */
export function analyzeQuery(index: SearchIndex, question: string, previousQuestion?: string): AnalyzedQuery {
  const own = analyzeText(index, question, 1);
  if (!previousQuestion) return own;
  const context = analyzeText(index, previousQuestion, WEIGHT.context);
  const seen = new Set(own.groups.flatMap((group) => group.terms.map((term) => term.stem)));
  return {
    groups: [...own.groups, ...context.groups.filter((group) => !group.terms.some((term) => seen.has(term.stem)))],
    phrases: own.phrases,
  };
}

function analyzeText(index: SearchIndex, text: string, scale: number): AnalyzedQuery {
  const tokens = tokenize(text).slice(0, MAX_WORDS * 3);
  const groups: QueryGroup[] = [];
  const byStem = new Map<string, QueryGroup>();
  for (const token of tokens) {
    if (token.stop || groups.length >= MAX_WORDS) continue;
    if (byStem.has(token.stem)) continue;
    const terms = resolve(index, token);
    if (terms === undefined) continue;
    const group: QueryGroup = { word: token.surface, terms: terms.map((t) => ({ ...t, weight: t.weight * scale })), importance: 0 };
    byStem.set(token.stem, group);
    groups.push(group);
  }
  expandAbbreviations(index, groups, scale);
  for (const group of groups) {
    group.importance =
      group.terms.length === 0 ? index.idf('') * UNKNOWN_WORD_WEIGHT * scale : Math.max(...group.terms.map((t) => index.idf(t.stem) * t.weight));
  }
  const phrases = compounds(tokens, text)
    .filter((pair) => index.has(pair.stem) && !byStem.has(pair.stem))
    .map((pair) => ({ stem: pair.stem, weight: WEIGHT.phrase * scale }));
  return { groups, phrases };
}

/** Index terms for one word; an empty list for a word the notes lack; undefined for a misspelt stop word. */
function resolve(index: SearchIndex, token: Token): QueryTerm[] | undefined {
  if (index.has(token.stem)) return [{ stem: token.stem, weight: WEIGHT.exact }];
  const shorter = shorterStem(index, token.stem);
  if (shorter) return [{ stem: shorter, weight: WEIGHT.oneEdit }];
  const edits = allowedEdits(token.surface);
  if (edits === 0 || /\d/.test(token.surface)) return [];
  const close = index.vocabulary.closest(token.surface, edits);
  const best = close[0]?.distance;
  if (best === undefined) {
    if (isNearStopWord(token.surface)) return undefined;
    const joined = splitIntoKnown(index, token.surface);
    return joined ? [{ stem: joined, weight: WEIGHT.oneEdit }] : [];
  }
  if (best > 1 && isNearStopWord(token.surface)) return undefined;
  const terms = new Map<string, number>();
  for (const candidate of close) {
    if (candidate.distance !== best || terms.size >= 3) break;
    const stem = index.stemOf.get(candidate.word);
    if (stem && index.has(stem)) terms.set(stem, best === 1 ? WEIGHT.oneEdit : WEIGHT.twoEdits);
  }
  return [...terms].map(([stem, weight]) => ({ stem, weight }));
}

/**
 * A word the notes write as two ("daemonsets" for "Deamon sets"): split it where both halves are words of
 * the notes (allowing a typo in each) and the notes have that pair side by side.
 */
function splitIntoKnown(index: SearchIndex, word: string): string | undefined {
  for (let cut = MIN_PART; cut <= word.length - MIN_PART; cut++) {
    const left = knownPart(index, word.slice(0, cut));
    if (!left) continue;
    const right = knownPart(index, word.slice(cut));
    if (!right) continue;
    const stem = joinedStem({ stem: left }, { stem: right });
    if (index.has(stem)) return stem;
  }
  return undefined;
}

function knownPart(index: SearchIndex, part: string): string | undefined {
  const own = stem(part);
  if (index.has(own)) return own;
  const near = index.vocabulary.closest(part, allowedEdits(part) > 0 ? 1 : 0)[0];
  return near ? index.stemOf.get(near.word) : undefined;
}

/**
 * The stemmer cuts related words to different lengths ("autoscale" → autoscal, "autoscaling" → autosc):
 * an unknown stem whose slightly shorter prefix is a known stem is taken for it.
 */
function shorterStem(index: SearchIndex, stem: string): string | undefined {
  for (let length = stem.length - 1; length >= Math.max(5, stem.length - 3); length--) {
    const prefix = stem.slice(0, length);
    if (index.has(prefix)) return prefix;
  }
  return undefined;
}

function isNearStopWord(word: string): boolean {
  if (isStopWord(word) || word.length < 4) return false;
  for (const stop of STOP_WORDS) if (stop.length >= 4 && editDistance(word, stop, 1) <= 1) return true;
  return false;
}

/** "ecs" also looks for "elastic container service", and the reverse. */
function expandAbbreviations(index: SearchIndex, groups: QueryGroup[], scale: number): void {
  const stems = new Set(groups.flatMap((group) => group.terms.map((term) => term.stem)));
  for (const group of groups) {
    for (const term of [...group.terms]) {
      for (const long of index.expansions.get(term.stem) ?? []) {
        for (const stem of long) {
          if (!stems.has(stem) && index.has(stem)) group.terms.push({ stem, weight: WEIGHT.expansion * scale });
        }
      }
    }
  }
  for (const { short, long } of index.contractions) {
    if (!stems.has(short) && index.has(short) && long.every((stem) => stems.has(stem))) {
      const owner = groups.find((group) => group.terms.some((term) => term.stem === long[0]));
      owner?.terms.push({ stem: short, weight: WEIGHT.exact * scale });
    }
  }
}
