import Fuse from 'fuse.js';
import { answerQuestion, answerQuestionReranked, type AnswerOptions } from './answer/answer-question.js';
import { cleanQuestion } from './answer/question.js';
import { SECTION_SEPARATOR, citationUrl } from './answer/citation.js';
import { asError } from './errors.js';
import { buildKnowledge, type Knowledge } from './knowledge/build.js';
import { readNoteChanges, type NoteChanges } from './knowledge/read-changes.js';
import { applyNoteEdit } from './knowledge/update.js';
import { silentLogger, type Logger } from './logger.js';
import type { RankingOptions } from './search/ranking-options.js';
import { search, type Hit } from './search/search.js';
import type { Answer, AskContext, AskService, Chunk, IndexStats, QueryExpectation } from './types.js';
import { openProvenance, type CitationProvenance } from './source/git/provenance.js';
import { SectionReranker } from './rerank/reranker.js';
import type { SentenceEncoder } from './rerank/sentence-encoder.js';
import { openUseEncoder } from './rerank/use-encoder.js';
import { watchNotes } from './watch.js';

export interface LoreOptions {
  /** Folder of Markdown notes. */
  knowledgeDir: string;
  /** Notes larger than this are skipped (default 2 MB). */
  maxNoteBytes?: number;
  /** Prefix for citation links. */
  knowledgeBaseUrl?: string;
  logger?: Logger;
  /** Overrides of the ranking's tuning constants, for evaluation; lore ships with the defaults. */
  ranking?: Partial<RankingOptions>;
  /**
   * When the folder sits in a git work tree: pin `ask`'s citations to the commit and date the cited lines
   * (`commit`, `changed`, `stale`). Off by default: it runs git.
   */
  datedCitations?: boolean;
  /** Cited lines older than this many days are marked `stale` (default 365). */
  staleAfterDays?: number;
  /**
   * `encoder`: `ask` re-orders the first sections by a sentence encoder (see docs/ranking.md). Off by default: it
   * holds a model of about 200 MB and embeds every section once, in the background.
   */
  rerank?: 'off' | 'encoder';
  /** Where the section vectors are kept between runs (only with `rerank: 'encoder'`); none: in memory only. */
  rerankCacheFile?: string;
  /** The encoder to re-rank with, instead of the Universal Sentence Encoder (tests). */
  encoder?: SentenceEncoder;
}


const DEFAULT_STALE_AFTER_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_MAX_NOTE_BYTES = 2 * 1024 * 1024;
/** Past this share of postings added or made dead by edits, the index is built afresh (see `SearchIndex.churn`). */
const MAX_CHURN = 0.25;

export type { NoteChanges } from './knowledge/read-changes.js';

/**
 * The engine: the notes of one folder, indexed, answering questions. Rebuilds swap the whole index at once,
 * and edits of a few notes apply at once too, so a question is always answered from one consistent state.
 */
export class Lore implements AskService {
  private knowledge: Knowledge;
  /** Derived from the current notes on first use; dropped when they change. */
  private derived: { sections?: string[]; titles?: Fuse<{ path: string; label: string }> } = {};
  /** Rebuilds and edits, one after the other. */
  private queue: Promise<unknown> = Promise.resolve();
  /** An edit failed: the index may differ from the folder until the next full build. */
  private stale = false;
  private readonly buildListeners = new Set<(ms: number) => void>();
  /** The encoder's background pass over the current notes. */
  private warming: Promise<void> = Promise.resolve();

  private constructor(
    private readonly options: LoreOptions,
    knowledge: Knowledge,
    private readonly logger: Logger,
    private readonly provenance?: CitationProvenance,
    private readonly reranker?: SectionReranker,
  ) {
    this.knowledge = knowledge;
  }

