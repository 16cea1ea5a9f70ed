import { asError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Answer, AskContext, AskService, Asker, VoteRecord } from '../types.js';
import type { FeedbackStore, QuestionRecord } from './store.js';

export interface RecordingOptions {
  store: FeedbackStore;
  /** Gets one warning when the store first fails; later failures go to debug. */
  logger: Logger;
  /** Rows older than this many days are pruned at start and once a day. */
  retentionDays: number;
  /** Milliseconds clock, for tests. */
  now?: () => number;
}

/** An AskService that records every answered question and every vote. */
export interface RecordingService extends AskService {
  recordVote(vote: VoteRecord): void;
  /** Writes everything queued so far, now. */
  flush(): void;
  /** Flushes, stops pruning and closes the database. Later questions are answered but not recorded. */
  close(): void;
}

/** Answers that say something about the notes; refusals (rate limit, channel rules, shutdown) and empty questions do not. */
const RECORDED_REASONS: ReadonlySet<string> = new Set(['no-terms', 'no-match', 'low-confidence']);
const PRUNE_EVERY_MS = 24 * 60 * 60 * 1000;

/**
 * Wraps a service so questions and votes land in the feedback store. Writes are queued and run after the answer
 * has been handed back, and a failing write is caught and logged: the store never delays or breaks an answer.
 */
export function createRecordingService(inner: AskService, options: RecordingOptions): RecordingService {
  const { store, logger, retentionDays } = options;
  const now = options.now ?? Date.now;
  const queue: (() => void)[] = [];
  let scheduled: NodeJS.Immediate | undefined;
  let warned = false;
  let closed = false;

  const failed = (error: unknown, what: string): void => {
    if (warned) return void logger.debug({ err: asError(error), what }, 'feedback store write failed');
    warned = true;
    logger.warn({ err: asError(error), what }, 'feedback store write failed: answers still go out, but questions and votes are not being recorded');
  };
  const flush = (): void => {
    if (scheduled !== undefined) clearImmediate(scheduled);
    scheduled = undefined;
    for (let write = queue.shift(); write !== undefined; write = queue.shift()) write();
  };
  const enqueue = (what: string, write: () => void): void => {
    if (closed) return;
    queue.push(() => {
      try {
        write();
      } catch (error) {
        failed(error, what);
      }
    });
    scheduled ??= setImmediate(flush);
  };
  const prune = () =>
    enqueue('prune', () => {
      const removed = store.prune(retentionDays, now());
      if (removed.questions + removed.votes > 0) logger.info({ ...removed, retentionDays }, 'pruned old feedback');
    });
  prune();
  const pruning = setInterval(prune, PRUNE_EVERY_MS).unref();

  return {
    async ask(question: string, context: AskContext = {}): Promise<Answer> {
      const at = now();
      const started = performance.now();
      const answer = await inner.ask(question, context);
      const latencyMs = performance.now() - started;
      if (answer.reason === undefined || RECORDED_REASONS.has(answer.reason)) {
        enqueue('question', () => store.recordQuestion(questionRecord(answer, context.asker, at, latencyMs)));
      }
      return answer;
    },
    examples: (count, context) => inner.examples(count, context),
    suggest: (prefix, limit, context) => inner.suggest(prefix, limit, context),
    stats: () => inner.stats(),
    recordVote(vote: VoteRecord): void {
      const at = now();
      enqueue('vote', () => store.recordVote(vote, at));
      inner.recordVote?.(vote);
    },
    ...(inner.allows && { allows: (asker: Asker) => inner.allows?.(asker) ?? true }),
    ...(inner.whereToAsk && { whereToAsk: (asker: Asker) => inner.whereToAsk?.(asker) }),
    flush,
    close() {
      if (closed) return;
      flush();
      closed = true;
      clearInterval(pruning);
      try {
        store.close();
      } catch (error) {
        failed(error, 'close');
      }
    },
  };
}

function questionRecord(answer: Answer, asker: Asker | undefined, at: number, latencyMs: number): QuestionRecord {
  return {
    at,
    platform: asker?.platform ?? 'terminal',
    surface: asker?.surface ?? 'terminal',
    channelId: asker?.channelId,
    userId: asker?.userId,
    question: answer.question,
    found: answer.found,
    reason: answer.reason,
    notes: answer.citations.map(({ file, startLine, endLine, score }) => ({ file, startLine, endLine, score })),
    latencyMs,
  };
}
