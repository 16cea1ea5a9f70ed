import type { Chunk, Note, NoteMeta, SkippedFile } from '../types.js';
import { builtInAbbreviations, findAbbreviations, withoutAmbiguousNames, type Abbreviation } from '../search/abbreviations.js';
import { SearchIndex } from '../search/index.js';
import { runInSlices, runToEnd, type Steps } from '../steps.js';
import { DEFAULT_CHUNK_OPTIONS, chunkNote, type ChunkDraft, type ChunkOptions } from './chunk.js';
import { withoutComments } from './comments.js';
import { withErbRead } from './erb.js';
import { withoutMarkup } from './markup.js';
import { withIndentedBlocksRead } from './indented-blocks.js';
import { pageProperties } from './page-properties.js';
import { EMPTY_META, parseFrontMatter } from './frontmatter.js';
import { isTemplatedMarkdown, loadNoteFiles, type LoadedFile } from './load.js';
import { listItemRunsTooLong, nestsTooDeep } from '../markdown-limits.js';
import { parseNote, parsePlainNote, type ParsedNote } from './markdown.js';
import { compareNotePaths } from './note-order.js';

export interface BuildOptions {
  maxNoteBytes: number;
  chunking?: ChunkOptions;
}

/**
 * Everything built from one read of the knowledge folder. A rebuild replaces it whole; an edit of a few notes
 * updates it in place (see update.ts), at once, so a question never sees half an edit.
 */
export interface Knowledge extends IndexedNotes {
  skipped: SkippedFile[];
  buildMs: number;
  builtAt: Date;
}

/**
 * Reads the folder and builds the index, in slices that let the event loop run between them: a rebuild
 * while serving leaves the chat connections answering from the old index. Throws when the folder is
 * missing or holds no notes.
 */
export async function buildKnowledge(dir: string, options: BuildOptions): Promise<Knowledge> {
  const started = performance.now();
  const { files, skipped } = await loadNoteFiles(dir, { maxBytes: options.maxNoteBytes });
  const indexed = await runInSlices(indexSteps(files, options.chunking));
  return { ...indexed, skipped, buildMs: performance.now() - started, builtAt: new Date() };
}

/** Parses, chunks and indexes notes already read, at once. */
export function indexNotes(files: LoadedFile[], chunking: ChunkOptions = DEFAULT_CHUNK_OPTIONS): IndexedNotes {
  return runToEnd(indexSteps(files, chunking));
}

export interface IndexedNotes {
  /** In the order of the notes (see `compareNotePaths`). */
  notes: Note[];
  index: SearchIndex;
  /** Problems that did not stop a note from loading (bad front matter). */
  warnings: SkippedFile[];
  /** Abbreviations each note defines, by file, for re-assembling the list after an edit. */
  abbreviations: Map<string, Abbreviation[]>;
  chunking: ChunkOptions;
}

/** One note parsed and cut into chunks, before it has a place in the index. */
export interface PreparedNote {
  note: Note;
  drafts: ChunkDraft[];
  abbreviations: Abbreviation[];
  /** Why its front matter was ignored, if it was. */
  warning?: SkippedFile;
}

/** Parses one note: front matter, chunks, the abbreviations it defines. The build and an edit share it. */
export function prepareNote({ file, text }: LoadedFile, chunking: ChunkOptions): PreparedNote {
  // Read as a reader sees it: comments and markup-only lines blanked, MkDocs boxes out of their indent, and Logseq's
  // page properties taken as front matter, every line where it was (see erb.ts, comments.ts, markup.ts,
  // indented-blocks.ts and page-properties.ts).
  const rendered = isTemplatedMarkdown(file) ? withErbRead(text) : text;
  const uncommented = withIndentedBlocksRead(withoutMarkup(withoutComments(rendered)));
  const properties = pageProperties(uncommented);
  const visible = properties?.text ?? uncommented;
  const { parsed, drafts, plain } = readBlocks(visible, chunking);
  const problems: string[] = [];
  let meta: NoteMeta = properties?.meta ?? EMPTY_META;
  if (parsed.frontMatter !== undefined) {
    const result = parseFrontMatter(parsed.frontMatter);
    meta = result.meta;
    if (!result.ok) problems.push(result.problem);
  }
  // A docs site shows the front matter's title as the first heading of a page that has none of its own.
  if (meta.title && !parsed.blocks.some((block) => block.kind === 'heading' && block.depth === 1)) meta = { ...meta, heading: meta.title };
  if (plain) problems.push(`${plain}: read as plain paragraphs`);
  const warning = problems.length > 0 ? { file, reason: problems.join('; ') } : undefined;
  return { note: { file, text, meta }, drafts, abbreviations: findAbbreviations(visible), ...(warning ? { warning } : {}) };
}

