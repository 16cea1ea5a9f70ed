import { stemmer } from 'stemmer';
import { STOP_WORDS } from './stopwords.js';

/** A word of a text, as written (lower-cased) and as indexed (stemmed). */
export interface Token {
  surface: string;
  stem: string;
  /** Offset of the word in the analysed text. */
  offset: number;
  stop: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const COMBINING = /\p{M}+/gu;
const NON_ASCII = /[^\u0000-\u007f]/;
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

/** Lower-case, strip accents, keep letters and digits. Offsets stay aligned with the input. */
export function fold(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  // NFD then dropping marks can change length; only fold where it keeps offsets (the common case).
  const lowered = text.toLowerCase();
  const stripped = lowered.normalize('NFD').replace(COMBINING, '');
  return stripped.length === lowered.length ? stripped : lowered;
}

export function stem(word: string): string {
  let result = stemCache.get(word);
  if (result === undefined) {
    result = /^[a-z]+$/.test(word) && word.length > 3 ? stemmer(dropAdverbEnding(word)) : word;
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, result);
  }
  return result;
}

/**
 * Porter keeps "-ly" ("highly" → "highli"), so "highly available" never meets "high availability".
 * Adverbs are cut back to their adjective first; short words and "-ply"/"-lly" words ("apply") are left alone.
 */
function dropAdverbEnding(word: string): string {
  if (word.length < 6 || !word.endsWith('ly')) return word;
  if (word.endsWith('ally')) return word.slice(0, -2);
  if (word.endsWith('ily')) return word.length >= 7 ? `${word.slice(0, -3)}y` : word;
  const before = word[word.length - 3] ?? '';
  return /[cdfghkmnrstvwxz]/.test(before) || before === 'e' ? word.slice(0, -2) : word;
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** Splits text into words; possessive and contracted endings ("prometheus's", "isn't") are dropped. */
export function tokenize(text: string): Token[] {
  const folded = fold(text);
  const tokens: Token[] = [];
  for (const match of folded.matchAll(WORD)) {
    let surface = match[0];
    const apostrophe = surface.search(/['’]/);
    if (apostrophe !== -1) {
      const tail = surface.slice(apostrophe + 1);
      surface = tail === 't' && surface.slice(0, apostrophe).endsWith('n') ? surface.slice(0, apostrophe - 1) : surface.slice(0, apostrophe);
      if (tail === 't' && surface === 'ca') surface = 'can';
    }
    if (surface.length === 0) continue;
    const stop = isStopWord(surface) || (surface.length === 1 && !/\d/.test(surface));
    tokens.push({ surface, stem: stop ? surface : stem(surface), offset: match.index ?? 0, stop });
  }
  return tokens;
}

/**
 * The stem of two words joined: the stems run together ("deamon sets" → deamonset), which is what the
 * stemmer makes of the joined word ("deamonsets") in nearly every case, at no extra stemming cost.
 */
export function joinedStem(a: Pick<Token, 'stem'>, b: Pick<Token, 'stem'>): string {
  return a.stem + b.stem;
}

/**
 * Joined neighbours ("deamon sets" → "deamonsets"), so that words a note splits and a question joins
 * (or the reverse) still meet. Only pairs of content words that stand side by side are joined.
 */
export function compounds(tokens: Token[], text: string): { surface: string; stem: string }[] {
  const result: { surface: string; stem: string }[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const a = tokens[i - 1];
    const b = tokens[i];
    if (!a || !b || a.stop || b.stop) continue;
    const between = text.slice(a.offset + a.surface.length, b.offset);
    if (!/^[\s\-_/.]{0,2}$/.test(between) || /[.]\s/.test(between)) continue;
    result.push({ surface: a.surface + b.surface, stem: joinedStem(a, b) });
  }
  return result;
}
