import { stemmer } from 'stemmer';
import { isAsciiDigit, isAsciiLetter, isAsciiSpace } from './ascii.js';
import { FNV_OFFSET, FNV_PRIME, hashOf } from './hash.js';
import { STOP_WORDS } from './stopwords.js';

/** A word of a text, as written (lower-cased) and as indexed (stemmed). */
export interface Token {
  surface: string;
  stem: string;
  /** Offset of the word in the analysed text. */
  offset: number;
  /** Where the word ends as written: past `offset + surface.length` for "D.C." read as "dc". */
  end: number;
  stop: boolean;
}

/** Shared by every scanner: each sets `lastIndex` right before its one `exec`, and nothing runs in between. */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const APOSTROPHES = /['’]/;
const COMBINING = /\p{M}+/gu;
const SPACE = /\s/;
const MARK = /\p{M}/u;
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

/** Lower-case, strip accents, keep letters and digits. Offsets stay aligned with the input. */
export function fold(text: string): string {
  const lowered = text.toLowerCase();
  if (isNormalized(lowered)) return lowered;
  // NFD then dropping marks can change length; only fold where it keeps offsets (the common case).
  const stripped = lowered.normalize('NFD').replace(COMBINING, '');
  return stripped.length === lowered.length ? stripped : lowered;
}

/** Per UTF-16 code unit: 0 not yet known, 1 unchanged by NFD and not a mark, 2 otherwise. */
const inert = new Uint8Array(0x10000);

/**
 * Whether NFD plus dropping marks would leave the text as it is, as it does for text whose only non-ASCII
 * characters are punctuation such as dashes and curly quotes. Decided per character: it neither decomposes,
 * nor is a mark, nor has a combining class that could reorder it after a mark (checked against U+0345,
 * whose class, 240, is the highest). Surrogates count as changing, to keep the check simple.
 */
function isNormalized(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) continue;
    let known = inert[code] ?? 0;
    if (known === 0) {
      const char = String.fromCharCode(code);
      const stable = code < 0xd800 || code > 0xdfff ? char.normalize('NFD') === char && `\u0345${char}`.normalize('NFD') === `\u0345${char}` && !MARK.test(char) : false;
      inert[code] = known = stable ? 1 : 2;
    }
    if (known === 2) return false;
  }
  return true;
}

/** The stem of a word, kept in a cache shared by every caller: for the few words questions and quotes bring. */
export function stem(word: string): string {
  let result = stemCache.get(word);
  if (result === undefined) {
    result = stemWord(word);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, result);
  }
  return result;
}

/**
 * `stem` without the cache, for a caller that stems each distinct word once anyway (an index build): filling
 * the cache with every word of the notes would cost heap and make each question's lookups slower.
 */
export function stemWord(word: string): string {
  // A name with digits takes a plural s too ("A100s", "T4s", "EC2s"), which Porter, for letters only, leaves on.
  if (isPluralOfNameWithDigits(word)) return word.slice(0, -1);
  if (!/^[a-z]+$/.test(word) || word.length < 3) return word;
  // A three-letter word keeps its final e, as Porter2 keeps it: "use" is not "us", nor "age" "ag".
  if (word.length === 3 && word.endsWith('e')) return word;
  let stemmed = keepDoubledBase(word, stemmer(dropAdverbEnding(word)));
  // "embeddings" → embed, where "embed" itself → emb: a stem left ending in "ed" is stemmed again.
  if (stemmed !== word && stemmed.endsWith('ed')) stemmed = stemmer(stemmed);
  // Porter turns a final y into i only where a vowel comes before it ("tries" → tri, but "try" and "trying" → try);
  // Porter2 also where the y follows a consonant that is not the first letter.
  return /^[^aeiouy][^aeiouy]y$/.test(stemmed) ? `${stemmed.slice(0, 2)}i` : stemmed;
}

/**
 * A word of letters and digits, with a letter before its last digit, ending in a digit and "s". Written out
 * rather than as one pattern: `^[a-z0-9]*[a-z][a-z0-9]*\ds$` tries every letter as the one, which is
 * quadratic in the word's length.
 */
function isPluralOfNameWithDigits(word: string): boolean {
  const last = word.length - 1;
  if (last < 2 || word[last] !== 's' || !isAsciiDigit(word.charCodeAt(last - 1)) || !/^[a-z0-9]+$/.test(word)) return false;
  return /[a-z]/.test(word.slice(0, last - 1));
}

