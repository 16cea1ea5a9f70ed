import { TABLE_ROW } from '../search/table-records.js';
import { BOLD_QUESTION } from '../search/question-lines.js';
import { BOX_TITLE } from '../knowledge/indented-blocks.js';

/**
 * A chunk cut into the pieces a quote is made of (paragraphs, list items, code blocks, the sentences of a long
 * paragraph), and the outline that ties them: a piece's parent bullets, its siblings, the line that announces its list.
 */

/** The most bullets nested under a quoted piece, siblings beside it or items of the list it announces that come with it. */
export const MAX_CHILDREN = 4;
/** A paragraph longer than this is quoted by its sentences. */
const LONG_TEXT = 320;
const MAX_ANCESTORS = 3;

/** A piece of the chunk that is quoted whole: its text as written, and its first and last line (0-based). */
export interface Unit {
  text: string;
  first: number;
  last: number;
}

/** A fence line; a code block's piece starts with one, and no other piece holds one. */
export const FENCE = /^\s*(```|~~~)/;
/**
 * A line ending in a Markdown hard break (two spaces or more): its writer ended it there, as each line of an address
 * or of a wiki export's paragraphs (`<p>…</p>` a line) is; the line after it is a piece of its own.
 */
const HARD_BREAK = /\S {2,}$/;
/**
 * A line that opens with a label and a colon: "Mon: Ana on PTO.", "**Duration:** 47 minutes", "Date: 2025-06-03".
 * Lines of them one under another are records, each a piece of its own, not a paragraph of sentences.
 */
const LABELLED = /^\s*(?:\*\*|__)?\p{Lu}[\p{L}\d-]*(?: [\p{L}\d-]+){0,2}(?::(?:\*\*|__)?|(?:\*\*|__):)\s/u;

/** A line that starts a block of its own rather than going on with the paragraph or list item above it. */
const BLOCK_START = /^\s*(?:[-*+]\s|\d+[.)]\s|#{1,6}\s|>|\||<|```|~~~|(?:\*\*)?(?:Q|Question|A|Answer)\s*[:.)])/i;

/** Whether the piece at `index` ends with a colon and a code block follows it: the block is what it announces. */
export function introducesCode(units: string[], index: number): boolean {
  return /:\s*$/.test(units[index] ?? '') && FENCE.test(units[index + 1] ?? '');
}

export const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s/;

/**
 * Where the list a piece announces ends: a line ending in a colon says what follows it ("If you want a custom OS:"
 * and the steps below), so the quote goes on through the list's first few items. The piece itself otherwise.
 */
export function throughIntroducedList(units: string[], index: number): number {
  const first = units[index + 1] ?? '';
  if (!/:\s*$/.test(units[index] ?? '') || !LIST_ITEM.test(first) || indentOf(first) < indentOf(units[index] ?? '')) return index;
  const indent = indentOf(first);
  let end = index;
  let items = 0;
  while (end + 1 < units.length && indentOf(units[end + 1] ?? '') >= indent) {
    if (indentOf(units[end + 1] ?? '') === indent && (!LIST_ITEM.test(units[end + 1] ?? '') || ++items > MAX_CHILDREN)) break;
    end++;
  }
  return end;
}

/**
 * Where a short list that starts at `index` ends: its items at that level, with what is nested under them, where
 * there are at most MAX_CHILDREN + 1. The piece itself otherwise, or where it is no list item.
 */
export function throughShortList(units: readonly string[], index: number): number {
  const first = units[index] ?? '';
  if (!LIST_ITEM.test(first)) return index;
  const indent = indentOf(first);
  let end = index;
  let items = 1;
  while (end + 1 < units.length && indentOf(units[end + 1] ?? '') >= indent) {
    const next = units[end + 1] ?? '';
    if (indentOf(next) === indent && (!LIST_ITEM.test(next) || ++items > MAX_CHILDREN + 1)) break;
    end++;
  }
  return items > MAX_CHILDREN + 1 ? index : end;
}

const STEP = /^\s*\d+[.)]\s/;
/** The most steps, and pieces in all (steps, their code blocks and nested bullets), of a procedure quoted whole. */
const MAX_STEPS = 8;
const MAX_PROCEDURE_PIECES = 16;

/**
 * The pieces `from` to `to` widened to whole numbered lists, where they start or end in a short one: a procedure's
 * steps are read together, and step 2 of "how do I restore a backup" is not how to do it without step 1. A code
 * block between steps belongs to the step before it, as notes often leave it unindented. A long list is left as it is.
 */
