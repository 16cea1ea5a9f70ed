import Fuse from 'fuse.js';
import { composeAnswer, notFound } from './answer/compose.js';
import { cleanQuestion } from './answer/question.js';
import { SECTION_SEPARATOR, citationUrl } from './answer/citation.js';
import { asError } from './errors.js';
import { buildKnowledge, type Knowledge } from './knowledge/build.js';
import { silentLogger, type Logger } from './logger.js';
import type { RankingOptions } from './search/ranking-options.js';
import { search, type Hit } from './search/search.js';
import type { Answer, AskContext, AskService, Chunk, IndexStats, QueryExpectation } from './types.js';
import { openProvenance, type CitationProvenance } from './source/git/provenance.js';
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
}

/** Notes files that changed, relative to the knowledge folder: what a new commit (or the watcher) saw. */
export interface NotesChange {
  changed: string[];
  removed: string[];
}

const DEFAULT_TOP = 3;
const DEFAULT_STALE_AFTER_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_MAX_NOTE_BYTES = 2 * 1024 * 1024;
const MAX_TOP = 10;

/**
 * The engine: the notes of one folder, indexed, answering questions. Rebuilds swap the whole
 * index at once, so a question is always answered from one consistent build.
 */
export class Lore implements AskService {
  private knowledge: Knowledge;
  /** Derived from the current build on first use; dropped when a rebuild swaps the index. */
  private derived: { sections?: string[]; titles?: Fuse<{ path: string; label: string }> } = {};

  private constructor(
    private readonly options: LoreOptions,
    knowledge: Knowledge,
    private readonly logger: Logger,
    private readonly provenance?: CitationProvenance,
  ) {
    this.knowledge = knowledge;
  }

  /** Reads and indexes the folder. Throws a LoreError when it is missing or holds no notes. */
  static async open(options: LoreOptions): Promise<Lore> {
    const logger = options.logger ?? silentLogger();
    const knowledge = await buildKnowledge(options.knowledgeDir, { maxNoteBytes: options.maxNoteBytes ?? DEFAULT_MAX_NOTE_BYTES });
    const provenance = options.datedCitations ? await openProvenance(options.knowledgeDir, logger) : undefined;
    const lore = new Lore(options, knowledge, logger, provenance);
    lore.logBuild();
    return lore;
  }

  /** The answer, its citations pinned to a commit and dated when the notes are in git (see `datedCitations`). */
  async ask(question: string, context: AskContext = {}): Promise<Answer> {
    const answer = this.answer(question, context);
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

  /** The same as `ask`, synchronously, without commit or dates. */
  answer(rawQuestion: unknown, context: AskContext = {}): Answer {
    const question = cleanQuestion(rawQuestion);
    if (question === '') return notFound('', 'empty-question', []);
    const top = Math.min(MAX_TOP, Math.max(1, Math.floor(context.top ?? DEFAULT_TOP)));
    const previousQuestion = context.previousQuestion ? cleanQuestion(context.previousQuestion) : undefined;
    const result = search(this.knowledge.index, question, { limit: 32, folders: context.folders, previousQuestion, ranking: this.options.ranking });
    return composeAnswer(question, result, this.knowledge.index, { top, baseUrl: this.options.knowledgeBaseUrl });
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
    return { files: index.files.length, chunks: index.chunks.length, terms: index.termCount, buildMs, skipped, builtAt };
  }

  /** Rebuilds from the folder. On failure the current index stays and the reason is logged. */
  async reload(): Promise<boolean> {
    try {
      const knowledge = await buildKnowledge(this.options.knowledgeDir, { maxNoteBytes: this.options.maxNoteBytes ?? DEFAULT_MAX_NOTE_BYTES });
      await this.provenance?.refresh();
      this.knowledge = knowledge;
      this.derived = {};
      this.logBuild();
      return true;
    } catch (error) {
      this.logger.warn({ err: asError(error) }, 'notes changed but could not be indexed; still serving the last good index');
      return false;
    }
  }

  /**
   * Takes in changed and removed notes (paths relative to the knowledge folder). For now it rebuilds the whole
   * index, like `reload`; the index keeps the last good build when that fails.
   */
  async applyChanges(change: NotesChange): Promise<boolean> {
    this.logger.debug({ changed: change.changed.length, removed: change.removed.length }, 'notes changed');
    return this.reload();
  }

  /** Rebuilds when notes change. Returns a function that stops watching. */
  watch(): Promise<() => Promise<void>> {
    return watchNotes(this.options.knowledgeDir, () => this.reload(), this.logger);
  }

  /** Every note's front-matter `queries`, with the note that should answer each and, where given, the lines or section. */
  knownQueries(): ({ file: string } & QueryExpectation)[] {
    return this.knowledge.notes.flatMap((note) =>
      note.meta.queries.map((query) => ({ file: note.file, ...(note.meta.expected.find((expected) => expected.query === query) ?? { query }) })),
    );
  }

  /** Every section path and its prefixes, in note order; only of files under `folders` when given. */
  private sectionTitles(folders?: string[]): string[] {
    if (folders?.length) return titlesOf(this.knowledge.index.chunks, underFolders(folders));
    this.derived.sections ??= titlesOf(this.knowledge.index.chunks, () => true);
    return this.derived.sections;
  }

  private logBuild(): void {
    const stats = this.stats();
    this.logger.info({ files: stats.files, chunks: stats.chunks, terms: stats.terms, ms: Math.round(stats.buildMs) }, 'notes indexed');
    for (const skipped of this.knowledge.skipped) this.logger.warn({ file: skipped.file, reason: skipped.reason }, 'note skipped');
    for (const warning of this.knowledge.warnings) this.logger.warn({ file: warning.file, reason: warning.reason }, 'note front matter ignored');
  }
}

export function openLore(options: LoreOptions): Promise<Lore> {
  return Lore.open(options);
}

function titlesOf(chunks: readonly Chunk[], within: (file: string) => boolean): string[] {
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
