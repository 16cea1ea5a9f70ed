import { ensureSize } from './growable.js';

/**
 * The live files of an index in the order of the notes, and each file id's place in it. A file added by an
 * edit goes where its path falls; the places of the others keep their order.
 */
export class NoteRanks {
  private readonly ordered: number[] = [];
  private ranks = new Int32Array(0);

  /** Live file ids in the order of the notes. */
  get fileIds(): readonly number[] {
    return this.ordered;
  }

  /** The place of a live file id among the notes. */
  rankOf(fileId: number): number {
    return this.ranks[fileId] ?? 0;
  }

  /** Appends a file that comes after every file so far (the build gives them in order). */
  append(fileId: number): void {
    this.ordered.push(fileId);
  }

  /** Puts a file where `compare` places its path among the others (`pathOf` gives a file id's path). */
  insert(fileId: number, pathOf: (fileId: number) => string, compare: (a: string, b: string) => number): void {
    const path = pathOf(fileId);
    let lo = 0;
    let hi = this.ordered.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(pathOf(this.ordered[mid] ?? 0), path) < 0) lo = mid + 1;
      else hi = mid;
    }
    this.ordered.splice(lo, 0, fileId);
  }

  remove(fileId: number): void {
    const at = this.ordered.indexOf(fileId);
    if (at >= 0) this.ordered.splice(at, 1);
  }

  /** Works the places out again after appends, inserts and removals; `fileIds` is one past the largest id. */
  settle(fileIds: number): void {
    this.ranks = ensureSize(this.ranks, fileIds);
    this.ordered.forEach((fileId, position) => (this.ranks[fileId] = position));
  }
}
