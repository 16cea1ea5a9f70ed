/** Three rows of the distance table, reused from call to call (the speller calls this for every candidate). */
let rows = new Int32Array(3 * 64);

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), giving up early: returns
 * `max + 1` for any distance over `max`. Only the band of cells within `max` of the diagonal is worked out;
 * cells outside it hold more than `max` whatever the strings, so they are written as `max + 1`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  const big = max + 1;
  const width = n + 1;
  if (rows.length < 3 * width) rows = new Int32Array(6 * width);
  let before = 0;
  let prev = width;
  let current = 2 * width;
  for (let j = 0; j <= n; j++) {
    rows[before + j] = big;
    rows[prev + j] = Math.min(j, big);
  }
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(n, i + max);
    rows[current] = Math.min(i, big);
    if (lo > 1) rows[current + lo - 1] = big;
    let rowMin = lo > 1 ? big : (rows[current] ?? big);
    const ai = a.charCodeAt(i - 1);
    const aBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min((rows[prev + j] ?? big) + 1, (rows[current + j - 1] ?? big) + 1, (rows[prev + j - 1] ?? big) + (ai === bj ? 0 : 1));
      if (j > 1 && ai === b.charCodeAt(j - 2) && aBefore === bj) value = Math.min(value, (rows[before + j - 2] ?? big) + 1);
      if (value > big) value = big;
      rows[current + j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (hi < n) rows[current + hi + 1] = big;
    if (rowMin > max) return big;
    [before, prev, current] = [prev, current, before];
  }
  return Math.min(rows[prev + n] ?? big, big);
}

/**
 * Whether `editDistance(a, b, 1) === 1`, without a table: after the common prefix, what is left must match
 * once one letter is changed, dropped, added, or swapped with its neighbour. The speller runs this on every
 * candidate of a one-edit lookup.
 */
export function oneEditApart(a: string, b: string): boolean {
  const m = a.length;
  const n = b.length;
  if (m === n) {
    let i = 0;
    while (i < m && a.charCodeAt(i) === b.charCodeAt(i)) i++;
    if (i === m) return false;
    if (sameFrom(a, i + 1, b, i + 1)) return true;
    return i + 1 < m && a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i) && sameFrom(a, i + 2, b, i + 2);
  }
  if (Math.abs(m - n) !== 1) return false;
  const [long, short] = m > n ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && long.charCodeAt(i) === short.charCodeAt(i)) i++;
  return sameFrom(long, i + 1, short, i);
}

/** Whether `a` from `i` on and `b` from `j` on are the same text. */
function sameFrom(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}

/** Counts of ASCII letters, reused by `lettersApart`: each call leaves it all zeros. */
const letterCounts = new Int16Array(128);

/**
 * How far apart two words are by their letters alone, order aside: the larger of the letters one has beyond the
 * other's and the other way round. No edit changes it by more than one, and a swap of neighbours not at all, so it
 * never exceeds the edit distance: a word that many letters apart needs no distance worked out. 0 for a word
 * outside ASCII, which tells nothing.
 */
export function lettersApart(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) if (a.charCodeAt(i) >= 128) return 0;
  for (let i = 0; i < b.length; i++) if (b.charCodeAt(i) >= 128) return 0;
  for (let i = 0; i < a.length; i++) letterCounts[a.charCodeAt(i)] = (letterCounts[a.charCodeAt(i)] as number) + 1;
  for (let i = 0; i < b.length; i++) letterCounts[b.charCodeAt(i)] = (letterCounts[b.charCodeAt(i)] as number) - 1;
  let extra = 0;
  let missing = 0;
  for (let i = 0; i < a.length; i++) {
    const code = a.charCodeAt(i);
    const count = letterCounts[code] as number;
    if (count > 0) {
      extra += count;
      letterCounts[code] = 0;
    }
  }
  // Every letter left counted, either way, is one of b's.
  for (let i = 0; i < b.length; i++) {
    const code = b.charCodeAt(i);
    const count = letterCounts[code] as number;
    if (count < 0) missing -= count;
    letterCounts[code] = 0;
  }
  return Math.max(extra, missing);
}