  /** Reads and indexes the folder. Throws a LoreError when it is missing or holds no notes. */
  static async open(options: LoreOptions): Promise<Lore> {
    const logger = options.logger ?? silentLogger();
    const knowledge = await buildKnowledge(options.knowledgeDir, { maxNoteBytes: options.maxNoteBytes ?? DEFAULT_MAX_NOTE_BYTES });
    const provenance = options.datedCitations ? await openProvenance(options.knowledgeDir, logger) : undefined;
    const reranker = options.rerank === 'encoder' ? await SectionReranker.open(options.encoder ?? (await openUseEncoder()), logger, options.rerankCacheFile) : undefined;
    const lore = new Lore(options, knowledge, logger, provenance, reranker);
    lore.logBuild();
    return lore;
  }

  /** Resolves once every section of the current notes is embedded for re-ranking (at once without `rerank`). */
  rerankReady(): Promise<void> {
    return this.warming;
  }

  /** Stops the sentence encoder, if any. */
  async close(): Promise<void> {
    await this.reranker?.close();
  }

  /** The answer, its citations pinned to a commit and dated when the notes are in git (see `datedCitations`). */
  async ask(question: string, context: AskContext = {}): Promise<Answer> {
    const answer = await this.rankedAnswer(question, context);
    if (this.provenance === undefined || answer.citations.length === 0) return answer;
    await this.provenance.annotate(answer.citations);
    const staleBefore = Date.now() - (this.options.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS) * DAY_MS;
    const baseUrl = this.options.knowledgeBaseUrl;
    for (const citation of answer.citations) {
      if (citation.changed !== undefined && Date.parse(citation.changed) < staleBefore) citation.stale = true;
      if (baseUrl?.includes('{commit}')) citation.url = citationUrl(baseUrl, citation, citation.commit);
    }
    return answer;
  }

  /** The commit the notes are served from, when they are in git and `datedCitations` is on. */
  commit(): string | undefined {
    return this.provenance?.commit();
  }

  /** The same as `ask`, synchronously, without commit or dates, and without the encoder's re-ranking. */
  answer(rawQuestion: unknown, context: AskContext = {}): Answer {
    return answerQuestion(this.knowledge.index, rawQuestion, this.answerOptions(context));
  }

  private answerOptions(context: AskContext): AnswerOptions {
    return { top: context.top, previousQuestion: context.previousQuestion, folders: context.folders, ranking: this.options.ranking, baseUrl: this.options.knowledgeBaseUrl };
  }

  /**
   * The answer as `ask` ranks it (re-ranked by the encoder when there is one; if the encoder fails, the lexical
   * answer), without commit or dates.
   */
  async rankedAnswer(question: string, context: AskContext = {}): Promise<Answer> {
    const reranker = this.reranker;
    if (!reranker) return this.answer(question, context);
    const index = this.knowledge.index;
    try {
      return await answerQuestionReranked(index, question, this.answerOptions(context), (text, result, couldAnswer) => reranker.rerank(index, text, result, couldAnswer));
    } catch (error) {
      this.logger.warn({ err: asError(error) }, 'the sentence encoder failed; answered without re-ranking');
      return this.answer(question, context);
    }
  }

  /** Ranked chunks for a question, for evaluation and tools. */
  search(question: string, limit = 10, context: AskContext = {}): Hit[] {
    return search(this.knowledge.index, cleanQuestion(question), { limit, folders: context.folders, previousQuestion: context.previousQuestion, ranking: this.options.ranking }).hits;
  }

  examples(count: number, context: AskContext = {}): string[] {
    const within = underFolders(context.folders);
    const queries = this.knowledge.notes.filter((note) => within(note.file)).flatMap((note) => note.meta.queries);
    const labels = this.sectionTitles(context.folders)
      .map((title) => (title.split(SECTION_SEPARATOR).at(-1) ?? '').replace(/^[^\p{L}]+/u, ''))
      .filter((label) => label.length >= 4 && label.length <= 48 && !label.endsWith('…'));
    const fromLabels = [...new Set(labels)].map((label) => (label.endsWith('?') ? label : `What about ${label}?`));
    return spread([...queries, ...fromLabels], count);
  }