/**
 * Porter undoes a doubled consonant once "-ing" or "-ed" is cut ("stopping" → stop), so the words whose base
 * ends in that double lose a letter their base keeps: "adding" → ad but "add", "staffing" → staf but "staff".
 * English inflection never doubles an f, and a base of a vowel and a doubled consonant ("add", "egg", "err")
 * is a word of its own, so those keep the double.
 */
function keepDoubledBase(word: string, stemmed: string): string {
  const base = word.endsWith('ing') ? word.slice(0, -3) : word.endsWith('ed') ? word.slice(0, -2) : '';
  if (base.length < 3 || stemmed.length !== base.length - 1 || !base.startsWith(stemmed)) return stemmed;
  return base.endsWith('ff') || /^[aeiou]([bdgmnprt])\1$/.test(base) ? base : stemmed;
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

/** A word that carries no topic: a stop word, or a single letter. */
export function isStopToken(surface: string): boolean {
  return isStopWord(surface) || (surface.length === 1 && !isAsciiDigit(surface.charCodeAt(0)));
}

/**
 * Walks the words of a text without building a token per word. After each `next()` that returns true,
 * the word is `text[offset, end)` of the folded text, or `replaced` when it is not a piece of it
 * ("ca't" → "can"). Possessive and contracted endings ("prometheus's", "isn't") are dropped.
 * Reusable: `reset` starts on a new text.
 */
export class WordScanner {
  /** The folded text that offsets refer to. */
  text = '';
  offset = 0;
  end = 0;
  /** The word when it is not `text[offset, end)`; '' otherwise. */
  replaced = '';
  /** FNV-1a hash of the word (see `hashOf` in intern.ts), worked out while reading it. */
  hash = 0;
  private position = 0;

  reset(text: string): this {
    this.text = fold(text);
    this.position = 0;
    return this;
  }

  /** The word as a string (a new one on each call). */
  get surface(): string {
    return this.replaced || this.text.slice(this.offset, this.end);
  }

  next(): boolean {
    while (this.scan()) {
      if (this.replaced || this.end > this.offset) return true;
    }
    return false;
  }

  /**
   * The next match of the WORD pattern, read character by character while the text is ASCII (letters and
   * digits, then maybe an apostrophe and letters); from the first non-ASCII character on, the pattern
   * itself decides that word.
   */
  private scan(): boolean {
    const text = this.text;
    const length = text.length;
    let i = this.position;
    let code = 0;
    while (i < length && !isWordCode((code = text.charCodeAt(i)))) {
      if (code > 127) return this.match(i);
      i++;
    }
    if (i >= length) {
      this.position = length;
      return false;
    }
    const start = i;
    let hash = FNV_OFFSET;
    let hashBefore = hash;
    while (i < length && isWordCode((code = text.charCodeAt(i)))) {
      hashBefore = hash;
      hash = Math.imul(hash ^ code, FNV_PRIME);
      i++;
    }
    const headEnd = i;
    if (headEnd - start === 1 && code === DOT && isAsciiLetter(text.charCodeAt(start)) && this.initialism(start)) return true;
    if (code === AMPERSAND && headEnd - start <= MAX_AMPERSAND_PART && this.ampersandName(start, headEnd)) return true;
    if (i < length) {
      if (code > 127) return this.match(start);
      const next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
      if (code === APOSTROPHE && next > 127) return this.match(start);
      if (code === APOSTROPHE && isAsciiLetter(next)) {
        i += 2;
        while (i < length && isAsciiLetter((code = text.charCodeAt(i)))) i++;
        if (i < length && code > 127) return this.match(start);
      }
    }
    this.position = i;
    this.found(start, headEnd, i);
    // The word is the letters and digits read, less a final "n" before "'t".
    if (!this.replaced) this.hash = this.end === headEnd ? hash : hashBefore;
    return true;
  }

  /**
   * Letters each followed by a dot, read as the one word they spell: "D.C." is "dc", "U.K." is "uk", "p.m." is "pm",
   * as a question types them. Only single letters: "v1.2", "t.co" and "node.js" are read as before.
   */
  private initialism(start: number): boolean {
    const text = this.text;
    let letters = text[start] ?? '';
    let i = start + 1;
    while (text.charCodeAt(i) === DOT && isAsciiLetter(text.charCodeAt(i + 1)) && !isWordCode(text.charCodeAt(i + 2))) {
      letters += text[i + 1] ?? '';
      i += 2;
    }
    if (letters.length < 2) return false;
    this.position = i;
    this.offset = start;
    this.end = i;
    this.replaced = letters;
    this.hash = hashOf(letters, 0, letters.length, FNV_OFFSET);
    return true;
  }

  /**
   * Two short runs of letters joined by "&", read as the one name they make: "R&D", "P&L", "Q&A", "AT&T". Split, they
   * are letters alone, which every question and note holds as stop words, so "cost centre owner for R&D" looked only
   * for "cost centre owner". Not "a && b", nor an entity ("R&amp;D") or a query string ("a=b&c=d").
   */
  private ampersandName(start: number, amp: number): boolean {
    const text = this.text;
    for (let i = start; i < amp; i++) if (!isAsciiLetter(text.charCodeAt(i))) return false;
    let end = amp + 1;
    while (end < text.length && isAsciiLetter(text.charCodeAt(end))) end++;
    if (end === amp + 1 || end - amp - 1 > MAX_AMPERSAND_PART || isWordCode(text.charCodeAt(end)) || text.charCodeAt(end) === SEMICOLON) return false;
    const before = start > 0 ? text.charCodeAt(start - 1) : 0;
    if (before === EQUALS || before === AMPERSAND) return false;
    this.position = end;
    this.offset = start;
    this.end = end;
    this.replaced = '';
    this.hash = hashOf(text, start, end, FNV_OFFSET);
    return true;
  }

  private match(from: number): boolean {
    WORD.lastIndex = from;
    const match = WORD.exec(this.text);
    if (!match) {
      this.position = this.text.length;
      return false;
    }
    const end = match.index + match[0].length;
    const apostrophe = match[0].search(APOSTROPHES);
    this.position = end;
    this.found(match.index, apostrophe === -1 ? end : match.index + apostrophe, end);
    if (!this.replaced) this.hash = hashOf(this.text, this.offset, this.end, FNV_OFFSET);
    return true;
  }

  /**
   * A word written `text[start, end)` with an apostrophe at `apostrophe` (or none, when it equals `end`):
   * "prometheus's" → "prometheus", "isn't" → "is", "can't" → "can"; "n't" alone leaves nothing.
   */
  private found(start: number, apostrophe: number, end: number): void {
    const text = this.text;
    this.offset = start;
    this.replaced = '';
    this.end = apostrophe;
    if (end - apostrophe !== 2 || text.charCodeAt(apostrophe + 1) !== 116) return;
    if (text.charCodeAt(apostrophe - 1) === 110) this.end = apostrophe - 1;
    if (this.end - start > 3) return;
    const meant = NOT_CHANGES.get(text.slice(start, this.end));
    if (meant) {
      this.replaced = meant.word;
      this.hash = meant.hash;
    }
  }
}

const APOSTROPHE = 39;
const DOT = 46;
const AMPERSAND = 38;
const SEMICOLON = 59;
const EQUALS = 61;
/** The longest run of letters on either side of a name joined by "&" ("AT&T"): longer ones are words ("salt&pepper"). */
const MAX_AMPERSAND_PART = 2;
/**
 * The auxiliaries that "n't" changes: "can't" is "can", "won't" "will", "shan't" "shall", "ain't" "is". Cut at the
 * apostrophe they would be "ca", "wo", "sha" and "ai", words of no stop list ("service pod won't start" looked for
 * "wo").
 */
const NOT_CHANGES: ReadonlyMap<string, { word: string; hash: number }> = new Map(
  Object.entries({ ca: 'can', wo: 'will', sha: 'shall', ai: 'is' }).map(([cut, word]) => [cut, { word, hash: hashOf(word, 0, word.length, FNV_OFFSET) }]),
);

/** An ASCII letter or digit; folded text has lower case only, but the pattern would take upper case too. */
function isWordCode(code: number): boolean {
  return isAsciiLetter(code) || isAsciiDigit(code);
}

export function isSpaceCode(code: number): boolean {
  return isAsciiSpace(code) || (code > 127 && SPACE.test(String.fromCharCode(code)));
}

/** Reused by `tokenize`, which reads a text to its end before returning. */
const scanner = new WordScanner();

/** Splits text into words; possessive and contracted endings ("prometheus's", "isn't") are dropped. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const words = scanner.reset(text);
  while (words.next()) {
    const { surface, offset, end } = words;
    const stop = isStopToken(surface);
    tokens.push({ surface, stem: stop ? surface : stem(surface), offset, end, stop });
  }
  return tokens;
}

/**
 * The stem of two words joined: the stems run together ("deamon sets" → deamonset), which is what the
 * stemmer makes of the joined word ("deamonsets") in nearly every case, at no extra stemming cost. The
 * build joins them the same way without calling this (see `TermTable.idOfJoined`).
 */
export function joinedStem(a: Pick<Token, 'stem'>, b: Pick<Token, 'stem'>): string {
  return a.stem + b.stem;
}

/**
 * Whether two neighbouring words stand side by side: at most two characters of white space, `-`, `_`,
 * `/` or `.` between `text[from, to)`, and no sentence end (". ").
 */
export function joinable(text: string, from: number, to: number): boolean {
  if (to - from > 2) return false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (!(isSpaceCode(code) || code === 45 || code === 95 || code === 47 || code === 46)) return false;
  }
  return !(to - from === 2 && text.charCodeAt(from) === 46 && isSpaceCode(text.charCodeAt(from + 1)));
}

