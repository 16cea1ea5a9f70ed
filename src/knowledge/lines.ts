/** Maps character offsets of a text to 1-based line numbers and back. */
export class LineMap {
  private readonly starts: number[] = [0];
  private readonly length: number;

  constructor(text: string) {
    this.length = text.length;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** 1-based line of the character at `offset`. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** Offset of the first character of a 1-based line. */
  startOf(line: number): number {
    return this.starts[line - 1] ?? 0;
  }

  /** Offset just past the last character of a 1-based line (its newline excluded). */
  endOf(line: number): number {
    const next = this.starts[line];
    return next === undefined ? this.length : next - 1;
  }
}

export function countLines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** Newlines in `text.trim()` (or in `text.trimEnd()` when `trimStart` is false), without making either string. */
export function trimmedLineCount(text: string, trimStart = true): number {
  let start = 0;
  let end = text.length;
  if (trimStart) while (start < end && isTrimmed(text.charCodeAt(start))) start++;
  while (end > start && isTrimmed(text.charCodeAt(end - 1))) end--;
  let count = 0;
  for (let i = text.indexOf('\n', start); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

const WHITE_SPACE = /\s/;

/** The white space `String.prototype.trim` removes (the same set as `\s`). */
function isTrimmed(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || (code > 127 && WHITE_SPACE.test(String.fromCharCode(code)));
}
