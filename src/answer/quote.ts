import { compounds, joinedStem, tokenize, type Token } from '../search/analyze.js';

export interface Quote {
  /** The quoted lines, dedented, in the note's Markdown. */
  lines: string[];
  /** Words of the quote, as written, that matched the question. */
  highlights: string[];
  /** The first and last line of the chunk the quote spans (0-based, from the chunk's first line), bullets above it aside. */
  span: [number, number];
}

const WHOLE_CHUNK_LINES = 6;
const WHOLE_CHUNK_CHARS = 600;
const MAX_SPAN = 8;
const MAX_CHILDREN = 4;
const LONG_LINE = 320;
const MAX_ANCESTORS = 3;

/**
 * The lines (or, in a long paragraph, the sentences) of a chunk that answer: the best-matching one, its
 * close rivals when they are near, and the bullets nested under the last of them.
 */
export function selectQuote(text: string, weights: ReadonlyMap<string, number>): Quote {
  const { units, lineOf } = toUnits(text);
  const scores = units.map((unit) => scoreUnit(unit, weights));
  const structured = tableRows(units, scores) ?? questionAndAnswer(units, scores);
  if (structured) {
    const lines = dedent(structured.map((i) => units[i] ?? ''));
    return { lines, highlights: highlightsIn(lines.join('\n'), weights), span: [lineOf[structured[0] ?? 0] ?? 0, lineOf[structured.at(-1) ?? 0] ?? 0] };
  }
  const chars = units.reduce((sum, unit) => sum + unit.length, 0);
  let from = 0;
  let to = units.length - 1;
  const hasCode = units.some((unit) => /^\s*(```|~~~)/.test(unit));
  if (!(hasCode || (units.length <= WHOLE_CHUNK_LINES && chars <= WHOLE_CHUNK_CHARS))) {
    const best = scores.indexOf(Math.max(...scores));
    const near = scores.map((score, i) => (score >= 0.5 * (scores[best] ?? 0) && score > 0 ? i : -1)).filter((i) => i >= 0);
    from = Math.min(...near, best);
    to = Math.max(...near, best);
    if (to - from >= MAX_SPAN) from = to = best;
    const indent = indentOf(units[to] ?? '');
    let children = 0;
    while (to + 1 < units.length && children < MAX_CHILDREN && indentOf(units[to + 1] ?? '') > indent) {
      to++;
      children++;
    }
  }
  if (from === to) [from, to] = withSiblings(units, from);
  const above = ancestors(units, from);
  const lines = dedent([...above.map((i) => units[i] ?? ''), ...units.slice(from, to + 1)]);
  return { lines, highlights: highlightsIn(lines.join('\n'), weights), span: [lineOf[above[0] ?? from] ?? 0, lineOf[to] ?? 0] };
}

const TABLE_ROW = /^\s*\|/;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}/;
const MAX_ROWS = 5;

/**
 * A table is quoted as its header and the rows that match best ("who owns billing?" → the billing row
 * under "Service | Database | Owner"); undefined when the chunk is not one table with rows to choose from.
 */
function tableRows(units: string[], scores: number[]): number[] | undefined {
  if (units.length < 4 || !units.every((unit) => TABLE_ROW.test(unit)) || !TABLE_RULE.test(units[1] ?? '')) return undefined;
  const rows = scores.slice(2);
  const best = Math.max(...rows);
  if (best <= 0) return undefined;
  const picked = rows.flatMap((score, i) => (score >= 0.5 * best ? [i + 2] : []));
  return picked.length > MAX_ROWS ? undefined : [0, 1, ...picked];
}

const QUESTION_LINE = /^\s*(?:[-*]\s*)?(?:\*\*)?(?:Q|Question)\s*[:.)]/i;

/**
 * In a "Q: … / A: …" FAQ, the pair whose question and answer match best, so that the answer is quoted
 * rather than the question alone; undefined when the chunk holds no such pairs.
 */
function questionAndAnswer(units: string[], scores: number[]): number[] | undefined {
  const starts = units.flatMap((unit, i) => (QUESTION_LINE.test(unit) ? [i] : []));
  if (starts.length === 0 || starts.length === units.length) return undefined;
  let best: [number, number] | undefined;
  let bestScore = 0;
  starts.forEach((start, n) => {
    const end = (starts[n + 1] ?? units.length) - 1;
    const score = scores.slice(start, end + 1).reduce((sum, value) => sum + value, 0);
    if (score > bestScore && end > start) [best, bestScore] = [[start, end], score];
  });
  if (!best) return undefined;
  const [start, end] = best;
  return Array.from({ length: Math.min(end, start + MAX_SPAN) - start + 1 }, (_, i) => start + i);
}

/** Lines of the chunk, with the line each came from; a very long line is cut into its sentences. */
function toUnits(text: string): { units: string[]; lineOf: number[] } {
  const units: string[] = [];
  const lineOf: number[] = [];
  text.split('\n').forEach((line, n) => {
    if (line.trim() === '') return;
    const parts = line.length <= LONG_LINE ? [line] : (line.match(/[^.!?]+(?:[.!?]+["')\]]*\s*|$)/g) ?? [line]).map((s) => s.trim()).filter(Boolean);
    for (const part of parts) {
      units.push(part);
      lineOf.push(n);
    }
  });
  return units.length > 0 ? { units, lineOf } : { units: [text.trim()], lineOf: [0] };
}

function scoreUnit(unit: string, weights: ReadonlyMap<string, number>): number {
  const tokens = tokenize(unit);
  const seen = new Set<string>();
  let score = 0;
  for (const stem of [...tokens.map((t) => t.stem), ...compounds(tokens, unit).map((c) => c.stem)]) {
    const weight = weights.get(stem);
    if (weight !== undefined && !seen.has(stem)) {
      seen.add(stem);
      score += weight;
    }
  }
  return score;
}

function highlightsIn(text: string, weights: ReadonlyMap<string, number>): string[] {
  const found = new Set<string>();
  const tokens = tokenize(text);
  const written = (token: Token) => text.slice(token.offset, token.offset + token.surface.length);
  for (const token of tokens) if (!token.stop && weights.has(token.stem)) found.add(written(token));
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    if (previous && weights.has(joinedStem(previous, token))) {
      found.add(written(previous));
      found.add(written(token));
    }
  });
  return [...found];
}

/** A lone quoted bullet brings its parent and its few siblings: "not suitable for: stateful apps, daemon sets". */
function withSiblings(units: string[], index: number): [number, number] {
  const indent = indentOf(units[index] ?? '');
  let parent = index - 1;
  while (parent >= 0 && indentOf(units[parent] ?? '') >= indent) parent--;
  if (parent < 0 || indent === 0) return [index, index];
  const parentIndent = indentOf(units[parent] ?? '');
  let end = parent;
  while (end + 1 < units.length && indentOf(units[end + 1] ?? '') > parentIndent) end++;
  return end - parent <= MAX_CHILDREN ? [parent, end] : [index, index];
}

/** The bullets above a quoted line, nearest last: its context in an outline. */
function ancestors(units: string[], index: number): number[] {
  const chain: number[] = [];
  let indent = indentOf(units[index] ?? '');
  for (let i = index - 1; i >= 0 && chain.length < MAX_ANCESTORS && indent > 0; i--) {
    const line = units[i] ?? '';
    if (indentOf(line) < indent && /^\s*([-*+]|\d+[.)])\s/.test(line)) {
      chain.unshift(i);
      indent = indentOf(line);
    }
  }
  return chain;
}

function indentOf(line: string): number {
  return /^\s*/.exec(line)?.[0].length ?? 0;
}

function dedent(lines: string[]): string[] {
  const indent = Math.min(...lines.filter((line) => line.trim()).map(indentOf));
  return lines.map((line) => line.slice(Number.isFinite(indent) ? indent : 0).trimEnd());
}