/**
 * Whether `text[from, to)` is the comma of a number grouped in thousands ("2,000", "1,250,000"): one to three digits
 * before it, three after, and no digit beyond. The two sides joined are the number a question writes ("2000").
 */
export function groupsThousands(text: string, from: number, to: number): boolean {
  if (to !== from + 1 || text.charCodeAt(from) !== 44) return false;
  let before = 0;
  while (before < 4 && isAsciiDigit(text.charCodeAt(from - 1 - before))) before++;
  if (before === 0 || before > 3 || isWordCode(text.charCodeAt(from - 1 - before))) return false;
  return isAsciiDigit(text.charCodeAt(to)) && isAsciiDigit(text.charCodeAt(to + 1)) && isAsciiDigit(text.charCodeAt(to + 2)) && !isWordCode(text.charCodeAt(to + 3));
}

/**
 * Whether a stop word or a single letter and a content word are one word written with a hyphen
 * (`on-call`, `log-in`, `e-mail`): exactly one of the two is a stop word, and a lone `-` stands between them.
 */
export function hyphenated(text: string, from: number, to: number, aStop: boolean, bStop: boolean): boolean {
  return aStop !== bStop && to === from + 1 && text.charCodeAt(from) === 45;
}

/**
 * The stem of two neighbouring words joined, as `compounds` joins them; undefined where they stay apart. Content
 * words that stand side by side run together (`joinedStem`); a stop word hyphenated to a content word is
 * stemmed as one word (`on-call` → oncal, as `oncall` is).
 */
