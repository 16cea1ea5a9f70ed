/**
 * lore with `LORE_RERANK=encoder` against lore and the plain BM25 reference: for every FAQ set and half, clean and
 * misspelt, lore's first 30 sections re-ordered by the Universal Sentence Encoder (`src/rerank/`), exactly as `ask`
 * re-orders them, with paired differences against BM25 and a sign test of the encoder against lore.
 *
 * Slow: about 80 ms a section and 25 ms a question on two cores, so a cold run takes about 20 minutes. Section
 * vectors are kept in a cache file beside this script (ignored by git), and a second run takes a minute or two.
 */
import { fileURLToPath } from 'node:url';
import { encoderText } from '../src/answer/answer-question.js';
import { couldAnswer } from '../src/answer/compose.js';
import { cleanQuestion } from '../src/answer/question.js';
import { indexNotes } from '../src/knowledge/build.js';
import { loadNoteFiles } from '../src/knowledge/load.js';
import { silentLogger } from '../src/logger.js';
import { DEFAULT_RERANK, SectionReranker } from '../src/rerank/reranker.js';
import { sectionText } from '../src/rerank/section-text.js';
import type { SentenceEncoder } from '../src/rerank/sentence-encoder.js';
import { openUseEncoder } from '../src/rerank/use-encoder.js';
import type { SearchIndex } from '../src/search/index.js';
import { search } from '../src/search/search.js';
import { Bm25Reference } from './bm25-reference.js';
import { halvesOf, QUESTION_FIELDS, readQuestions, runEval, type EvalQuestion, type QuestionField } from './eval-input.js';
import { distinctInOrder, rankOf, summarizeRanks } from './eval-metrics.js';
import { faqSets } from './faq-sets.js';
import { pairedHitDifference } from './paired-stats.js';
import { fixed, formatTable, signedFixed, type Cell } from './table.js';

const DEPTH = 50;
const MAX_NOTE_BYTES = 2 * 1024 * 1024;
/** Sections and questions timed for the encoder's own cost, past the cache. */
const COST_SAMPLE = 64;
const CACHE_FILE = fileURLToPath(new URL('./.cache/section-vectors-use-lite.bin', import.meta.url));

/** What the encoder costs, cache aside: sections embedded in the background pass's batches, and questions one by one. */
async function costs(encoder: SentenceEncoder, loadedMb: number, index: SearchIndex, questions: readonly string[]): Promise<string> {
  const sections = Array.from({ length: Math.min(COST_SAMPLE, index.unitCount) }, (_, i) => sectionText(index, Math.floor((i * index.unitCount) / COST_SAMPLE)));
  let started = performance.now();
  for (let i = 0; i < sections.length; i += DEFAULT_RERANK.batch) await encoder.embed(sections.slice(i, i + DEFAULT_RERANK.batch));
  const perSection = (performance.now() - started) / sections.length;
  const asked = questions.slice(0, COST_SAMPLE);
  started = performance.now();
  for (const question of asked) await encoder.embed([question], { urgent: true });
  const perQuestion = (performance.now() - started) / asked.length;
  return `encoder, uncached: ${fixed(perSection, 1)} ms a section (${sections.length}, in batches of ${DEFAULT_RERANK.batch}), ${fixed(perQuestion, 1)} ms a question (${asked.length}); resident memory it added when loaded: ${fixed(loadedMb, 0)} MB`;
}

async function main(): Promise<void> {
  const before = process.memoryUsage().rss;
  const encoder = await openUseEncoder();
  await encoder.embed(['warm up the model'], { urgent: true });
  const loadedMb = (process.memoryUsage().rss - before) / 2 ** 20;
  const reranker = await SectionReranker.open(encoder, silentLogger(), CACHE_FILE);
  const rows: Cell[][] = [];
  let last: { index: SearchIndex; questions: string[] } | undefined;
  for (const set of faqSets()) {
    const { files } = await loadNoteFiles(set.knowledgeDir, { maxBytes: MAX_NOTE_BYTES });
    const { index } = indexNotes(files);
    last = { index, questions: readQuestions(set.questionsFile).map((q) => cleanQuestion(q.question)) };
    const reference = new Bm25Reference(files.map((file) => ({ file: file.file, text: file.text })));
    for (const [part, questions] of halvesOf(readQuestions(set.questionsFile))) {
      for (const field of QUESTION_FIELDS) {
        const asked = questions.filter((q): q is EvalQuestion & Record<QuestionField, string> => q[field] !== undefined);
        if (asked.length === 0) continue;
        const ranks = { lore: [] as number[], encoder: [] as number[], bm25: [] as number[] };
        const ms = { lore: 0, encoder: 0, bm25: 0 };
        for (const q of asked) {
          const question = cleanQuestion(q[field]);
          let started = performance.now();
          const result = search(index, question, { limit: DEPTH });
          const searched = performance.now() - started;
          ranks.lore.push(rankOf(distinctInOrder(result.hits.map((hit) => hit.chunk.file)), q.gold));
          started = performance.now();
          const reranked = await reranker.rerank(index, encoderText(question, result), result, (hit) => couldAnswer(hit, result, index));
          ms.encoder += searched + performance.now() - started;
          ms.lore += searched;
          ranks.encoder.push(rankOf(distinctInOrder(reranked.hits.map((hit) => hit.chunk.file)), q.gold));
          started = performance.now();
          ranks.bm25.push(rankOf(distinctInOrder(reference.search(q[field], 100).map((hit) => hit.file)), q.gold));
          ms.bm25 += performance.now() - started;
        }
        await reranker.save();
        const label = field === 'question' ? 'clean' : 'typo';
        for (const [engine, list, total] of [['lore', ranks.lore, ms.lore], ['lore + encoder', ranks.encoder, ms.encoder], ['plain BM25', ranks.bm25, ms.bm25]] as const) {
          const summary = summarizeRanks(list);
          const vsBm25 = (k: number) => (engine === 'plain BM25' ? '' : signedFixed(pairedHitDifference(list, ranks.bm25, k).difference, 3));
          rows.push([set.name, part, engine, label, summary.n, fixed(summary.hitAt1, 3), fixed(summary.hitAt5, 3), vsBm25(1), vsBm25(5), fixed(total / summary.n, 2)]);
        }
        const gain = pairedHitDifference(ranks.encoder, ranks.lore, 1);
        process.stderr.write(`${set.name} ${part} ${label}: encoder vs lore at hit@1 +${gain.onlyA} −${gain.onlyB} (sign test p ${fixed(gain.p, 3)})\n`);
      }
    }
  }
  console.log(formatTable(['set', 'part', 'engine', 'field', 'n', 'hit@1', 'hit@5', '−BM25 @1', '−BM25 @5', 'ms/q'], rows));
  if (last) console.log(`\n${await costs(encoder, loadedMb, last.index, last.questions)}`);
  await reranker.close();
}

runEval(main);
