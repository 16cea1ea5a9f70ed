import type { Chunk } from '../types.js';
import { bulletLabel, listIntro, openingHeading, pseudoHeading, titleLine } from './labels.js';
import { LineMap } from './lines.js';
import type { Block } from './markdown.js';
import { splitSentences } from './sentences.js';
import { Q_LABEL } from '../search/question-lines.js';

export interface ChunkOptions {
  /** A block or bullet subtree up to this size stays one piece; larger ones are split along their structure. */
  maxChars: number;
  /** Neighbouring small pieces of one section are packed together up to this size. */
  packChars: number;
}

export const DEFAULT_CHUNK_OPTIONS: Readonly<ChunkOptions> = Object.freeze({ maxChars: 900, packChars: 600 });

/** A chunk before it has a place in the index; `unit` counts from 0 within the note. */
export type ChunkDraft = Omit<Chunk, 'id' | 'file'>;

/** A contiguous piece of the note before packing; offsets into the note text. */
interface Piece {
  start: number;
  end: number;
  headings: string[];
  bullets: string[];
  /** Part of a long paragraph cut at sentences: quoted by offsets, never packed. */
  partial: boolean;
  /** Pieces of different groups (split by headings and `---`) are never packed together. */
  group: number;
  /** The lead-in of a bullet too large to keep whole: it opens a chunk, together with what follows it. */
  head: boolean;
  /** The section it belongs to (see `Chunk.unit`); pieces of different units are never packed together. */
  unit: number;
}

const PSEUDO_HEADING_DEPTH = 7;
const WHOLE_BLOCKS = new Set(['code', 'table', 'html']);

