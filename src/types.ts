import type { ReplayGuard } from './chat/shared-state.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { SharedRoutes } from './ops/server.js';

/** The shared vocabulary of lore: notes, chunks, citations, answers and the seam chat adapters plug into. */

/** Front matter lore understands; anything else in it is ignored. */
export interface NoteMeta {
  title?: string;
  tags: string[];
  /** Extra words that should find this note. */
  aliases: string[];
  /**
   * The title a docs site shows as the page's first heading: the front matter's, where the note has no `#` heading
   * of its own. Shown first in the section path of its citations, as a `# Title` would be.
   */
  heading?: string;
  /** Questions this note answers; `lore check` asserts each finds this note first. */
  queries: string[];
  /** Queries written with the lines or section that should be cited (`- { q: …, lines: 12-18 }`); `lore check` asserts those too. */
  expected: QueryExpectation[];
}

export interface QueryExpectation {
  query: string;
  /** 1-based, inclusive; the first citation must overlap them. */
  lines?: [number, number];
  /** The first citation's section path must end with this title. */
  section?: string;
}

/** One Markdown file of the knowledge folder, as loaded. */
export interface Note {
  /** Path relative to the knowledge folder, with `/` separators. */
  file: string;
  /** The whole file text, front matter included, line ends normalised to `\n`. */
  text: string;
  meta: NoteMeta;
}

/** A quotable piece of a note: a section, a bullet subtree or a run of blocks. */
export interface Chunk {
  /** Position of the chunk in the index; stable for one build only. */
  id: number;
  file: string;
  /** 1-based, inclusive, lines of the note file. */
  startLine: number;
  endLine: number;
  /** Headings and parent bullets above the chunk, outermost first. */
  section: string[];
  /** The chunk's own Markdown source (the lines `startLine..endLine`, possibly cut inside one long line). */
  text: string;
  /**
   * The section the chunk belongs to, the unit answers are ranked by: the text under one heading, one
   * `---` block, or, in an outline with no headings, one top-level bullet with everything nested in it.
   * Chunks of one unit are consecutive and share the number; numbered across the whole build.
   */
  unit: number;
}

/** Where an answer came from. */
export interface Citation {
  file: string;
  startLine: number;
  endLine: number;
  /** Section path joined with ` › `; empty at the top of a file. */
  section: string;
  /** The cited lines in the note's own Markdown (trimmed for display). */
  snippet: string;
  /** Relevance, higher is better. Comparable within one answer only. */
  score: number;
  /** Link to the lines, when a source URL is configured. */
  url?: string;
  /**
   * Full sha of the commit the cited lines were read at, when the notes come from git or sit in a git work tree
   * (left out for a file with uncommitted edits: its lines differ from that commit's).
   */
  commit?: string;
  /** ISO date of the newest commit that touched the cited lines (the file's modification time for uncommitted lines). */
  changed?: string;
  /** The cited lines were last changed longer ago than STALE_AFTER_DAYS. */
  stale?: boolean;
}

/** Why an answer was not found, so adapters can phrase help. */
export type NotFoundReason = 'empty-question' | 'no-terms' | 'no-match' | 'low-confidence' | Refusal;

/**
 * The question was not looked up at all; `Answer.text` says why, and when or where to ask instead.
 * Adapters keep these private: a private note (ephemeral, DM), or silence for mentions in channels the bot
 * is not allowed in.
 */
export type Refusal = 'rate-limited' | 'channel-not-allowed' | 'shutting-down';

/** A platform-neutral answer: no Slack, Discord or terminal syntax in it. */
export interface Answer {
  /** The question as asked, after clean-up (control characters removed, length capped). */
  question: string;
  /**
   * The earlier question this one was read with, when it read as a follow-up ("and on EKS?" after "does fargate
   * support daemonsets?"): what the conversation was about before it.
   */
  readWith?: string;
  found: boolean;
  /**
   * Plain text for a person: the quote's lines (Markdown from the note) when found,
   * otherwise the "I couldn't find …" sentence.
   */
  text: string;
  /** The quoted lines of the best chunk, in the note's Markdown, when found. */
  quote: string[];
  /** Words as written in the note that matched the question, for renderers to mark. */
  highlights: string[];
  /**
   * When found: the best citation first, then up to 2 "see also" from other places.
   * When not found: the closest notes (up to 3), possibly none.
   */
  citations: Citation[];
  /** The terms searched for, as the person would recognise them. */
  lookedFor: string[];
  reason?: NotFoundReason;
}

/** A chat platform's name, as its adapter calls itself (`slack`, `discord`), or `terminal`. */
export type Platform = string;
/** How a question came: a slash command, a mention, a direct message, a message shortcut or context menu, a button, the terminal. */
export type Surface = 'slash' | 'mention' | 'dm' | 'shortcut' | 'button' | 'terminal';

/** Who asked, and where: for logs, limits and per-channel rules. Ids are the platform's own. */
export interface Asker {
  platform: Platform;
  surface: Surface;
  userId?: string;
  channelId?: string;
  /** True in a direct message, whatever the surface (a slash command can be used in a DM too). */
  direct?: boolean;
  /** For a thread (Discord threads have their own ids): the channel it belongs to, for channel rules. */
  parentChannelId?: string;
  /** The Slack workspace or Discord server, when there is one. */
  workspaceId?: string;
  /** The thread the question was asked in, as the platform names it. */
  threadId?: string;
}

