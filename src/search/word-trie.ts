const A = 'a'.charCodeAt(0);
const LETTERS = 26;

/**
 * A trie of lower-case words of the letters a to z, in typed arrays, for finding the words one slip from a typed one
 * without building and hashing each variant: a variant's walk stops at the first letter no word continues with.
 */
export class WordTrie {
  /**
   * Nodes in breadth-first order, node 0 the root: a node's children are the `childCount` nodes from `firstChild`,
   * in order of their letters, side by side in memory.
   */
  private readonly firstChild: Int32Array;
  private readonly childCount: Uint8Array;
  private readonly letter: Uint8Array;
  private readonly ends: Uint8Array;
  /**
   * The children of the root and of its children by letter (a to z), -1 for none: every walk starts at the root, and
   * these are the nodes with the most children to scan.
   */
  private readonly near: Int32Array;
  /** Nodes before this one are the root and its children, in `near`. */
  private readonly nearCount: number;

  /** `words` in code-unit order (as `Array.prototype.sort` leaves them); words of other letters are left out. */
  constructor(sorted: readonly string[]) {
    const linked = linkedTrie(sorted.filter((word) => /^[a-z]+$/.test(word)));
    const count = linked.letter.length;
    this.firstChild = new Int32Array(count);
    this.childCount = new Uint8Array(count);
    this.letter = new Uint8Array(count);
    this.ends = new Uint8Array(count);
    // Laid out again breadth first: `order` lists the linked trie's nodes in their new places.
    const order = new Int32Array(count);
    let placed = 1;
    for (let at = 0; at < placed; at++) {
      const node = order[at] as number;
      this.letter[at] = linked.letter[node] as number;
      this.ends[at] = linked.ends[node] as number;
      this.firstChild[at] = placed;
      for (let child = linked.firstChild[node] as number; child !== -1; child = linked.nextSibling[child] as number) order[placed++] = child;
      this.childCount[at] = placed - (this.firstChild[at] as number);
    }
    this.nearCount = 1 + (this.childCount[0] as number);
    this.near = new Int32Array(this.nearCount * LETTERS).fill(-1);
    for (let node = 0; node < this.nearCount; node++) {
      const first = this.firstChild[node] as number;
      for (let child = first; child < first + (this.childCount[node] as number); child++) this.near[node * LETTERS + (this.letter[child] as number) - A] = child;
    }
  }

  /** The node reached from `node` by the letters of `text` from `from` to `to`, or -1. */
  private walk(node: number, text: string, from: number, to: number): number {
    for (let i = from; i < to && node !== -1; i++) node = this.child(node, text.charCodeAt(i));
    return node;
  }

  private child(node: number, code: number): number {
    if (node < this.nearCount) return code >= A && code < A + LETTERS ? (this.near[node * LETTERS + code - A] as number) : -1;
    const first = this.firstChild[node] as number;
    const end = first + (this.childCount[node] as number);
    for (let child = first; child < end; child++) {
      const own = this.letter[child] as number;
      if (own === code) return child;
      if (own > code) return -1;
    }
    return -1;
  }

  /** Whether `word` is in the trie. */
  has(word: string): boolean {
    const node = this.walk(0, word, 0, word.length);
    return node !== -1 && this.ends[node] === 1;
  }

  /** Whether some word begins with `prefix`. */
  begins(prefix: string): boolean {
    return this.walk(0, prefix, 0, prefix.length) !== -1;
  }

