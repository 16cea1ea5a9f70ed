/**
 * Retrieval eval, every engine in one run: lore, the plain BM25 reference (bm25-reference.ts) and plain
 * Fuse.js on an evenly spaced sample (Fuse takes seconds per question). With no folder given it runs every
 * dev set under bench/devsets, split into its tune and report halves where it has them, and the dev sets
 * over the bundled notes.
 */
import { fileURLToPath } from 'node:url';
import Fuse from 'fuse.js';
import { openLore, type Lore } from '../src/engine.js';
import { indexNotes } from '../src/knowledge/build.js';
import { loadNoteFiles } from '../src/knowledge/load.js';
import type { Answer, Chunk } from '../src/types.js';
import { Bm25Reference } from './bm25-reference.js';
import { halvesOf, parseEvalArgs, QUESTION_FIELDS, readQuestions, runEval, type EvalArgs, type EvalQuestion, type QuestionField } from './eval-input.js';
import { distinctInOrder, evenSample, rankOf, summarizeRanks, type RankSummary } from './eval-metrics.js';
import { compareWithReference, LORE, REFERENCE } from './eval-compare.js';
import { typoAgreement } from './eval-typo-agreement.js';
import type { PairedDifference } from './paired-stats.js';
import { devsetFolders, faqSets, laterBatches, type FaqSet } from './faq-sets.js';
import { NOTES_DEV_SETS, readNotesDevSet, scoreFirstPlaces, scoreNotesDevSet, withTypos, type NotesDevSet, type NotesPlace } from './notes-devset.js';
import { countSpellerFixes, type SpellerCount } from './speller-score.js';
import { fixed, formatTable, signedFixed } from './table.js';

/** Chunks asked of lore per question; the distinct files among them form its ranking. */
const LORE_DEPTH = 50;
const REFERENCE_DEPTH = 100;
const MAX_NOTE_BYTES = 2 * 1024 * 1024;
const BUNDLED = fileURLToPath(new URL('../knowledge', import.meta.url));

interface Engine {
  name: string;
  rank(text: string): string[];
}

interface Row extends RankSummary {
  set: string;
  part: string;
  engine: string;
  field: QuestionField;
  msPerQuestion: number;
  ranks: { id: string; rank: number }[];
}

function loreEngine(lore: Lore): Engine {
  return { name: LORE, rank: (text) => distinctInOrder(lore.search(text, LORE_DEPTH).map((hit) => hit.chunk.file)) };
}

function referenceEngine(reference: Bm25Reference): Engine {
  return { name: REFERENCE, rank: (text) => distinctInOrder(reference.search(text, REFERENCE_DEPTH).map((hit) => hit.file)) };
}

function fuseEngine(chunks: readonly Chunk[]): Engine {
  const fuse = new Fuse(chunks, { keys: ['text'], ignoreLocation: true, includeScore: true });
  return { name: 'fuse.js', rank: (text) => distinctInOrder(fuse.search(text).map((result) => result.item.file)) };
}

function run(engine: Engine, questions: readonly EvalQuestion[], field: QuestionField, set: string, part: string): Row | undefined {
  const asked = questions.flatMap((q) => (q[field] === undefined ? [] : [{ id: q.id, gold: q.gold, text: q[field] ?? '' }]));
  if (asked.length === 0) return undefined;
  const ranks: Row['ranks'] = [];
  let ms = 0;
  for (const q of asked) {
    const started = performance.now();
    const ranking = engine.rank(q.text);
    ms += performance.now() - started;
    ranks.push({ id: q.id, rank: rankOf(ranking, q.gold) });
  }
  return { set, part, engine: engine.name, field, ...summarizeRanks(ranks.map((r) => r.rank)), msPerQuestion: ms / asked.length, ranks };
}

/** What a set is scored on: its halves, and the whole set too where it has halves. */
function parts(questions: readonly EvalQuestion[]): [string, EvalQuestion[]][] {
  const halves = halvesOf(questions);
  return halves.length > 1 ? [...halves, ['all', [...questions]]] : halves;
}

interface SpellerRow extends SpellerCount {
  set: string;
}

