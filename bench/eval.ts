/**
 * Retrieval eval: does lore rank the note that answers a question first? Compares with plain Fuse.js
 * over the same chunks on an evenly spaced sample (Fuse takes seconds per question).
 */
import Fuse from 'fuse.js';
import { openLore, type Lore } from '../src/engine.js';
import { buildKnowledge } from '../src/knowledge/build.js';
import type { Chunk } from '../src/types.js';
import { EvalInputError, parseEvalArgs, readQuestions, type EvalQuestion } from './eval-input.js';
import { distinctInOrder, evenSample, rankOf, summarizeRanks, type RankSummary } from './eval-metrics.js';
import { fixed, formatTable, target } from './table.js';

type Field = 'question' | 'question_typo';
const FIELDS: readonly Field[] = ['question', 'question_typo'];
/** Chunks asked of lore per question; the distinct files among them form its ranking. */
const LORE_DEPTH = 50;
const MAX_NOTE_BYTES = 2 * 1024 * 1024;

interface Engine {
  name: string;
  rank(text: string): string[];
}

interface Row extends RankSummary {
  engine: string;
  field: Field;
  set: 'all' | 'sample';
  msPerQuestion: number;
  /** Share answered as found (lore only). */
  found?: number;
  ranks: { id: string; rank: number }[];
}

function loreEngine(lore: Lore): Engine {
  return { name: 'lore', rank: (text) => distinctInOrder(lore.search(text, LORE_DEPTH).map((hit) => hit.chunk.file)) };
}

function fuseEngine(name: string, chunks: readonly Chunk[], keys: string[]): Engine & { buildMs: number } {
  const started = performance.now();
  const fuse = new Fuse(chunks, { keys, ignoreLocation: true, includeScore: true });
  const buildMs = performance.now() - started;
  return { name, buildMs, rank: (text) => distinctInOrder(fuse.search(text).map((result) => result.item.file)) };
}

function run(engine: Engine, questions: readonly EvalQuestion[], field: Field, set: Row['set'], lore?: Lore): Row | undefined {
  const asked = questions.flatMap((q) => (q[field] === undefined ? [] : [{ id: q.id, gold: q.gold, text: q[field] ?? '' }]));
  if (asked.length === 0) return undefined;
  const ranks: Row['ranks'] = [];
  let ms = 0;
  let found = 0;
  for (const q of asked) {
    const started = performance.now();
    const ranking = engine.rank(q.text);
    ms += performance.now() - started;
    ranks.push({ id: q.id, rank: rankOf(ranking, q.gold) });
    if (lore?.answer(q.text).found) found++;
  }
  const summary = summarizeRanks(ranks.map((r) => r.rank));
  return { engine: engine.name, field, set, ...summary, msPerQuestion: ms / asked.length, found: lore ? found / asked.length : undefined, ranks };
}

async function main(): Promise<void> {
  const args = parseEvalArgs(process.argv.slice(2));
  const questions = readQuestions(args.questionsFile);

  const buildStarted = performance.now();
  const lore = await openLore({ knowledgeDir: args.knowledgeDir, maxNoteBytes: MAX_NOTE_BYTES });
  const buildMs = performance.now() - buildStarted;
  // Lore keeps its chunks private; a second build of the same folder gives Fuse the identical list.
  const { index } = await buildKnowledge(args.knowledgeDir, { maxNoteBytes: MAX_NOTE_BYTES });
  const chunks = index.chunks;
  const files = new Set(index.files);
  const missingGold = questions.filter((q) => !files.has(q.gold));

  const loreRanker = loreEngine(lore);
  loreRanker.rank('warm up the search path');
  const rows: Row[] = [];
  for (const field of FIELDS) {
    const row = run(loreRanker, questions, field, 'all', lore);
    if (row) rows.push(row);
  }

  const fuseBuilds: string[] = [];
  const sample = evenSample(questions.length, args.fuseSample).map((i) => questions[i] as EvalQuestion);
  if (sample.length > 0) {
    const fuses = [fuseEngine('fuse text', chunks, ['text'])];
    if (args.fuseSection) fuses.push(fuseEngine('fuse text+section', chunks, ['text', 'section']));
    for (const fuse of fuses) fuseBuilds.push(`${fuse.name} ${fixed(fuse.buildMs, 0)} ms`);
    for (const field of FIELDS) {
      for (const engine of [loreRanker, ...fuses]) {
        if (engine !== loreRanker) console.error(`${engine.name}: ${sample.length} × ${field}…`);
        const row = run(engine, sample, field, 'sample', engine === loreRanker ? lore : undefined);
        if (row) rows.push(row);
      }
    }
  }

  const full = (field: Field) => rows.find((row) => row.engine === 'lore' && row.set === 'all' && row.field === field);
  const targets = [
    checkTarget('lore hit@5 ≥ 0.75 (question)', full('question'), (row) => row.hitAt5, 0.75),
    checkTarget('lore hit@5 ≥ 0.70 (question_typo)', full('question_typo'), (row) => row.hitAt5, 0.7),
    checkTarget('lore hit@1 ≥ 0.55 (question)', full('question'), (row) => row.hitAt1, 0.55),
    checkTarget('lore hit@1 ≥ 0.55 (question_typo)', full('question_typo'), (row) => row.hitAt1, 0.55),
  ];

  const stats = lore.stats();
  if (args.json) {
    console.log(JSON.stringify({ knowledgeDir: args.knowledgeDir, questionsFile: args.questionsFile, questions: questions.length, files: stats.files, chunks: stats.chunks, buildMs, fuseBuilds, sampleIds: sample.map((q) => q.id), missingGold: missingGold.map((q) => q.id), rows, targets }, null, 2));
    return;
  }
  console.log(`knowledge ${args.knowledgeDir}: ${stats.files} files, ${stats.chunks} chunks, ${stats.terms} terms; lore build ${fixed(buildMs, 0)} ms`);
  console.log(`questions ${args.questionsFile}: ${questions.length}; Fuse sample: ${sample.length} evenly spaced (${sample.map((q) => q.id).join(', ') || 'none'})`);
  if (missingGold.length > 0) console.log(`warning: gold file not indexed for ${missingGold.map((q) => q.id).join(', ')}`);
  if (fuseBuilds.length > 0) console.log(`Fuse.js index build: ${fuseBuilds.join(', ')}`);
  console.log(`lore ranks distinct files of its top ${LORE_DEPTH} chunks; Fuse ranks distinct files of all its results.\n`);
  console.log(
    formatTable(
      ['engine', 'field', 'set', 'n', 'hit@1', 'hit@5', 'MRR', 'ms/q', 'found'],
      rows.map((row) => [row.engine, row.field, row.set, row.n, fixed(row.hitAt1, 3), fixed(row.hitAt5, 3), fixed(row.mrr, 3), fixed(row.msPerQuestion, 2), row.found === undefined ? '–' : fixed(row.found, 3)]),
    ),
  );
  console.log('\ntargets (full set):');
  for (const line of targets) console.log(`  ${line.text}`);
}

function checkTarget(label: string, row: Row | undefined, value: (row: Row) => number, goal: number): { label: string; pass: boolean; value: number | null; text: string } {
  if (!row) return { label, pass: false, value: null, text: `n/a   ${label}  (no such questions)` };
  const measured = value(row);
  return { label, pass: measured >= goal, value: measured, text: target(label, measured >= goal, fixed(measured, 3)) };
}

main().catch((error: unknown) => {
  if (error instanceof EvalInputError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