  /**
   * The words one slip from `word` (Damerau distance 1: a letter dropped, two neighbours swapped, a letter added or
   * changed), `word` itself left out. In the order Norvig's speller meets them: by the place of the slip, then
   * dropped, swapped, and each letter from a to z added there, then put there instead.
   */
  oneSlipFrom(word: string): string[] {
    const found: string[] = [];
    const length = word.length;
    let head = 0;
    for (let i = 0; i <= length; i++) {
      if (i > 0) head = this.child(head, word.charCodeAt(i - 1));
      // Every slip from here on keeps the first i letters: where no word begins so, none is one slip away.
      if (head === -1) break;
      if (i < length && this.endsAt(this.walk(head, word, i + 1, length))) addSlip(found, word, word.slice(0, i) + word.slice(i + 1));
      if (i + 1 < length) {
        const swapped = this.childOrNone(this.child(head, word.charCodeAt(i + 1)), word.charCodeAt(i));
        if (swapped !== -1 && this.endsAt(this.walk(swapped, word, i + 2, length))) addSlip(found, word, word.slice(0, i) + (word[i + 1] ?? '') + (word[i] ?? '') + word.slice(i + 2));
      }
      const first = this.firstChild[head] as number;
      const end = first + (this.childCount[head] as number);
      for (let child = first; child < end; child++) {
        if (this.endsAt(this.walk(child, word, i, length))) addSlip(found, word, word.slice(0, i) + this.letterOf(child) + word.slice(i));
        if (i < length && this.endsAt(this.walk(child, word, i + 1, length))) addSlip(found, word, word.slice(0, i) + this.letterOf(child) + word.slice(i + 1));
      }
    }
    return found;
  }

  /**
   * The words `typed` is a slip of the fingers of: with two neighbouring letters swapped back, or with a letter
   * struck twice struck once ("livve": live).
   */
  slipsOfFingersFrom(typed: string): string[] {
    const found: string[] = [];
    let head = 0;
    for (let at = 0; at + 1 < typed.length && head !== -1; at++) {
      const a = typed.charCodeAt(at);
      const b = typed.charCodeAt(at + 1);
      const undone = a === b ? this.walk(head, typed, at + 1, typed.length) : this.walk(this.childOrNone(this.child(head, b), a), typed, at + 2, typed.length);
      if (this.endsAt(undone)) addSlip(found, typed, a === b ? typed.slice(0, at) + typed.slice(at + 1) : typed.slice(0, at) + typed[at + 1] + typed[at] + typed.slice(at + 2));
      head = this.child(head, a);
    }
    return found;
  }

  private letterOf(node: number): string {
    return String.fromCharCode(this.letter[node] as number);
  }

  private endsAt(node: number): boolean {
    return node !== -1 && this.ends[node] === 1;
  }

  private childOrNone(node: number, code: number): number {
    return node === -1 ? -1 : this.child(node, code);
  }
}

/** Adds a word found one slip from `typed` (a slip may undo itself: "aab" with its "aa" swapped), once. */
function addSlip(found: string[], typed: string, word: string): void {
  if (word !== typed && !found.includes(word)) found.push(word);
}

/** The trie as built from sorted words: each node's first child and next sibling, its letter, and whether a word ends there. */
function linkedTrie(words: readonly string[]): { firstChild: Int32Array; nextSibling: Int32Array; letter: Uint8Array; ends: Uint8Array } {
  let capacity = 1;
  for (const word of words) capacity += word.length;
  const firstChild = new Int32Array(capacity).fill(-1);
  const nextSibling = new Int32Array(capacity).fill(-1);
  const letter = new Uint8Array(capacity);
  const ends = new Uint8Array(capacity);
  // The nodes of the word before, by depth, and each one's last child: in sorted order a word shares the first
  // letters of the one before it, and every node it adds is the last child of its parent.
  const path = [0];
  const lastChild = [-1];
  let previous = '';
  let count = 1;
  for (const word of words) {
    let shared = 0;
    while (shared < word.length && shared < previous.length && word[shared] === previous[shared]) shared++;
    path.length = shared + 1;
    lastChild.length = shared + 1;
    for (let depth = shared; depth < word.length; depth++) {
      const node = count++;
      letter[node] = word.charCodeAt(depth);
      const last = lastChild[depth] as number;
      if (last === -1) firstChild[path[depth] as number] = node;
      else nextSibling[last] = node;
      lastChild[depth] = node;
      path.push(node);
      lastChild.push(-1);
    }
    ends[path[word.length] as number] = 1;
    previous = word;
  }
  return { firstChild: firstChild.subarray(0, count), nextSibling: nextSibling.subarray(0, count), letter: letter.subarray(0, count), ends: ends.subarray(0, count) };
}