const NESTED_TOO_DEEP = 'lists or quotes are nested too deep to read as an outline';
const ITEM_TOO_LONG = 'a list item runs on for too many lines to read as an outline';

/**
 * A note's blocks and chunks; one the Markdown reading cannot take in reasonable time (nested too deep, or a list
 * item of thousands of lines) is read as plain paragraphs, and `plain` says why.
 */
function readBlocks(text: string, chunking: ChunkOptions): { parsed: ParsedNote; drafts: ChunkDraft[]; plain?: string } {
  let plain = nestsTooDeep(text) ? NESTED_TOO_DEEP : listItemRunsTooLong(text) ? ITEM_TOO_LONG : undefined;
  if (!plain) {
    try {
      const parsed = parseNote(text);
      return { parsed, drafts: chunkNote(text, parsed.blocks, chunking) };
    } catch (error) {
      // The lexer and the chunker recurse by nesting: on a smaller stack than the check above allows for, one
      // such note must still not stop the whole folder from being served.
      if (!(error instanceof RangeError)) throw error;
      plain = NESTED_TOO_DEEP;
    }
  }
  const parsed = parsePlainNote(text);
  return { parsed, drafts: chunkNote(text, parsed.blocks, chunking), plain };
}

/** Every abbreviation in force: the built-in ones, then each note's in the order of the notes. */
export function abbreviationsOf(notes: readonly Note[], byFile: ReadonlyMap<string, Abbreviation[]>): Abbreviation[] {
  const all = builtInAbbreviations();
  for (const note of notes) all.push(...(byFile.get(note.file) ?? []));
  return withoutAmbiguousNames(all);
}

/**
 * Parsing, chunking and indexing as steps (see steps.ts), one note per step, then the index's own. Notes are
 * taken in the order the folder is read, whatever order they come in, so that an edited index and a fresh
 * build agree on it.
 */
export function* indexSteps(files: LoadedFile[], chunking: ChunkOptions = DEFAULT_CHUNK_OPTIONS): Steps<IndexedNotes> {
  const ordered = isOrdered(files) ? files : [...files].sort((a, b) => compareNotePaths(a.file, b.file));
  const notes: Note[] = [];
  const chunks: Chunk[] = [];
  const meta = new Map<string, NoteMeta>();
  const warnings: SkippedFile[] = [];
  const abbreviations = new Map<string, Abbreviation[]>();
  for (const file of ordered) {
    const prepared = prepareNote(file, chunking);
    if (prepared.warning) warnings.push(prepared.warning);
    notes.push(prepared.note);
    meta.set(file.file, prepared.note.meta);
    const firstUnit = (chunks.at(-1)?.unit ?? -1) + 1;
    const units = new Map<number, number>();
    for (const draft of prepared.drafts) {
      const unit = units.get(draft.unit) ?? firstUnit + units.size;
      units.set(draft.unit, unit);
      // Spelt out rather than spread: a spread copies through a slow generic path, once per chunk.
      chunks.push({ startLine: draft.startLine, endLine: draft.endLine, section: draft.section, text: draft.text, unit, id: chunks.length, file: file.file });
    }
    if (prepared.abbreviations.length > 0) abbreviations.set(file.file, prepared.abbreviations);
    yield;
  }
  const index = yield* SearchIndex.steps({ chunks, meta, abbreviations: abbreviationsOf(notes, abbreviations) });
  return { notes, index, warnings, abbreviations, chunking };
}

function isOrdered(files: readonly LoadedFile[]): boolean {
  for (let i = 1; i < files.length; i++) if (compareNotePaths((files[i - 1] as LoadedFile).file, (files[i] as LoadedFile).file) >= 0) return false;
  return true;
}