async function evalFaqSet(set: FaqSet, args: EvalArgs, log: (line: string) => void): Promise<{ rows: Row[]; speller: SpellerRow[] }> {
  const questions = readQuestions(set.questionsFile);
  const lore = await openLore({ knowledgeDir: set.knowledgeDir, maxNoteBytes: MAX_NOTE_BYTES, ranking: args.ranking });
  const { files } = await loadNoteFiles(set.knowledgeDir, { maxBytes: MAX_NOTE_BYTES });
  const reference = new Bm25Reference(files.map((file) => ({ file: file.file, text: file.text })));
  const stats = lore.stats();
  const indexed = new Set(files.map((file) => file.file));
  const missing = questions.filter((q) => !indexed.has(q.gold)).map((q) => q.id);
  log(`${set.name}: ${questions.length} questions; ${stats.files} files, ${stats.chunks} lore chunks, ${reference.size} reference pieces${missing.length ? `; gold not indexed: ${missing.join(', ')}` : ''}`);

  const engines = [loreEngine(lore), referenceEngine(reference)];
  engines[0]?.rank('warm up the search path');
  const rows: Row[] = [];
  for (const [part, asked] of parts(questions)) {
    for (const field of QUESTION_FIELDS) for (const engine of engines) rows.push(...optional(run(engine, asked, field, set.name, part)));
  }
  // Built after lore's and the reference's timings, for fuse.js's chunks and the speller count alike.
  const { index } = indexNotes(files);
  const sample = evenSample(questions.length, args.fuseSample).map((i) => questions[i] as EvalQuestion);
  if (sample.length > 0) {
    const fuse = fuseEngine(index.chunks);
    for (const field of QUESTION_FIELDS) {
      log(`${set.name}: fuse.js on ${sample.length} × ${field}…`);
      for (const engine of [...engines, fuse]) rows.push(...optional(run(engine, sample, field, set.name, `sample ${sample.length}`)));
    }
  }
  const speller = countSpellerFixes(index, questions).map((count) => ({ set: set.name, ...count }));
  return { rows, speller };
}

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}

/** Each small set's two rows: lore's answers, and the first place each engine gives. */
interface NotesRows {
  answers: string[][];
  firsts: string[][];
}

/**
 * The dev sets over the bundled notes, then the team folders under bench/devsets, made up and real (a `devset.json`
 * each, then any later batches: `devset-fresh.json`, …).
 */
async function evalNotesDevSets(args: EvalArgs, log: (line: string) => void): Promise<NotesRows> {
  const rows: NotesRows = { answers: [], firsts: [] };
  const add = ([answer, first]: string[][]) => {
    rows.answers.push(answer as string[]);
    rows.firsts.push(first as string[]);
  };
  const lore = await openLore({ knowledgeDir: BUNDLED, ranking: args.ranking });
  const plain = await plainEngines(BUNDLED);
  for (const name of NOTES_DEV_SETS) add(scoreRows(name, readNotesDevSet(new URL(`../test/fixtures/${name}`, import.meta.url)), lore, plain, log));
  for (const team of devsetFolders('devset.json')) {
    const teamLore = await openLore({ knowledgeDir: team.knowledgeDir, ranking: args.ranking });
    const teamPlain = await plainEngines(team.knowledgeDir);
    add(scoreRows(team.name, readNotesDevSet(team.file), teamLore, teamPlain, log));
    for (const batch of laterBatches(team.file)) add(scoreRows(`${team.name} ${batch.name}`, readNotesDevSet(batch.file), teamLore, teamPlain, log));
  }
  return rows;
}

/** Where an engine puts its first result for a question. */
type FirstPlace = (question: string) => NotesPlace | undefined;

/**
 * The plain engines over a folder of notes: the BM25 reference on its own pieces (as in the FAQ rows), the same BM25
 * on lore's chunks (the units lore ranks there), and fuse.js on lore's chunks.
 */
async function plainEngines(knowledgeDir: string): Promise<FirstPlace[]> {
  const { files } = await loadNoteFiles(knowledgeDir, { maxBytes: MAX_NOTE_BYTES });
  const reference = new Bm25Reference(files.map((file) => ({ file: file.file, text: file.text })));
  const chunks = indexNotes(files).index.chunks;
  // Each chunk a document of its own, named by its place, so that a piece found maps back to the chunk's lines.
  const onChunks = new Bm25Reference(chunks.map((chunk, i) => ({ file: String(i), text: chunk.text })));
  const fuse = new Fuse(chunks, { keys: ['text'], ignoreLocation: true });
  return [(question) => reference.search(question, 1)[0], (question) => chunks[Number(onChunks.search(question, 1)[0]?.file ?? -1)], (question) => fuse.search(question, { limit: 1 })[0]?.item];
}

function scoreRows(name: string, devset: NotesDevSet, lore: Lore, plain: readonly FirstPlace[], log: (line: string) => void): string[][] {
  // Each question is answered once, for its score and for where lore's first citation lands.
  const answers = new Map<string, Answer>();
  const answer = (question: string): Answer => {
    let known = answers.get(question);
    if (!known) answers.set(question, (known = lore.answer(question)));
    return known;
  };
  const score = scoreNotesDevSet(devset, answer);
  if (devset.heldOut) log(`${name}: held out, its misses are not printed`);
  else {
    for (const miss of score.misses) log(`${name} miss: ${miss}`);
    for (const question of score.answeredAnyway) log(`${name} answered though the notes do not say: "${question}"`);
  }
  // With typos, only the counts: a typo question's misses repeat the clean one's, or are a slip the speller missed.
  const typos = withTypos(devset);
  const typo = scoreNotesDevSet(typos, answer);
  // lore's first citation, whether it answers or shows the closest lines with "I couldn't find".
  const engines: FirstPlace[] = [(question) => answer(question).citations[0], ...plain];
  const firsts = [devset, typos].flatMap((asked) => engines.map((first) => scoreFirstPlaces(asked, first)));
  return [
    [name, `${score.hits}/${score.total}`, fixed(score.hits / score.total, 3), `${score.honest}/${score.noAnswerTotal}`, `${typo.hits}/${typo.total}`, `${typo.honest}/${typo.noAnswerTotal}`],
    [name, ...firsts.map((first) => `${first.hits}/${first.total}`)],
  ];
}