  suggest(prefix: string, limit: number, context: AskContext = {}): string[] {
    const titles = this.sectionTitles(context.folders);
    const typed = cleanQuestion(prefix);
    if (typed === '') return titles.slice(0, limit);
    const fuse = (list: string[]) =>
      new Fuse(
        list.map((path) => ({ path, label: path.split(SECTION_SEPARATOR).at(-1) ?? path })),
        { keys: [{ name: 'label', weight: 2 }, 'path'], threshold: 0.4, ignoreLocation: true },
      );
    // The unscoped list is kept between keystrokes; a scoped one is small enough to build each time.
    const finder = context.folders?.length ? fuse(titles) : (this.derived.titles ??= fuse(titles));
    return finder.search(typed, { limit }).map((result) => result.item.path);
  }

  stats(): IndexStats {
    const { index, skipped, buildMs, builtAt } = this.knowledge;
    return { files: index.fileCount, chunks: index.chunkCount, terms: index.liveTermCount, buildMs, skipped, builtAt };
  }

  /** Calls `listener` with the milliseconds of every later full build; returns a function that stops it. */
  onBuild(listener: (ms: number) => void): () => void {
    this.buildListeners.add(listener);
    return () => this.buildListeners.delete(listener);
  }

  /** Rebuilds from the folder. On failure the current index stays and the reason is logged. */
  reload(): Promise<boolean> {
    return this.enqueue(() => this.rebuild());
  }

  /**
   * Indexes again only the notes at these paths (relative to the knowledge folder), as they are now on disk:
   * changed or added notes are read, and gone ones removed. Resolves, true, once questions see the change;
   * false when it could not be applied (the reason is logged and the last good index keeps serving). A folder
   * or a link among the paths, or an earlier failed edit, makes it a full rebuild.
   */
  applyChanges(changes: NoteChanges): Promise<boolean> {
    return this.enqueue(() => this.applyNow(changes));
  }

  /** Follows edits of the notes as they happen. Returns a function that stops watching. */
  watch(): Promise<() => Promise<void>> {
    return watchNotes(this.options.knowledgeDir, { changed: (changes) => this.applyChanges(changes), replaced: () => this.reload() }, this.logger);
  }

  /** Every note's front-matter `queries`, with the note that should answer each and, where given, the lines or section. */
  knownQueries(): ({ file: string } & QueryExpectation)[] {
    return this.knowledge.notes.flatMap((note) =>
      note.meta.queries.map((query) => ({ file: note.file, ...(note.meta.expected.find((expected) => expected.query === query) ?? { query }) })),
    );
  }

  /** Every section path and its prefixes, in note order; only of files under `folders` when given. */
  private sectionTitles(folders?: string[]): string[] {
    if (folders?.length) return titlesOf(this.knowledge.index.liveChunks(), underFolders(folders));
    this.derived.sections ??= titlesOf(this.knowledge.index.liveChunks(), () => true);
    return this.derived.sections;
  }

  private enqueue(work: () => Promise<boolean>): Promise<boolean> {
    const run = this.queue.then(work, work);
    this.queue = run;
    return run;
  }

  private async rebuild(): Promise<boolean> {
    try {
      const knowledge = await buildKnowledge(this.options.knowledgeDir, { maxNoteBytes: this.options.maxNoteBytes ?? DEFAULT_MAX_NOTE_BYTES });
      await this.provenance?.refresh();
      this.knowledge = knowledge;
      this.derived = {};
      this.stale = false;
      this.logBuild();
      return true;
    } catch (error) {
      this.stale = true;
      this.logger.warn({ err: asError(error) }, 'notes changed but could not be indexed; still serving the last good index');
      return false;
    }
  }