/** Cuts a parsed note into chunks along its headings and bullet outline, with exact line ranges. */
export function chunkNote(text: string, blocks: Block[], options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): ChunkDraft[] {
  const lines = new LineMap(text);
  const pieces: Piece[] = [];
  const stack: { depth: number; title: string }[] = [];
  let group = 0;
  let unit = 0;
  // Pieces share one list of headings until the headings change; nothing mutates it.
  let headings: string[] = [];
  const setHeadings = () => {
    headings = stack.map((entry) => entry.title);
  };

  const size = (block: Block) => lines.endOf(block.endLine) - lines.startOf(block.startLine);
  const push = (block: Block, bullets: string[], head = false, startLine = block.startLine) => {
    pieces.push({ start: lines.startOf(startLine), end: lines.endOf(block.endLine), headings, bullets, partial: false, group, head, unit });
  };

  const addBlock = (block: Block, bullets: string[]): void => {
    if (block.kind === 'list') return addList(block, bullets);
    if (size(block) <= options.maxChars || WHOLE_BLOCKS.has(block.kind)) return push(block, bullets);
    if (block.kind === 'paragraph') {
      const start = lines.startOf(block.startLine);
      const end = lines.endOf(block.endLine);
      for (const [from, to] of splitSentences(text, start, end, options.maxChars)) {
        pieces.push({ start: from, end: to, headings, bullets, partial: true, group, head: false, unit });
      }
      return;
    }
    if (block.children.length > 0) {
      for (const child of block.children) addBlock(child, bullets);
      return;
    }
    push(block, bullets);
  };

  // Items are separate pieces even when the list is small: packing joins neighbours back up to packChars.
  // In an outline with no heading above it, each top-level item of a long list is a section of its own.
  const addList = (list: Block, bullets: string[], outline = false): void => {
    for (const item of list.children) {
      if (outline) unit++;
      addItem(item, bullets);
    }
  };

  const addItem = (item: Block, bullets: string[]): void => {
    if (size(item) <= options.maxChars || item.children.length === 0) return push(item, bullets);
    const label = bulletLabel(item);
    const inner = label ? [...bullets, label] : bullets;
    item.children.forEach((child, i) => {
      if (child.kind === 'list') addList(child, inner);
      else if (i === 0 && size(child) <= options.maxChars) push(child, bullets, true, item.startLine);
      else addBlock(child, bullets);
    });
  };

  let previous: Block | undefined;
  const title = titleLine(blocks);
  for (const block of blocks) {
    if (block === title) {
      stack.push({ depth: 1, title: block.text ?? '' });
      setHeadings();
      group++;
      unit++;
      previous = block;
      continue;
    }
    const opening = block.kind === 'paragraph' ? openingHeading(block, text.slice(lines.startOf(block.startLine), lines.endOf(block.startLine))) : undefined;
    if (opening !== undefined && size(block) <= options.maxChars) {
      // Its first line heads it, as a bold paragraph of its own would: a section of its own, without that line.
      if (stack.at(-1)?.depth === PSEUDO_HEADING_DEPTH) stack.pop();
      stack.push({ depth: PSEUDO_HEADING_DEPTH, title: opening });
      setHeadings();
      group++;
      unit++;
      push(block, [], false, block.startLine + 1);
      previous = block;
      continue;
    }
    if (block.kind === 'heading' || block.kind === 'rule' || pseudoHeading(block) !== undefined) unit++;
    if (block.kind === 'heading') {
      while (stack.length > 0 && (stack.at(-1)?.depth ?? 0) >= (block.depth ?? 1)) stack.pop();
      if (block.text) stack.push({ depth: block.depth ?? 1, title: block.text });
      setHeadings();
      group++;
    } else if (block.kind === 'rule') {
      if (stack.at(-1)?.depth === PSEUDO_HEADING_DEPTH) stack.pop();
      setHeadings();
      group++;
    } else if (pseudoHeading(block) !== undefined) {
      if (stack.at(-1)?.depth === PSEUDO_HEADING_DEPTH) stack.pop();
      stack.push({ depth: PSEUDO_HEADING_DEPTH, title: pseudoHeading(block) ?? '' });
      setHeadings();
      group++;
    } else if (block.kind === 'list') {
      // Only a list too large to pack whole is named after its intro; the size is the cheaper test.
      const intro = size(block) > options.packChars ? listIntro(previous) : undefined;
      const outline = size(block) > options.packChars && !stack.some((entry) => entry.depth < PSEUDO_HEADING_DEPTH);
      addList(block, intro ? [intro] : [], outline);
      if (outline) unit++;
    } else {
      // A FAQ's "Q: …" opens a piece of its own, as a heading would: packed with its neighbours, one pair's answer
      // was ranked, and quoted, by the words of the pairs beside it.
      if (block.kind === 'paragraph' && Q_LABEL.test(text.slice(lines.startOf(block.startLine), lines.endOf(block.startLine)))) {
        group++;
        unit++;
      }
      addBlock(block, []);
    }
    previous = block;
  }
  return pack(pieces, options.packChars).map((piece) => toDraft(text, lines, piece));
}

function pack(pieces: Piece[], packChars: number): Piece[] {
  const packed: Piece[] = [];
  let onlyHeads = false;
  for (const piece of pieces) {
    const last = packed.at(-1);
    if (
      last &&
      (!piece.head || onlyHeads) &&
      !last.partial &&
      !piece.partial &&
      last.group === piece.group &&
      last.unit === piece.unit &&
      sameList(last.headings, piece.headings) &&
      startsWith(piece.bullets, last.bullets) &&
      piece.end - last.start <= packChars
    ) {
      last.end = piece.end;
      onlyHeads &&= piece.head;
    } else {
      packed.push({ ...piece });
      onlyHeads = piece.head;
    }
  }
  return packed;
}

function toDraft(text: string, lines: LineMap, piece: Piece): ChunkDraft {
  const startLine = lines.lineOf(piece.start);
  const endLine = lines.lineOf(Math.max(piece.start, piece.end - 1));
  return {
    startLine,
    endLine,
    section: [...piece.headings, ...piece.bullets],
    text: text.slice(piece.start, piece.end).trimEnd(),
    unit: piece.unit,
  };
}

function sameList(a: string[], b: string[]): boolean {
  return a === b || (a.length === b.length && a.every((value, i) => value === b[i]));
}

function startsWith(list: string[], prefix: string[]): boolean {
  return prefix.length <= list.length && prefix.every((value, i) => value === list[i]);
}
