import type { Chunk, Note, NoteMeta, SkippedFile } from '../types.js';
import { builtInAbbreviations, findAbbreviations, type Abbreviation } from '../search/abbreviations.js';
import { SearchIndex } from '../search/index.js';
import { runInSlices, runToEnd, type Steps } from '../steps.js';
import { DEFAULT_CHUNK_OPTIONS, chunkNote, type ChunkOptions } from './chunk.js';
import { EMPTY_META, parseFrontMatter } from './frontmatter.js';
import { loadNoteFiles, type LoadedFile } from './load.js';
import { parseNote } from './markdown.js';

export interface BuildOptions {
  maxNoteBytes: number;
  chunking?: ChunkOptions;
}

/** Everything built from one read of the knowledge folder; replaced whole on rebuild. */
export interface Knowledge {
  notes: Note[];
  index: SearchIndex;
  skipped: SkippedFile[];
  /** Problems that did not stop a note from loading (bad front matter). */
  warnings: SkippedFile[];
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
  notes: Note[];
  index: SearchIndex;
  warnings: SkippedFile[];
}

/** Parsing, chunking and indexing as steps (see steps.ts), one note per step, then the index's own. */
export function* indexSteps(files: LoadedFile[], chunking: ChunkOptions = DEFAULT_CHUNK_OPTIONS): Steps<IndexedNotes> {
  const notes: Note[] = [];
  const chunks: Chunk[] = [];
  const meta = new Map<string, NoteMeta>();
  const warnings: SkippedFile[] = [];
  const abbreviations: Abbreviation[] = builtInAbbreviations();
  for (const { file, text } of files) {
    const { frontMatter, blocks } = parseNote(text);
    let noteMeta = EMPTY_META;
    if (frontMatter !== undefined) {
      const result = parseFrontMatter(frontMatter);
      noteMeta = result.meta;
      if (!result.ok) warnings.push({ file, reason: result.problem });
    }
    notes.push({ file, text, meta: noteMeta });
    meta.set(file, noteMeta);
    const firstUnit = (chunks.at(-1)?.unit ?? -1) + 1;
    const drafts = chunkNote(text, blocks, chunking);
    const units = new Map<number, number>();
    for (const draft of drafts) {
      const unit = units.get(draft.unit) ?? firstUnit + units.size;
      units.set(draft.unit, unit);
      chunks.push({ ...draft, id: chunks.length, file, unit });
    }
    abbreviations.push(...findAbbreviations(text));
    yield;
  }
  const index = yield* SearchIndex.steps({ chunks, meta, abbreviations });
  return { notes, index, warnings };
}
