import { groupsThousands, hyphenated, isParticle, isStopToken, joinable, particleStem, stemWord, WordScanner } from './analyze.js';
import { daysOfYear } from './dates.js';
import { ensureSize, IntList } from './growable.js';
import { PairTable, StringTable } from './intern.js';

/**
 * Index terms (stems and joined stems) by id, in order of first use. A joined pair is looked up without
 * joining the two stems first: most pairs met in a build are already terms.
 */
export class TermTable {
  private readonly table = new StringTable();

  get names(): readonly string[] {
    return this.table.strings;
  }

  idOf(name: string): number {
    return this.table.idOf(name, 0, name.length);
  }

  /** The id of the term `left + right`, as `joinedStem` makes it (see analyze.ts). */
  idOfJoined(left: string, right: string): number {
    return this.table.idOfJoined(left, right);
  }

  /** The id of a term, -1 when no note ever had it. */
  find(name: string): number {
    return this.table.find(name);
  }
}

const STOP = -1;

/**
 * Turns field text into term ids while an index is built: the same terms as `tokenize` plus `compounds`,
 * but each distinct written word is stemmed once, and each distinct pair of neighbours joined once,
 * instead of once per occurrence; a word seen before is found without cutting it out of the text.
 */
export class FieldTerms {
  private readonly words = new StringTable();
  /** Term id of each written word's stem, or STOP, by word id. */
  private readonly wordTerms = new IntList();
  private readonly pairs = new PairTable();
  /** Term id of each joined pair, by pair id. */
  private readonly pairTerms = new IntList();
  /** Pairs of a stop word and a content word written with a hyphen, by word ids; and the term id of each. */
  private readonly hyphenPairs = new PairTable();
  private readonly hyphenTerms = new IntList();
  /** Pairs of a content word's term and a particle's word id, and the term id of each (`particleTerm`). */
  private readonly particlePairs = new PairTable();
  private readonly particleTerms = new IntList();
  private readonly scanner = new WordScanner();
  private readonly joined = new IntList(1 << 8);
  /** Content words seen since `collectWords`, each once: the words of one note, for the typo speller. */
  private collected: number[] = [];
  private stamps = new Int32Array(1 << 12);
  private generation = 0;

  constructor(private readonly terms: TermTable) {}

  /**
   * Appends the term ids of `text` (its content words, then its joined neighbours) to `out`; returns how many
   * content words it has. Its content words (by word id) are collected for the speller, but for those inside web
   * addresses and link targets, and all of them are appended to `words` if given. The terms that stand inside a
   * cross-reference (see `crossReferenceSpans`) are also appended to `references` if given, and the places of its
   * content words (counted from 0, as the return value counts them) to `referenceWords`.
   */
  add(text: string, out: IntList, words?: IntList, references?: IntList, referenceWords?: IntList): number {
    const joined = this.joined;
    joined.clear();
    const crossReferences = references ? crossReferenceSpans(text) : [];
    let reference = 0;
    let count = 0;
    let previous = STOP;
    let previousWord = -1;
    let previousEnd = 0;
    const scanner = this.scanner.reset(text);
    // Words inside web addresses and link targets are indexed but are not words to correct a typo to.
    const links = linkSpans(text);
    let link = 0;
    while (scanner.next()) {
      while (link < links.length && (links[link]?.[1] ?? 0) <= scanner.offset) link++;
      const inLink = link < links.length && (links[link]?.[0] ?? 0) <= scanner.offset;
      while (reference < crossReferences.length && (crossReferences[reference]?.[1] ?? 0) <= scanner.offset) reference++;
      const inReference = reference < crossReferences.length && (crossReferences[reference]?.[0] ?? 0) <= scanner.offset;
      const word = scanner.replaced ? this.words.idOfHashed(scanner.replaced, 0, scanner.replaced.length, scanner.hash) : this.words.idOfHashed(scanner.text, scanner.offset, scanner.end, scanner.hash);
      const term = this.termOfWord(word);
      if (previousWord !== -1 && hyphenated(text, previousEnd, scanner.offset, previous === STOP, term === STOP)) {
        const hyphened = this.hyphenTerm(previousWord, word);
        joined.push(hyphened);
        if (inReference) references?.push(hyphened);
      }
      if (term === STOP && previous !== STOP && joinable(text, previousEnd, scanner.offset) && isParticle(this.wordOf(word)) && !hyphenated(text, previousEnd, scanner.offset, false, true)) {
        const particle = this.particleTerm(previous, word);
        joined.push(particle);
        if (inReference) references?.push(particle);
      }
      if (term !== STOP) {
        count++;
        out.push(term);
        if (inReference) {
          references?.push(term);
          referenceWords?.push(count - 1);
        }
        if (!inLink) this.collect(word);
        words?.push(word);
        if (previous !== STOP && (joinable(text, previousEnd, scanner.offset) || groupsThousands(text, previousEnd, scanner.offset))) {
          const pair = this.pairTerm(previous, term);
          joined.push(pair);
          if (inReference) references?.push(pair);
        }
      }
      previous = term;
      previousWord = word;
      previousEnd = scanner.end;
    }
    // A day written in words ("12 May") is also the term an ISO date's month and day join into ("05-12").
    for (const day of daysOfYear(text)) joined.push(this.terms.idOf(day.term));
    for (let i = 0; i < joined.length; i++) out.push(joined.at(i));
    return count;
  }

