import { ensureSize } from './growable.js';

/** The highest stamp an `Int32Array` holds; after it the stamps start again from 1. */
const LAST_STAMP = 0x7fffffff;

/**
 * The scores of one question's documents, in arrays reused from question to question rather than a map made
 * anew each time: a score by document id, the ids in the order they were first reached (which settles ties),
 * and, per document, the first question word (group) met in it and whether another one was. A document's values
 * count only where its stamp is the question's: forgetting a question is a new stamp, not a pass that clears the
 * values of every document it reached (cold in memory by the next question).
 */
export class QuestionScores {
  private values = new Float64Array(0);
  /** The first group met in each document, plus one (0: none yet). */
  private firstGroup = new Int32Array(0);
  private several = new Uint8Array(0);
  /** The question each document's values are of. */
  private stamps = new Int32Array(0);
  private stamp: number;
  /** The heap of `top`: places in `reached`, and their scores beside them. */
  private heapPlaces = new Int32Array(64);
  private heapScores = new Float64Array(64);
  /** Documents with a score, in the order they got it. */
  readonly reached: number[] = [];

  /** `firstStamp` is for tests of what happens when the stamps run out. */
  constructor(firstStamp = 1) {
    this.stamp = firstStamp;
  }

  /** Adds to a document's score; `group` is the question word the score is for, -1 for none. */
  add(id: number, value: number, group: number): void {
    if (id >= this.values.length) this.grow(id + 1);
    if (this.stamps[id] !== this.stamp) {
      this.stamps[id] = this.stamp;
      this.reached.push(id);
      this.values[id] = value;
      this.firstGroup[id] = group < 0 ? 0 : group + 1;
      this.several[id] = 0;
      return;
    }
    this.values[id] = (this.values[id] ?? 0) + value;
    if (group < 0) return;
    const first = (this.firstGroup[id] as number) - 1;
    if (first === -1) this.firstGroup[id] = group + 1;
    else if (first !== group) this.several[id] = 1;
  }

  score(id: number): number {
    return this.stamps[id] === this.stamp ? (this.values[id] ?? 0) : 0;
  }

  /** Whether words of two different groups of the question are in the document. */
  holdsTwoGroups(id: number): boolean {
    return this.stamps[id] === this.stamp && this.several[id] === 1;
  }

  /**
   * The `k` highest-scoring documents, best first; of equal scores, the one reached first. A heap of the best `k`
   * so far (its root the worst of them) is one pass over the documents, without sorting them all. The heap holds
   * each entry's score beside its place in `reached`, so a comparison reads neither `reached` nor `values`.
   */
  top(k: number): number[] {
    const { reached, values } = this;
    if (k <= 0) return [];
    if (this.heapPlaces.length < k) {
      this.heapPlaces = new Int32Array(k);
      this.heapScores = new Float64Array(k);
    }
    const places = this.heapPlaces;
    const scores = this.heapScores;
    let size = 0;
    for (let i = 0; i < reached.length; i++) {
      const value = values[reached[i] as number] as number;
      if (size < k) {
        let at = size++;
        while (at > 0) {
          const parent = (at - 1) >> 1;
          const above = scores[parent] as number;
          if (!ranksBelow(value, i, above, places[parent] as number)) break;
          places[at] = places[parent] as number;
          scores[at] = above;
          at = parent;
        }
        places[at] = i;
        scores[at] = value;
      } else if (value > (scores[0] as number)) {
        this.siftDown(size, i, value);
      }
    }
    // Taking the root (the worst) off the heap, again and again, fills the list from its end.
    const best = new Array<number>(size);
    for (let last = size - 1; last >= 0; last--) {
      best[last] = reached[places[0] as number] as number;
      this.siftDown(last, places[last] as number, scores[last] as number);
    }
    return best;
  }

  /** Forgets the last question. */
  reset(): void {
    this.reached.length = 0;
    if (this.stamp < LAST_STAMP) {
      this.stamp++;
      return;
    }
    this.stamps.fill(0);
    this.stamp = 1;
  }

  /**
   * Puts the entry at place `item` of `reached`, of score `value`, at the root of the heap (whose root is its worst
   * entry: the lowest score, or the latest place on a tie) and moves it down to its place.
   */
  private siftDown(size: number, item: number, value: number): void {
    const places = this.heapPlaces;
    const scores = this.heapScores;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= size) break;
      const right = left + 1;
      const child = right < size && ranksBelow(scores[right] as number, places[right] as number, scores[left] as number, places[left] as number) ? right : left;
      const below = scores[child] as number;
      if (!ranksBelow(below, places[child] as number, value, item)) break;
      places[at] = places[child] as number;
      scores[at] = below;
      at = child;
    }
    places[at] = item;
    scores[at] = value;
  }

  private grow(size: number): void {
    const length = Math.max(size, 1 << 12);
    this.values = ensureSize(this.values, length);
    this.firstGroup = ensureSize(this.firstGroup, length);
    this.several = ensureSize(this.several, length);
    this.stamps = ensureSize(this.stamps, length);
  }
}

/** Whether the entry of score `a` at place `placeA` of `reached` ranks below the one of score `b` at `placeB`: a lower score, or reached later on a tie. */
function ranksBelow(a: number, placeA: number, b: number, placeB: number): boolean {
  return a < b || (a === b && placeA > placeB);
}
