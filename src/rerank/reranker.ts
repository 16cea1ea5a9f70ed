import type { Logger } from '../logger.js';
import type { SearchIndex } from '../search/index.js';
import type { Hit, SearchResult } from '../search/search.js';
import { settlesWithin } from '../settles-within.js';
import { EmbeddingCache, textKey } from './embedding-cache.js';
import { sectionText } from './section-text.js';
import { cosine, type SentenceEncoder } from './sentence-encoder.js';

export interface RerankOptions {
  /** Sections of the lexical ranking that are re-ordered (the rest keep their places). */
  depth: number;
  /** The encoder's weight: a section scores its lexical score / the best one + `weight` × cosine(question, section). */
  weight: number;
  /**
   * Sections embedded per request of the background pass: a question waits for at most one such request. Larger
   * batches are no faster (about 70 ms a section at 1, 4, 8 or 16).
   */
  batch: number;
  /** New vectors between two saves of the cache file during the background pass. */
  saveEvery: number;
  /**
   * How long a question waits for the encoder before it is answered by words alone (a stuck or overloaded encoder
   * must not hold answers up). Vectors that arrive later are kept for the next question.
   */
  waitMs: number;
}

const EMPTY = new Float32Array(0);

/** Depth and weight chosen on the tune halves of the three large FAQ sets (10 / 20 / 30; 0.1–4): see docs/benchmarks.md. */
export const DEFAULT_RERANK: Readonly<RerankOptions> = Object.freeze({ depth: 30, weight: 1.5, batch: 2, saveEvery: 1000, waitMs: 8000 });

/**
 * Re-orders the first sections of a lexical ranking by how close each is in meaning to the question, as a sentence
 * encoder reads them. Only where sections are ranked: among a dozen chunks of a small note it cost answers.
 */
export class SectionReranker {
  private readonly options: RerankOptions;
  /** Bumped by each `warm` and by `close`, so that a pass over an index that was replaced stops. */
  private generation = 0;
  /** Vectors were added since the cache file was last written. */
  private unsaved = false;

  constructor(
    private readonly encoder: SentenceEncoder,
    private readonly cache: EmbeddingCache,
    private readonly logger: Logger,
    private readonly cacheFile?: string,
    options: Partial<RerankOptions> = {},
  ) {
    this.options = { ...DEFAULT_RERANK, ...options };
  }

  /** Opens the cache file (a damaged one is set aside with a warning and rebuilt). */
  static async open(encoder: SentenceEncoder, logger: Logger, cacheFile?: string, options: Partial<RerankOptions> = {}): Promise<SectionReranker> {
    let cache = new EmbeddingCache();
    if (cacheFile !== undefined) {
      try {
        cache = await EmbeddingCache.load(cacheFile);
      } catch (error) {
        logger.warn({ file: cacheFile, reason: (error as Error).message }, 'embedding cache unreadable; the notes will be embedded again');
      }
    }
    return new SectionReranker(encoder, cache, logger, cacheFile, options);
  }

