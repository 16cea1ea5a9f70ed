import { isStopToken, joinable, joinedStem, stem, WordScanner } from './analyze.js';
import { PairTable, StringTable } from './intern.js';

/** Index terms (stems and joined stems) by id, in order of first use. */
export class TermTable {
  readonly names: string[] = [];
  readonly ids = new Map<string, number>();

  idOf(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
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
  private readonly wordTerms: number[] = [];
  private readonly pairs = new PairTable();
  /** Term id of each joined pair, by pair id. */
  private readonly pairTerms: number[] = [];
  private readonly scanner = new WordScanner();
  private readonly joined: number[] = [];

  constructor(private readonly terms: TermTable) {}

  /** Appends the term ids of `text` (its content words, then its joined neighbours) to `out`; returns how many content words it has. */
  add(text: string, out: number[]): number {
    const words = this.scanner.reset(text);
    const joined = this.joined;
    joined.length = 0;
    let count = 0;
    let previous = STOP;
    let previousEnd = 0;
    while (words.next()) {
      const term = words.replaced ? this.wordTerm(words.replaced, 0, words.replaced.length) : this.wordTerm(words.text, words.offset, words.end);
      if (term !== STOP) {
        count++;
        out.push(term);
        if (previous !== STOP && joinable(text, previousEnd, words.offset)) joined.push(this.pairTerm(previous, term));
      }
      previous = term;
      previousEnd = words.offset + words.length;
    }
    for (const term of joined) out.push(term);
    return count;
  }

  /** Every content word seen, with its stem, in order of first appearance. */
  *stems(): Generator<[string, string]> {
    for (let id = 0; id < this.wordTerms.length; id++) {
      const term = this.wordTerms[id] ?? STOP;
      if (term !== STOP) yield [this.words.strings[id] ?? '', this.terms.names[term] ?? ''];
    }
  }

  private wordTerm(text: string, start: number, end: number): number {
    const id = this.words.idOf(text, start, end);
    if (id === this.wordTerms.length) {
      const surface = this.words.strings[id] ?? '';
      this.wordTerms.push(isStopToken(surface) ? STOP : this.terms.idOf(stem(surface)));
    }
    return this.wordTerms[id] ?? STOP;
  }

  private pairTerm(left: number, right: number): number {
    const id = this.pairs.idOf(left, right);
    if (id === this.pairTerms.length) {
      this.pairTerms.push(this.terms.idOf(joinedStem({ stem: this.terms.names[left] ?? '' }, { stem: this.terms.names[right] ?? '' })));
    }
    return this.pairTerms[id] ?? STOP;
  }
}