function formatDifference(d: PairedDifference): string {
  return `${signedFixed(d.difference, 3)} [${signedFixed(d.low, 3)}, ${signedFixed(d.high, 3)}] ${d.onlyA}:${d.onlyB} p${d.p < 0.001 ? '<0.001' : `=${fixed(d.p, 3)}`}`;
}

async function main(): Promise<void> {
  const args = parseEvalArgs(process.argv.slice(2));
  const sets = args.knowledgeDir && args.questionsFile ? [{ name: 'given', knowledgeDir: args.knowledgeDir, questionsFile: args.questionsFile }] : faqSets();
  const notes: string[] = [];
  const log = (line: string) => (args.json ? notes.push(line) : console.error(line));
  const rows: Row[] = [];
  const speller: SpellerRow[] = [];
  for (const set of sets) {
    const result = await evalFaqSet(set, args, log);
    rows.push(...result.rows);
    speller.push(...result.speller);
  }
  const bundled: NotesRows = args.knowledgeDir ? { answers: [], firsts: [] } : await evalNotesDevSets(args, log);

  const comparisons = compareWithReference(rows);
  const agreement = typoAgreement(rows);
  if (args.json) {
    console.log(JSON.stringify({ rows, comparisons, typoAgreement: agreement, speller, bundled, notes }, null, 2));
    return;
  }
  console.log(`\nHit@k: the gold file is among the first k distinct files cited. lore ranks the files of its top ${LORE_DEPTH} chunks; the reference, of its top ${REFERENCE_DEPTH} pieces.\n`);
  console.log(
    formatTable(
      ['set', 'part', 'engine', 'field', 'n', 'hit@1', 'hit@5', 'MRR', 'ms/q'],
      rows.map((row) => [row.set, row.part, row.engine, row.field === 'question' ? 'clean' : 'typo', row.n, fixed(row.hitAt1, 3), fixed(row.hitAt5, 3), fixed(row.mrr, 3), fixed(row.msPerQuestion, 2)]),
    ),
  );
  console.log('\nlore − plain BM25, question by question: the difference, its 95% bootstrap interval, questions only lore : only the reference finds, and the sign test\'s two-sided p. "every set": all report halves together.\n');
  console.log(
    formatTable(
      ['set', 'part', 'field', 'n', 'Δ hit@1', 'Δ hit@5'],
      comparisons.map((c) => [c.set, c.part, c.field === 'question' ? 'clean' : 'typo', c.n, formatDifference(c.hitAt1), formatDifference(c.hitAt5)]),
    ),
  );
  if (agreement.length > 0) {
    console.log('\nTypos against the same question asked clean: questions whose gold file ranks the same both ways, and whose first file is the gold one both ways or neither.\n');
    console.log(formatTable(['set', 'part', 'engine', 'n', 'same rank', 'same hit@1'], agreement.map((a) => [a.set, a.part, a.engine, a.n, `${a.sameRank} (${fixed(a.sameRank / a.n, 3)})`, `${a.sameFirst} (${fixed(a.sameFirst / a.n, 3)})`])));
  }
  const spelled = speller.filter((row) => row.words > 0);
  if (spelled.length > 0) {
    console.log("\nThe speller alone: of the typo questions' misspelt words, those taken for the word meant (a stop word: left out).\n");
    console.log(formatTable(['set', 'part', 'misspelt words', 'taken for the word meant', 'share'], spelled.map((row) => [row.set, row.part, row.words, row.fixed, fixed(row.fixed / row.words, 3)])));
  }
  if (bundled.answers.length > 0) {
    console.log('\nBundled notes, then team notes (bench/devsets: team-*, study-notes, made up; handbook-18f, govuk-manual, sourcegraph-handbook, cloud-platform-guide and gds-way, real): first citation on the answering lines; honest "I couldn\'t find" where the notes do not answer. With typos: the same questions with one or two typos each, made as the FAQ sets\' are.\n');
    console.log(formatTable(['dev set', 'hit@1', 'share', 'honest not-found', 'with typos: hit@1', 'honest'], bundled.answers));
    console.log(
      "\nThe same questions, ranked: each engine's first place on the answering lines, answered or not. lore: its first citation, the answer or the closest lines it shows with \"I couldn't find\". " +
        'plain BM25: the reference of the FAQ rows, on its pieces of up to 1,500 characters (a wide mark to hit), and the same BM25 on lore\'s chunks. fuse.js: on lore\'s chunks.\n',
    );
    console.log(formatTable(['dev set', 'lore', 'BM25 pieces', 'BM25 chunks', 'fuse.js', 'typo: lore', 'BM25 pieces', 'BM25 chunks', 'fuse.js'], bundled.firsts));
  }
}

runEval(main);