  /**
   * `answers` says whether a hit may be the answer (the answer's confidence rules). Where the lexical first may
   * not, nothing is re-ordered (the answer is "I couldn't find" either way); where it may, the re-ordering never
   * puts first a section that may not. So the encoder changes which answer is given, never whether one is.
   */
  async rerank(index: SearchIndex, question: string, result: SearchResult, answers: (hit: Hit) => boolean = () => true): Promise<SearchResult> {
    if (result.ranks !== 'sections' || result.hits.length < 2 || !answers(result.hits[0] as Hit)) return result;
    const head = result.hits.slice(0, this.options.depth);
    const sections = head.map((hit) => keyed(sectionText(index, index.unitOf[hit.chunk.id] ?? 0)));
    const missing = this.missing(sections);
    const embedded = this.encoder.embed([question, ...missing.map((section) => section.text)], { urgent: true }).then(([asked, ...fresh]) => {
      missing.forEach((section, i) => this.cache.set(section.key, fresh[i] as Float32Array));
      this.unsaved ||= missing.length > 0;
      return asked;
    });
    if (!(await settlesWithin(embedded, this.options.waitMs))) {
      this.logger.warn({ waitMs: this.options.waitMs, sections: missing.length }, 'the sentence encoder was too slow; answered by words alone');
      return result;
    }
    const asked = await embedded;
    if (!asked) return result;
    const best = head[0]?.score || 1;
    const scored = head.map((hit, i) => ({ hit, score: hit.score / best + this.options.weight * cosine(asked, this.cache.get(sections[i]?.key ?? '') ?? EMPTY) }));
    // Sorting is stable: equal scores keep the lexical order.
    const order = scored.sort((a, b) => b.score - a.score).map((entry) => entry.hit);
    if (!answers(order[0] as Hit)) {
      const first = order.find(answers) as Hit;
      order.splice(order.indexOf(first), 1);
      order.unshift(first);
    }
    return { ...result, hits: [...order, ...result.hits.slice(this.options.depth)] };
  }

  /**
   * Embeds every section of the index not yet in the cache, a batch at a time behind any question, then saves the
   * cache with only these sections in it. A later call (the notes changed) stops an earlier one.
   */
  async warm(index: SearchIndex): Promise<void> {
    const generation = ++this.generation;
    const sections = liveSections(index);
    const todo = this.missing(sections);
    const started = performance.now();
    let sinceSave = 0;
    for (let i = 0; i < todo.length; i += this.options.batch) {
      if (generation !== this.generation) return;
      const batch = todo.slice(i, i + this.options.batch);
      let vectors: Float32Array[];
      try {
        vectors = await this.encoder.embed(batch.map((section) => section.text));
      } catch (error) {
        // Closed, or replaced by a newer pass, while this batch was out: nothing went wrong.
        if (generation !== this.generation) return;
        throw error;
      }
      batch.forEach((section, j) => this.cache.set(section.key, vectors[j] as Float32Array));
      this.unsaved = true;
      sinceSave += batch.length;
      if (sinceSave >= this.options.saveEvery) {
        sinceSave = 0;
        await this.save();
      }
    }
    if (generation !== this.generation) return;
    this.cache.keepOnly(sections.map((section) => section.key));
    await this.save();
    this.logger.info({ sections: sections.length, embedded: todo.length, ms: Math.round(performance.now() - started) }, 'sections embedded for re-ranking');
  }

  /** Stops the background pass, keeps what it embedded so far, and stops the encoder. */
  async close(): Promise<void> {
    this.generation++;
    if (this.unsaved) await this.save();
    await this.encoder.close();
  }

  /** The sections without a vector yet, each once. */
  private missing(sections: readonly Section[]): Section[] {
    const seen = new Set<string>();
    const missing: Section[] = [];
    for (const section of sections) {
      if (seen.has(section.key) || this.cache.get(section.key) !== undefined) continue;
      seen.add(section.key);
      missing.push(section);
    }
    return missing;
  }

  /** Writes the cache file now (the background pass saves on its own). */
  async save(): Promise<void> {
    if (this.cacheFile === undefined) return;
    this.unsaved = false;
    try {
      await this.cache.save(this.cacheFile);
    } catch (error) {
      this.logger.warn({ file: this.cacheFile, reason: (error as Error).message }, 'embedding cache not saved');
    }
  }
}

/** A section's text, with the key its vector is kept under. */
interface Section {
  text: string;
  key: string;
}

function keyed(text: string): Section {
  return { text, key: textKey(text) };
}

function liveSections(index: SearchIndex): Section[] {
  const sections: Section[] = [];
  for (const chunk of index.liveChunks()) {
    const unit = index.unitOf[chunk.id] ?? 0;
    if (index.unitChunks[unit] === chunk.id) sections.push(keyed(sectionText(index, unit)));
  }
  return sections;
}