export function wholeProcedure(units: readonly string[], from: number, to: number): [number, number] {
  return [stepsAround(units, from)?.[0] ?? from, stepsAround(units, to)?.[1] ?? to];
}

/** The first and last piece of the short numbered list that holds piece `at` (a step, or what is nested in one). */
function stepsAround(units: readonly string[], at: number): [number, number] | undefined {
  const unit = (i: number) => units[i] ?? '';
  // The step that holds it: the nearest step at or above it, no deeper than it (a code block may stand level with it).
  let first = at;
  while (first >= 0 && !(STEP.test(unit(first)) && (indentOf(unit(first)) <= indentOf(unit(at)) || FENCE.test(unit(at))))) first--;
  if (first < 0) return undefined;
  const indent = indentOf(unit(first));
  const inList = (i: number) => indentOf(unit(i)) > indent || (indentOf(unit(i)) === indent && (STEP.test(unit(i)) || FENCE.test(unit(i))));
  for (let i = first; i <= at; i++) if (!inList(i)) return undefined;
  while (first > 0 && inList(first - 1)) first--;
  while (!(STEP.test(unit(first)) && indentOf(unit(first)) === indent)) first++;
  let last = at;
  while (last + 1 < units.length && inList(last + 1)) last++;
  let steps = 0;
  for (let i = first; i <= last; i++) if (indentOf(unit(i)) === indent && STEP.test(unit(i))) steps++;
  return steps >= 2 && steps <= MAX_STEPS && last - first + 1 <= MAX_PROCEDURE_PIECES ? [first, last] : undefined;
}

/**
 * The chunk's paragraphs, list items and fenced code blocks, each with its lines: a paragraph (or item) wrapped
 * over several lines is one piece, so a quote never stops mid-sentence at a line break, and a code block is one
 * piece, so it is never cut. A very long paragraph is cut into its sentences.
 */