  /** The stem of a content word seen so far, as written; undefined for other words. */
  stemOf(word: string): string | undefined {
    const id = this.words.find(word);
    const term = id === -1 ? STOP : this.wordTerms.at(id);
    return term === STOP ? undefined : this.terms.names[term];
  }

  /** The id of a word as written, -1 when no field had it. */
  wordIdOf(word: string): number {
    return this.words.find(word);
  }

  wordOf(id: number): string {
    return this.words.strings[id] ?? '';
  }

  /** Starts a new collection of content words (see `collected`). */
  collectWords(): void {
    this.generation++;
    this.collected = [];
  }

  /** Counts words of a field analysed earlier (by word id) as seen again. */
  collect(word: number): void {
    if (word >= this.stamps.length) this.stamps = ensureSize(this.stamps, word + 1);
    if (this.stamps[word] === this.generation) return;
    this.stamps[word] = this.generation;
    this.collected.push(word);
  }

  /** The distinct content words added or collected since `collectWords`, by word id. */
  get collectedWords(): readonly number[] {
    return this.collected;
  }

  private termOfWord(id: number): number {
    if (id === this.wordTerms.length) {
      const surface = this.words.strings[id] ?? '';
      this.wordTerms.push(isStopToken(surface) ? STOP : this.terms.idOf(stemWord(surface)));
    }
    return this.wordTerms.at(id);
  }

  /** The term of two written words joined and stemmed as one (`on-call` → oncal, as `oncall` is). */
  private hyphenTerm(left: number, right: number): number {
    const id = this.hyphenPairs.idOf(left, right);
    if (id === this.hyphenTerms.length) {
      this.hyphenTerms.push(this.terms.idOf(stemWord(this.wordOf(left) + this.wordOf(right))));
    }
    return this.hyphenTerms.at(id);
  }

  /** The term of a verb (by term id) and the particle after it (by word id), joined: "set up" → setup. */
  private particleTerm(verb: number, particle: number): number {
    const id = this.particlePairs.idOf(verb, particle);
    if (id === this.particleTerms.length) this.particleTerms.push(this.terms.idOf(particleStem(this.terms.names[verb] ?? '', this.wordOf(particle))));
    return this.particleTerms.at(id);
  }

  private pairTerm(left: number, right: number): number {
    const id = this.pairs.idOf(left, right);
    if (id === this.pairTerms.length) {
      this.pairTerms.push(this.terms.idOfJoined(this.terms.names[left] ?? '', this.terms.names[right] ?? ''));
    }
    return this.pairTerms.at(id);
  }
}

const LINK = /\bhttps?:\/\/[^\s<>)\]]+|\]\([^()\s]+\)/gi;

/**
 * Where `text` has web addresses and Markdown link targets, as [start, end) offsets in order: a question's
 * "patch" is not a slip for the "watch" of a video's address.
 */
function linkSpans(text: string): [number, number][] {
  if (!text.includes('://') && !text.includes('](')) return [];
  return [...text.matchAll(LINK)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
}

/** A Markdown link or image: `[text](target)`, `![alt](target)`. */
const INLINE_LINK = /(!?)\[([^\]\n]{1,500})\]\(([^()\s]+)(?:\s+"[^"\n]*")?\)/g;
/** A target with a scheme (`https:`, `mailto:`, `slack:`) leads out of the notes. */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Where `text` has cross-references, as [start, end) offsets in order: links whose target has no scheme, so
 * another page or section of the same notes (`[How do I upgrade?](#how-do-i-upgrade)`, `[deploy
 * guide](../deploy.md)`). Their words name what they point to, which is indexed where it stands; a link out of
 * the notes, or an image, is the only place its words are written.
 */
export function crossReferenceSpans(text: string): [number, number][] {
  if (!text.includes('](')) return [];
  const spans: [number, number][] = [];
  for (const match of text.matchAll(INLINE_LINK)) {
    if (match[1] === '!' || SCHEME.test(match[3] ?? '')) continue;
    const start = match.index ?? 0;
    spans.push([start, start + match[0].length]);
  }
  return spans;
}