/** A 👍/👎 on an answer. */
export interface VoteRecord {
  platform: Platform;
  userId: string;
  vote: 'up' | 'down';
  question?: string;
  /** `file:start-end` of the answer's top citation, when it had one. */
  citation?: string;
  channelId?: string;
}

/** What an answer shown in chat was about: its question and `file:start-end` of its best citation. */
export interface AnswerSubject {
  question: string;
  citation?: string;
}

/**
 * What each answer shown was about, by the short id its buttons carry, so a vote or a Share after a restart still
 * knows the question (a Discord button holds only 100 characters).
 */
export interface AnswerSubjects {
  /** Keeps `subject` under `id`, without delaying the answer (the write may happen later). */
  save(id: string, subject: AnswerSubject): void;
  find(id: string): Promise<AnswerSubject | undefined>;
}

/** What a chat surface knows about the conversation around a question. */
export interface AskContext {
  /**
   * Who asked and where; absent for library and command-line use. The chat service refuses a question without one:
   * every chat question, re-asks from buttons included, says who asked.
   */
  asker?: Asker;
  /** An earlier question in the same thread, used to fill in a follow-up ("and on EKS?"). */
  previousQuestion?: string;
  /** Limit the answer to files under these folders of the knowledge (relative paths). */
  folders?: string[];
  /** Number of citations wanted (best + see also); default 3. */
  top?: number;
}

/** Counts of the index currently served. */
export interface IndexStats {
  files: number;
  chunks: number;
  terms: number;
  buildMs: number;
  skipped: SkippedFile[];
  builtAt: Date;
}

export interface SkippedFile {
  file: string;
  reason: string;
}

/** The engine as the adapters see it. */
export interface AskService {
  ask(question: string, context?: AskContext): Promise<Answer>;
  /**
   * Example questions drawn from the notes' section titles, for help messages. Like `ask`, only from the notes the
   * context's asker (or folders) may see.
   */
  examples(count: number, context?: AskContext): string[];
  /** Section titles matching what a person is typing, for autocomplete; scoped like `examples`. */
  suggest(prefix: string, limit: number, context?: AskContext): string[];
  stats(): IndexStats;
  /** Records a vote on an answer (adapters also log it). Optional: a service may not keep votes. */
  recordVote?(vote: VoteRecord): void;
  /** Where the answers shown are kept across restarts. Optional: without it they are remembered in memory only. */
  answers?: AnswerSubjects;
  /**
   * Whether the bot may speak to this asker at all (channel rules). Adapters stay silent where it is false, even for
   * help. Optional: absent means everywhere.
   */
  allows?(asker: Asker): boolean;
  /** Where the bot may be asked, for an asker it may not answer (help in such a channel says only this); undefined when allowed. */
  whereToAsk?(asker: Asker): string | undefined;
}

/** A question the notes did not answer well: askings with similar wording that got "I couldn't find" or a 👎. */
export interface KnowledgeGap {
  /** The most common wording of the group (the latest on a tie). */
  question: string;
  /** Other wordings in the group, most common first (a few at most). */
  variants: string[];
  /** Askings that went unanswered or got a 👎 (an asking counts once, however many 👎 it got). */
  count: number;
  unanswered: number;
  downvotes: number;
  /** The notes offered each time (closest or cited), most often first. */
  closest: { file: string; times: number }[];
  /** The latest asking or 👎. */
  lastAt: Date;
}

/** Reports on stored feedback that chat commands can show; data only, each adapter renders it. */
export interface FeedbackReports {
  /**
   * The biggest knowledge gaps of the recent past in one channel, most frequent first. Only that channel's
   * questions: the report is shown in chat, where other channels' questions are not everyone's to read.
   */
  gaps(limit: number, channel: { platform: string; channelId: string }): Promise<KnowledgeGap[]>;
}

/** A chat platform connection. A new platform is one folder under `src/adapters/` exporting a factory for this. */
export interface ChatAdapter {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Whether the platform connection is up now, for readiness checks; absent means "since start() resolved". */
  connected?(): boolean;
}

/** What `lore serve` hands every platform. */
export interface PlatformDeps {
  config: Config;
  service: AskService;
  logger: Logger;
  reports?: FeedbackReports;
  /** The ops endpoints, for a platform that serves HTTP itself and shares its port with them. */
  ops: SharedRoutes;
  /** Where event ids are claimed, to drop redeliveries and replays. */
  replay: ReplayGuard;
}

/** One chat platform: whether the environment configures it, and how to build its adapter (loaded only when used). */
export interface PlatformEntry {
  readonly name: string;
  configured(config: Config): boolean;
  /**
   * True in a child process this platform started (one shard of a sharded connection): that process runs this
   * platform alone and leaves the ops endpoints to its parent.
   */
  childProcess?(config: Config): boolean;
  create(deps: PlatformDeps): Promise<{ adapter: ChatAdapter; sharesOpsPort: boolean }>;
}