export function toUnits(text: string): Unit[] {
  const lines = text.split('\n');
  const blocks: Unit[] = [];
  let fence: Unit | undefined;
  lines.forEach((line, n) => {
    if (fence) {
      fence.text += `\n${line}`;
      fence.last = n;
      if (FENCE.test(line)) fence = undefined;
      return;
    }
    if (line.trim() === '') return;
    if (FENCE.test(line)) {
      blocks.push((fence = { text: line, first: n, last: n }));
      return;
    }
    const last = blocks.at(-1);
    const goesOn =
      last !== undefined &&
      ((last.last === n - 1 &&
        !HARD_BREAK.test(lines[n - 1] ?? '') &&
        !(LABELLED.test(line) && LABELLED.test(lines[n - 1] ?? '')) &&
        (quoteGoesOn(lines[n - 1] ?? '', line) || (!BLOCK_START.test(line) && !TABLE_ROW.test(last.text) && !/^\s*#/.test(last.text) && !FENCE.test(last.text) && !BOLD_QUESTION.test(last.text)))) ||
        boxGoesOn(last, line));
    if (goesOn) {
      last.text += `\n${line}`;
      last.last = n;
    } else blocks.push({ text: line, first: n, last: n });
  });
  const units = blocks.flatMap((block) => (block.text.length <= LONG_TEXT || FENCE.test(block.text) ? [block] : sentencesOf(block)));
  return units.length > 0 ? units : [{ text: text.trim(), first: 0, last: 0 }];
}

/** A line of a block quote: its `>` markers, and what it says. */
const QUOTED = /^\s*((?:>\s?)+)(.*)$/;
/** An Obsidian or GitHub callout's first line: `> [!warning] Before a major upgrade`. */
const CALLOUT = /^\[![\w-]+\][+-]?(?:\s|$)/;

/**
 * Whether a line of a block quote goes on with the quoted line above it, as a paragraph's lines do: the same depth of
 * `>`, neither line blank, and the line starting no block of its own (an item, a heading, a new callout). So a
 * callout's title and the lines under it ("> [!warning] Before a major upgrade", "> Take a snapshot …") are one piece,
 * and the title is never quoted without what it announces.
 */
function quoteGoesOn(above: string, line: string): boolean {
  const before = QUOTED.exec(above);
  const now = QUOTED.exec(line);
  if (!before || !now) return false;
  const depth = (markers: string) => markers.replace(/\s/g, '').length;
  const said = now[2] ?? '';
  const saidAbove = before[2] ?? '';
  if (depth(before[1] ?? '') !== depth(now[1] ?? '') || saidAbove.trim() === '' || said.trim() === '') return false;
  return !CALLOUT.test(said) && !BLOCK_START.test(said) && !TABLE_ROW.test(said) && !FENCE.test(saidAbove) && !TABLE_ROW.test(saidAbove) && !/^#{1,6}\s/.test(saidAbove);
}

/**
 * Whether a line is the first of the text under an MkDocs box's title, the piece above being the title alone: the
 * two are one piece across the blank line between them, as a callout's title and its lines are, so that the title
 * is never quoted without what it announces.
 */
function boxGoesOn(above: Unit, line: string): boolean {
  return above.first === above.last && BOX_TITLE.test(above.text) && !BOX_TITLE.test(line) && !FENCE.test(line) && !/^\s*#/.test(line) && !TABLE_ROW.test(line);
}

/**
 * A sentence: up to a full stop, "!" or "?" followed by a space or the end (after any closing quote or bracket), so
 * that `Manpage.md`, `v1.2.3` and `example.com` stay whole.
 */
const SENTENCE = /(?:[^.!?]|[.!?]+(?!["')\]]*(?:\s|$)))+(?:[.!?]+["')\]]*)?\s*|[.!?]+["')\]]*\s*/g;

/** A long paragraph's sentences, each with the lines it spans. */
function sentencesOf(block: Unit): Unit[] {
  const sentences: Unit[] = [];
  // Line breaks are counted on from the last sentence's start, not from the paragraph's: a paragraph of thousands of
  // sentences ("1. 1. 1. …") would cost the square of its length.
  let counted = 0;
  let line = block.first;
  for (const match of block.text.matchAll(SENTENCE)) {
    const sentence = match[0].trim();
    if (sentence === '') continue;
    const start = match.index + match[0].length - match[0].trimStart().length;
    line += countBreaks(block.text, counted, start);
    counted = start;
    sentences.push({ text: sentence, first: line, last: line + countBreaks(sentence, 0, sentence.length) });
  }
  return sentences.length > 0 ? sentences : [block];
}

function countBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) breaks++;
  return breaks;
}

/** A lone quoted bullet brings its parent and its few siblings: "not suitable for: stateful apps, daemon sets". */
export function withSiblings(units: string[], index: number): [number, number] {
  const indent = indentOf(units[index] ?? '');
  let parent = index - 1;
  while (parent >= 0 && indentOf(units[parent] ?? '') >= indent) parent--;
  if (parent < 0 || indent === 0) return [index, index];
  const parentIndent = indentOf(units[parent] ?? '');
  let end = parent;
  while (end + 1 < units.length && indentOf(units[end + 1] ?? '') > parentIndent) end++;
  return end - parent <= MAX_CHILDREN ? [parent, end] : [index, index];
}

/**
 * The bullets above a quoted line, nearest last: its context in an outline. The line that announces a list
 * ("Freeze windows (no prod deploys):") is the parent of its items as much as a bullet is: "- Public holidays in
 * Berlin." says nothing by itself.
 */
export function ancestors(units: readonly string[], index: number): number[] {
  const chain: number[] = [];
  let indent = indentOf(units[index] ?? '');
  for (let i = index - 1; i >= 0 && chain.length < MAX_ANCESTORS && indent > 0; i--) {
    const line = units[i] ?? '';
    if (indentOf(line) < indent && LIST_ITEM.test(line)) {
      chain.unshift(i);
      indent = indentOf(line);
    }
  }
  const lead = leadInOf(units, chain[0] ?? index);
  return lead === undefined ? chain : [lead, ...chain];
}

/** The paragraph ending in a colon right above the list that holds the item at `index`, if any. */
function leadInOf(units: readonly string[], index: number): number | undefined {
  const item = units[index] ?? '';
  if (!LIST_ITEM.test(item)) return undefined;
  const indent = indentOf(item);
  let i = index - 1;
  // Back over the items before it and what is nested under them.
  while (i >= 0 && (indentOf(units[i] ?? '') > indent || (indentOf(units[i] ?? '') === indent && LIST_ITEM.test(units[i] ?? '')))) i--;
  const line = units[i] ?? '';
  return i >= 0 && !LIST_ITEM.test(line) && !FENCE.test(line) && !TABLE_ROW.test(line) && /:\s*$/.test(line) && indentOf(line) <= indent ? i : undefined;
}

export function indentOf(line: string): number {
  return /^\s*/.exec(line)?.[0].length ?? 0;
}

export function dedent(lines: string[]): string[] {
  const indent = Math.min(...lines.filter((line) => line.trim()).map(indentOf));
  return lines.map((line) => line.slice(Number.isFinite(indent) ? indent : 0).trimEnd());
}
