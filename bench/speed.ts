/**
 * Speed and memory of lore against plain Fuse.js over the same chunks, on generated corpora of
 * increasing size. Run with --expose-gc (the npm script does) so heap figures are after a collection.
 */
import { cpus, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import { composeAnswer } from '../src/answer/compose.js';
import { cleanQuestion } from '../src/answer/question.js';
import { indexNotes } from '../src/knowledge/build.js';
import { loadNoteFiles, type LoadedFile } from '../src/knowledge/load.js';
import { search } from '../src/search/search.js';
import type { Chunk } from '../src/types.js';
import { Bm25Reference } from './bm25-reference.js';
import { countChunks, generateCorpus } from './corpus.js';
import { benchEdits } from './edits.js';
import { timeParsers, type ParserTimes } from './parsers.js';
import { freshQueries, makeQueries, type BenchQuery, type QueryKind } from './queries.js';
import { runScript } from './run-script.js';
import { projectRoot } from '../test/project-root.js';
import { parseSpeedArgs, SpeedArgsError, type SpeedArgs } from './speed-args.js';
import { fixed, formatTable, percentile, target, type Cell } from './table.js';

const BUNDLED = join(projectRoot(), 'knowledge');
/** Fuse.js query cap by corpus size, before its time budget. */
const fuseQueryCap = (chunks: number) => (chunks <= 2_000 ? 50 : chunks <= 20_000 ? 20 : 10);
/** Edits timed per corpus size. */
const EDITS = 60;
/** micromark/mdast takes seconds per thousand chunks: it is timed on corpora up to this size only. */
const MDAST_MAX_CHUNKS = 20_000;

/** Edit-to-answerable and parser figures of one corpus size. */
interface EditRow {
  chunks: number;
  buildMs: number;
  edits: number[];
  mixNote: string;
  parsers: ParserTimes | undefined;
  markedMs: number;
}

interface Row {
  chunks: number;
  engine: string;
  buildMs: number;
  parseChunkMs?: number;
  heapMb: number;
  heapDeltaMb: number;
  latencies: number[];
  queriesNote: string;
  /** The kind of each query timed, in the order of `latencies`. */
  kinds?: readonly QueryKind[];
  /** Milliseconds for each query of a set the engine had not met, asked once, after the timed passes. */
  firstSight?: number[];
}

/** JS heap plus ArrayBuffer memory (typed-array postings live outside the heap), after a collection. */
function heapUsed(): number {
  globalThis.gc?.();
  globalThis.gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

const mb = (bytes: number) => bytes / (1024 * 1024);

function time(fn: () => void): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

/** Passes over every query before timing (the JIT compiles hot code only after many calls), then timed passes. */
const WARM_UP_PASSES = 3;
/** Timed passes come in blocks, each engine in turn, so that every engine is timed early and late in the run. */
const BLOCKS = 3;
const PASSES_PER_BLOCK = 3;
const TIMED_PASSES = BLOCKS * PASSES_PER_BLOCK;

/**
 * Per-query milliseconds for each engine: the median of each query's timed passes, after the warm-up passes. One
 * pass alone is mostly the JIT's and the garbage collector's timing at these sizes (tens of microseconds). The
 * engines take turns, a block of passes each, so that host speed, which drifts from second to second on a shared
 * machine, weighs alike on all of them; within a block an engine runs alone, with its own data in the caches.
 */
function latencies(queries: readonly BenchQuery[], runs: readonly ((text: string) => void)[], turns: SpeedArgs['turns']): number[][] {
  for (const run of runs) for (let pass = 0; pass < WARM_UP_PASSES; pass++) for (const query of queries) run(query.text);
  const times = runs.map(() => queries.map(() => [] as number[]));
  const timeOne = (engine: number, i: number) => times[engine]?.[i]?.push(time(() => runs[engine]?.(queries[i]?.text ?? '')));
  for (let block = 0; block < BLOCKS; block++) {
    if (turns === 'query') {
      for (let pass = 0; pass < PASSES_PER_BLOCK; pass++) queries.forEach((_, i) => runs.forEach((_, engine) => timeOne(engine, i)));
    } else {
      runs.forEach((_, engine) => {
        for (let pass = 0; pass < PASSES_PER_BLOCK; pass++) queries.forEach((_, i) => timeOne(engine, i));
      });
    }
  }
  return times.map((engine) => engine.map((each) => percentile(each, 50)));
}

/**
 * Per-query milliseconds for queries each engine meets for the first time, once each, the engines taking turns
 * query by query. The timed passes above repeat their queries, which lets lore keep what it worked out for their
 * words (stems, typo readings, postings with their weights); a new question pays for that work.
 */
function firstSightLatencies(queries: readonly BenchQuery[], runs: readonly ((text: string) => void)[]): number[][] {
  const times = runs.map(() => [] as number[]);
  for (const query of queries) runs.forEach((run, engine) => times[engine]?.push(time(() => run(query.text))));
  return times;
}

function benchSize(requested: number, base: LoadedFile[], args: SpeedArgs, log: (line: string) => void): { rows: Row[]; edits: EditRow } {
  const { seed, fuseBudgetMs } = args;
  let files: LoadedFile[] = [];
  let words: string[] = [];
  const generateMs = time(() => ({ files, words } = generateCorpus({ chunks: requested, seed, base })));
  const queries = makeQueries(words, seed);
  const textMb = mb(files.reduce((sum, file) => sum + file.text.length, 0));

  const parseChunkMs = time(() => countChunks(files));
  const before = heapUsed();
  let built: ReturnType<typeof indexNotes> | undefined;
  const buildMs = time(() => (built = indexNotes(files)));
  if (!built) throw new Error('indexNotes returned nothing');
  const { index } = built;
  const loreHeap = heapUsed();
  const chunks = index.chunks.length;
  log(`${requested} requested: ${files.length} files, ${chunks} chunks, ${fixed(textMb, 1)} MB text, ${index.termCount} terms, ${index.vocabulary.size} distinct words; generated in ${fixed(generateMs / 1000, 1)} s`);

  const referenceBefore = heapUsed();
  let reference: Bm25Reference | undefined;
  const referenceBuildMs = time(() => (reference = new Bm25Reference(files.map((file) => ({ file: file.file, text: file.text })))));
  const referenceHeap = heapUsed();
  const loreSearchRun = (text: string) => search(index, cleanQuestion(text), { limit: 10 });
  const referenceRun = (text: string) => reference?.search(text, 10);
  const [loreSearch = [], loreAnswer = [], referenceTimes = []] = latencies(queries, [
    loreSearchRun,
    // What Lore.answer does: search 32 chunks, then compose the quoted answer.
    (text) => {
      const question = cleanQuestion(text);
      composeAnswer(question, search(index, question, { limit: 32 }), index, { top: 3 });
    },
    referenceRun,
  ], args.turns);
  const [loreFirstSight = [], referenceFirstSight = []] = firstSightLatencies(freshQueries(words, seed, queries), [loreSearchRun, referenceRun]);
  const kinds = queries.map((query) => query.kind);
  const rows: Row[] = [
    { chunks, engine: 'lore search', buildMs, parseChunkMs, heapMb: mb(loreHeap), heapDeltaMb: mb(loreHeap - before), latencies: loreSearch, queriesNote: `${queries.length}`, kinds, firstSight: loreFirstSight },
    { chunks, engine: 'lore answer()', buildMs: Number.NaN, heapMb: Number.NaN, heapDeltaMb: Number.NaN, latencies: loreAnswer, queriesNote: `${queries.length}` },
    { chunks, engine: 'plain BM25', buildMs: referenceBuildMs, heapMb: mb(referenceHeap), heapDeltaMb: mb(referenceHeap - referenceBefore), latencies: referenceTimes, queriesNote: `${queries.length}`, kinds, firstSight: referenceFirstSight },
  ];
  reference = undefined;

  const fuseBefore = heapUsed();
  let fuse: Fuse<Chunk> | undefined;
  const fuseBuildMs = time(() => (fuse = new Fuse(index.chunks, { keys: ['text'], ignoreLocation: true, includeScore: true })));
  const fuseHeap = heapUsed();
  const cap = Math.min(queries.length, fuseQueryCap(chunks));
  const fuseTimes: number[] = [];
  const budgetStart = performance.now();
  for (const query of queries.slice(0, cap)) {
    if (fuseTimes.length > 0 && performance.now() - budgetStart > fuseBudgetMs) break;
    fuseTimes.push(time(() => fuse?.search(query.text)));
  }
  const capped = fuseTimes.length < queries.length ? `${fuseTimes.length} of ${queries.length}, capped` : `${fuseTimes.length}`;
  rows.push({ chunks, engine: 'fuse.js', buildMs: fuseBuildMs, heapMb: mb(fuseHeap), heapDeltaMb: mb(fuseHeap - fuseBefore), latencies: fuseTimes, queriesNote: `${capped}, 1 pass` });
  fuse = undefined;

  // Last, as edits change the index the rows above measured.
  const knowledge = { ...built, skipped: [], buildMs, builtAt: new Date() };
  const { times, mix } = benchEdits(knowledge, files, words, EDITS, seed);
  const markedMs = timeParsers(files).markedMs;
  const parsers = chunks <= MDAST_MAX_CHUNKS ? timeParsers(files) : undefined;
  const edits = { chunks, buildMs, edits: times, mixNote: `${mix.changed} changed, ${mix.added} added, ${mix.removed} removed`, parsers, markedMs };
  return { rows, edits };
}

async function main(): Promise<void> {
  if (process.argv.includes('--replicas')) {
    const { runReplicasBench } = await import('./replicas.js');
    return runReplicasBench(process.argv.slice(2).filter((arg) => arg !== '--replicas'));
  }
  const args = parseSpeedArgs(process.argv.slice(2));
  if (!globalThis.gc) console.error('note: run with --expose-gc (npm run bench does) for heap figures after a collection');
  const cpu = cpus();
  console.log(`machine: ${cpu[0]?.model ?? 'unknown cpu'} × ${cpu.length}, ${fixed(totalmem() / 1024 ** 3, 1)} GB RAM, ${platform()} ${release()}, node ${process.version}`);
  const { files: base } = await loadNoteFiles(BUNDLED, { maxBytes: 2 * 1024 * 1024 });
  console.log(`corpus: ${base.length} bundled note(s) + generated notes (seed ${args.seed}); queries: a fixed mix of single words, misspelt words, multi-word questions and no-match queries`);

  const rows: Row[] = [];
  const editRows: EditRow[] = [];
  for (const size of args.sizes) {
    const result = benchSize(size, base, args, (line) => console.log(`  ${line}`));
    rows.push(...result.rows);
    editRows.push(result.edits);
  }

  console.log('');
  const cells: Cell[][] = rows.map((row) => [
    row.chunks,
    row.engine,
    Number.isNaN(row.buildMs) ? '(same)' : fixed(row.buildMs / 1000, 2),
    row.parseChunkMs === undefined ? '' : fixed(row.parseChunkMs / 1000, 2),
    Number.isNaN(row.heapMb) ? '' : fixed(row.heapMb, 0),
    Number.isNaN(row.heapDeltaMb) ? '' : fixed(row.heapDeltaMb, 0),
    row.queriesNote,
    fixed(percentile(row.latencies, 50), 2),
    fixed(percentile(row.latencies, 95), 2),
  ]);
  console.log(formatTable(['chunks', 'engine', 'build s', 'parse+chunk s', 'heap MB', 'Δheap MB', 'queries', 'p50 ms', 'p95 ms'], cells));
  console.log(
    [
      '',
      'build: lore = indexNotes (parse + chunk + index) over notes in memory; parse+chunk = a separate parse/chunk-only pass of the same notes.',
      'heap: heapUsed + arrayBuffers after gc with the engine built; Δheap for lore = chunks + index, for fuse.js = its index over the same chunks.',
      `lore and plain BM25 latencies: each query's median over ${TIMED_PASSES} passes, after ${WARM_UP_PASSES} warm-up passes, the engines taking turns ${args.turns === 'query' ? 'query by query' : `in ${BLOCKS} blocks of ${PASSES_PER_BLOCK} passes`}; fuse.js: one pass, capped by count and by the time budget.`,
    ].join('\n'),
  );

  console.log('');
  console.log(formatTable(['chunks', 'kind of query', 'queries', 'lore search p50 ms', 'plain BM25 p50 ms', 'lore / BM25'], byKindCells(rows)));
  console.log(
    [
      '',
      'by kind: the same timings as above, split by the kind of query. The overall p50 ratio depends on the mix: plain BM25 reads the postings',
      "of every word of a question, stop words included, and lore drops those; lore looks up a word the notes lack in its typo speller, where BM25 stops.",
    ].join('\n'),
  );

  console.log('');
  console.log(formatTable(['chunks', 'queries', 'lore search p50 ms', 'plain BM25 p50 ms', 'lore / BM25'], firstSightCells(rows)));
  console.log(
    [
      '',
      'first sight: queries neither engine had met (drawn as above from other words), each asked once, the engines taking turns query by query,',
      'after the timed passes. The passes above repeat their queries, so lore reads the work it keeps per word (stems, typo readings, worked-out',
      'postings) from memory there; a new question pays for it. Reported, not a target.',
    ].join('\n'),
  );

  console.log('');
  const editCells: Cell[][] = editRows.map((row) => [
    row.chunks,
    fixed(row.buildMs / 1000 / (row.chunks / 10_000), 2),
    row.mixNote,
    fixed(percentile(row.edits, 50), 1),
    fixed(percentile(row.edits, 95), 1),
    fixed(row.markedMs / 1000, 2),
    row.parsers ? fixed(row.parsers.mdastMs / 1000, 2) : '(not run)',
  ]);
  console.log(formatTable(['chunks', 'build s per 10k', 'edits', 'edit p50 ms', 'edit p95 ms', 'marked lexer s', 'mdast s'], editCells));
  console.log(
    [
      '',
      'edit: one note changed, added or removed, from applyNoteEdit until a search for a word of the edit returns (notes in memory).',
      'marked lexer / mdast: parsing every note of the corpus, blocks only for marked (what parseNote runs), a full tree with GFM for mdast.',
    ].join('\n'),
  );

  console.log('\ntargets:');
  const nearest = (size: number) => rows.filter((row) => row.engine === 'lore search' && Math.abs(row.chunks - size) / size < 0.2);
  for (const [size, goal] of [[10_000, 1], [100_000, 5]] as const) {
    const row = nearest(size)[0];
    const p50 = row ? percentile(row.latencies, 50) : Number.NaN;
    console.log(row ? `  ${target(`lore query p50 ≤ ${goal} ms at ${size / 1000}k chunks`, p50 <= goal, `${fixed(p50, 2)} ms`)}` : `  n/a   lore query p50 ≤ ${goal} ms at ${size / 1000}k chunks (size not run)`);
  }
  for (const row of rows.filter((r) => r.engine === 'lore search')) {
    const reference = rows.find((r) => r.engine === 'plain BM25' && r.chunks === row.chunks);
    if (reference) {
      const ratio = percentile(row.latencies, 50) / percentile(reference.latencies, 50);
      console.log(`  ${target(`lore query p50 within 2× of plain BM25 at ${row.chunks} chunks`, ratio <= 2, `${fixed(ratio, 2)}×`)}`);
    }
    const per10k = row.buildMs / 1000 / (row.chunks / 10_000);
    console.log(`  ${target(`lore build ≤ 0.5 s per 10k chunks at ${row.chunks} chunks`, per10k <= 0.5, `${fixed(per10k, 2)} s per 10k`)}`);
    console.log(`  ${target(`lore full build ≤ 1 s per 10k chunks at ${row.chunks} chunks`, per10k <= 1, `${fixed(per10k, 2)} s per 10k`)}`);
  }
  const editNearest = (size: number) => editRows.find((row) => Math.abs(row.chunks - size) / size < 0.2);
  for (const [size, goal] of [[10_000, 50], [100_000, 200]] as const) {
    const row = editNearest(size);
    const p50 = row ? percentile(row.edits, 50) : Number.NaN;
    console.log(row ? `  ${target(`edit-to-answerable p50 ≤ ${goal} ms at ${size / 1000}k chunks`, p50 <= goal, `${fixed(p50, 1)} ms`)}` : `  n/a   edit-to-answerable p50 ≤ ${goal} ms at ${size / 1000}k chunks (size not run)`);
  }
}

/** lore search against plain BM25 on queries met for the first time, p50, for each corpus size. */
function firstSightCells(rows: readonly Row[]): Cell[][] {
  const cells: Cell[][] = [];
  for (const lore of rows.filter((row) => row.engine === 'lore search')) {
    const reference = rows.find((row) => row.engine === 'plain BM25' && row.chunks === lore.chunks);
    if (!lore.firstSight || !reference?.firstSight) continue;
    const [mine, theirs] = [percentile(lore.firstSight, 50), percentile(reference.firstSight, 50)];
    cells.push([lore.chunks, lore.firstSight.length, fixed(mine, 3), fixed(theirs, 3), `${fixed(mine / theirs, 2)}×`]);
  }
  return cells;
}

/** lore search against plain BM25, p50 by kind of query, for each corpus size. */
function byKindCells(rows: readonly Row[]): Cell[][] {
  const cells: Cell[][] = [];
  for (const lore of rows.filter((row) => row.engine === 'lore search')) {
    const reference = rows.find((row) => row.engine === 'plain BM25' && row.chunks === lore.chunks);
    if (!reference?.kinds || !lore.kinds) continue;
    for (const kind of new Set(lore.kinds)) {
      const ofKind = (row: Row) => row.latencies.filter((_, i) => row.kinds?.[i] === kind);
      const own = ofKind(lore);
      const [mine, theirs] = [percentile(own, 50), percentile(ofKind(reference), 50)];
      cells.push([lore.chunks, kind, own.length, fixed(mine, 3), fixed(theirs, 3), `${fixed(mine / theirs, 2)}×`]);
    }
  }
  return cells;
}

runScript(main, SpeedArgsError);
