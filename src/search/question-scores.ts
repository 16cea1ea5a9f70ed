import { ensureSize } from './growable.js';

/**
 * The scores of one question's documents, in arrays reused from question to question rather than a map made
 * anew each time: a score by document id, the ids in the order they were first reached (which settles ties),
 * and, per document, the first question word (group) met in it and whether another one was.
 */
export class QuestionScores {
  private values = new Float64Array(0);
  /** The first group met in each document, plus one (0: none yet). */
  private firstGroup = new Int32Array(0);
  private several = new Uint8Array(0);
  private seen = new Uint8Array(0);
  private readonly byScore = (a: number, b: number): number => (this.values[b] ?? 0) - (this.values[a] ?? 0);
  /** Documents with a score, in the order they got it. */
  readonly reached: number[] = [];

  /** Adds to a document's score; `group` is the question word the score is for, -1 for none. */
  add(id: number, value: number, group: number): void {
    if (id >= this.values.length) this.grow(id + 1);
    if (this.seen[id] === 0) {
      this.seen[id] = 1;
      this.reached.push(id);
    }
    this.values[id] = (this.values[id] ?? 0) + value;
    if (group < 0) return;
    const first = (this.firstGroup[id] as number) - 1;
    if (first === -1) this.firstGroup[id] = group + 1;
    else if (first !== group) this.several[id] = 1;
  }

  score(id: number): number {
    return this.values[id] ?? 0;
  }

  /** Whether words of two different groups of the question are in the document. */
  holdsTwoGroups(id: number): boolean {
    return this.several[id] === 1;
  }

  /** The `k` highest-scoring documents, best first; of equal scores, the one reached first (the sorts are stable). */
  top(k: number): number[] {
    const values = this.values;
    const order = this.byScore;
    const reached = this.reached;
    if (reached.length <= k) return [...reached].sort(order);
    let kept = reached.slice(0, k).sort(order);
    let threshold = values[kept[k - 1] ?? 0] ?? 0;
    for (let i = k; i < reached.length; i++) {
      const id = reached[i] ?? 0;
      if ((values[id] ?? 0) > threshold) {
        kept.push(id);
        if (kept.length >= 4 * k) {
          kept = kept.sort(order).slice(0, k);
          threshold = values[kept[k - 1] ?? 0] ?? 0;
        }
      }
    }
    return kept.sort(order).slice(0, k);
  }

  /** Forgets the last question, in time proportional to the documents it reached. */
  reset(): void {
    for (const id of this.reached) {
      this.values[id] = 0;
      this.firstGroup[id] = 0;
      this.several[id] = 0;
      this.seen[id] = 0;
    }
    this.reached.length = 0;
  }

  private grow(size: number): void {
    const length = Math.max(size, 1 << 12);
    this.values = ensureSize(this.values, length);
    this.firstGroup = ensureSize(this.firstGroup, length);
    this.several = ensureSize(this.several, length);
    this.seen = ensureSize(this.seen, length);
  }
}