export function joinedStemOf(text: string, a: Token, b: Token): string | undefined {
  const from = a.end;
  if (groupsThousands(text, from, b.offset)) return joinedStem(a, b);
  if (hyphenated(text, from, b.offset, a.stop, b.stop)) return stem(a.surface + b.surface);
  if (!a.stop && b.stop && isParticle(b.surface) && joinable(text, from, b.offset)) return particleStem(a.stem, b.surface);
  return a.stop || b.stop || !joinable(text, from, b.offset) ? undefined : joinedStem(a, b);
}

/**
 * Adverbial particles, stop words all: with the verb before them, written as one word as often as two ("time out",
 * "timeout"; "set up", "setup"; "fail over", "failover"). Not "in" and "on", far more often prepositions ("ECS on
 * EC2", "runs in prod"): joined, they made phrases of those and cost the bundled note's sets five answers.
 */
const PARTICLES: ReadonlySet<string> = new Set(['up', 'down', 'out', 'off', 'over']);

/** Whether a lower-cased stop word is a particle that joins the verb before it (`PARTICLES`). */
export function isParticle(word: string): boolean {
  return PARTICLES.has(word);
}

/**
 * A verb and the particle after it, as one word: "timed out" → timeout, "failing over" → failov (as "failover").
 * Porter ends a verb in y with i ("carry", "carried" → carri), which the compound written as one word keeps as y:
 * "carry over" must meet "carryover" (carryov), not carriov.
 */
export function particleStem(verbStem: string, particle: string): string {
  return stem((verbStem.endsWith('i') ? `${verbStem.slice(0, -1)}y` : verbStem) + particle);
}

/**
 * Joined neighbours ("deamon sets" → "deamonsets"), so that words a note splits and a question joins
 * (or the reverse) still meet (see `joinedStemOf`).
 */
export function compounds(tokens: Token[], text: string): { surface: string; stem: string }[] {
  const result: { surface: string; stem: string }[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const a = tokens[i - 1];
    const b = tokens[i];
    const joined = a && b ? joinedStemOf(text, a, b) : undefined;
    if (a && b && joined !== undefined) result.push({ surface: a.surface + b.surface, stem: joined });
  }
  return result;
}

/** The stems of a text's content words, stop words left out, in the order written. */
export function contentStems(text: string): string[] {
  return tokenize(text).filter((token) => !token.stop).map((token) => token.stem);
}

/** Every stem of a text, its joined neighbours' included: what a passage holds for a question's words to meet. */
export function stemsIn(text: string): Set<string> {
  const tokens = tokenize(text);
  return new Set([...tokens.map((token) => token.stem), ...compounds(tokens, text).map((joined) => joined.stem)]);
}