  private async applyNow(changes: NoteChanges): Promise<boolean> {
    if (this.stale) return this.rebuild();
    const started = performance.now();
    try {
      // Citations are pinned to the commit now checked out, even when the notes it changed read back the same.
      await this.provenance?.refresh();
      const known = new Set([...this.knowledge.notes.map((note) => note.file), ...this.knowledge.skipped.map((skipped) => skipped.file)]);
      const read = await readNoteChanges(this.options.knowledgeDir, changes, known, { maxBytes: this.options.maxNoteBytes ?? DEFAULT_MAX_NOTE_BYTES });
      if (read.kind === 'rebuild') {
        this.logger.debug({ why: read.why }, 'notes changed: reading the whole folder again');
        return await this.rebuild();
      }
      for (const ignored of read.ignored) this.logger.warn({ path: ignored.file, reason: ignored.reason }, 'change ignored');
      // A watcher may report one write twice; a note read back unchanged, or skipped again for the same reason, is left as it is.
      const indexed = new Map(this.knowledge.notes.map((note) => [note.file, note.text]));
      const skippedAlready = new Set(this.knowledge.skipped.map((skipped) => `${skipped.file}\n${skipped.reason}`));
      const edit = {
        ...read.edit,
        loaded: read.edit.loaded.filter((file) => indexed.get(file.file) !== file.text),
        skipped: read.edit.skipped.filter((file) => indexed.has(file.file) || !skippedAlready.has(`${file.file}\n${file.reason}`)),
      };
      if (edit.loaded.length + edit.removed.length + edit.skipped.length === 0) return true;
      applyNoteEdit(this.knowledge, edit);
      this.derived = {};
      this.knowledge.builtAt = new Date();
      this.logger.info({ changed: edit.loaded.length, removed: edit.removed.length, ms: Math.round(performance.now() - started) }, 'notes updated');
      this.warm();
      for (const skipped of edit.skipped) this.logger.warn({ file: skipped.file, reason: skipped.reason }, 'note skipped');
      for (const warning of this.knowledge.warnings.filter((w) => edit.loaded.some((file) => file.file === w.file))) this.logger.warn({ file: warning.file, reason: warning.reason }, 'note read in part');
      // Dead and added postings slow lookups down a little; past a share, a fresh build (queued, off this edit's path) tidies up.
      if (this.knowledge.index.churn > MAX_CHURN) void this.enqueue(() => this.rebuild());
      return true;
    } catch (error) {
      this.stale = true;
      this.logger.warn({ err: asError(error) }, 'notes changed but could not be indexed; still serving the last good index');
      return false;
    }
  }

  /** Embeds, in the background, the sections of notes just indexed; a failure is logged and questions go on. */
  private warm(): void {
    if (!this.reranker) return;
    this.warming = this.reranker.warm(this.knowledge.index).catch((error: unknown) => {
      this.logger.warn({ err: asError(error) }, 'sections not embedded for re-ranking; answers are ranked without the encoder where they miss');
    });
  }

  private logBuild(): void {
    this.warm();
    const stats = this.stats();
    this.logger.info({ files: stats.files, chunks: stats.chunks, terms: stats.terms, ms: Math.round(stats.buildMs) }, 'notes indexed');
    for (const skipped of this.knowledge.skipped) this.logger.warn({ file: skipped.file, reason: skipped.reason }, 'note skipped');
    for (const warning of this.knowledge.warnings) this.logger.warn({ file: warning.file, reason: warning.reason }, 'note read in part');
    for (const listener of this.buildListeners) listener(stats.buildMs);
  }
}

export function openLore(options: LoreOptions): Promise<Lore> {
  return Lore.open(options);
}

function titlesOf(chunks: Iterable<Chunk>, within: (file: string) => boolean): string[] {
  const titles = new Set<string>();
  for (const chunk of chunks) {
    if (!within(chunk.file)) continue;
    for (let depth = 1; depth <= chunk.section.length; depth++) titles.add(chunk.section.slice(0, depth).join(SECTION_SEPARATOR));
  }
  return [...titles];
}

/** Whether a note file lies under one of the folders (the same reading of folders as the search's). */
function underFolders(folders: string[] | undefined): (file: string) => boolean {
  if (!folders?.length) return () => true;
  const prefixes = folders.map((folder) => folder.replace(/^\.?\/+|\/+$/g, '')).map((folder) => (folder ? `${folder}/` : ''));
  return (file) => prefixes.some((prefix) => file.startsWith(prefix));
}

/** Up to `count` items taken evenly across the list, so examples cover different notes. */
function spread<T>(items: T[], count: number): T[] {
  if (items.length <= count) return items;
  const step = items.length / count;
  return Array.from({ length: count }, (_, i) => items[Math.floor(i * step)] as T);
}
