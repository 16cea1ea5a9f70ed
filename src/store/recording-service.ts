import type { Logger } from '../logger.js';
import type { Answer, AnswerSubjects, AskContext, AskService, Asker, VoteRecord } from '../types.js';
import type { FeedbackStore, QuestionRecord } from './store.js';
import { createWriteQueue, type WriteCounts } from './write-queue.js';

export interface RecordingOptions {
  store: FeedbackStore;
  /** Gets one warning when the store first fails; later failures go to debug. */
  logger: Logger;
  /** Rows older than this many days are pruned at start and once a day. */
  retentionDays: number;
  /** Milliseconds clock, for tests. */
  now?: () => number;
  /** Writes held while the database is locked or failing; beyond this, new ones are dropped and counted. Default 10,000. */
  maxQueued?: number;
}

/** An AskService that records every answered question and every vote. */
export interface RecordingService extends AskService {
  recordVote(vote: VoteRecord): void;
  answers: AnswerSubjects;
  /** Writes everything queued so far, now (what the database refuses stays queued). */
  flush(): Promise<void>;
  /** The store written to now (a new one after the database file was deleted and reopened). */
  store(): FeedbackStore;
  /** Writes queued, written and dropped so far. */
  counts(): WriteCounts;
  /** Flushes, stops pruning and closes the database. Later questions are answered but not recorded. */
  close(): Promise<void>;
}

/** Answers that say something about the notes; refusals (rate limit, channel rules, shutdown) and empty questions do not. */
const RECORDED_REASONS: ReadonlySet<string> = new Set(['no-terms', 'no-match', 'low-confidence']);
const PRUNE_EVERY_MS = 24 * 60 * 60 * 1000;

/**
 * Wraps a service so questions and votes land in the feedback store without ever delaying an answer: writes are
 * queued and written in batches after the answers have gone out, by a writer that waits at most a few milliseconds
 * for a lock (see {@link createWriteQueue}).
 */
export function createRecordingService(inner: AskService, options: RecordingOptions): RecordingService {
  const { logger, retentionDays } = options;
  const now = options.now ?? Date.now;
  const writes = createWriteQueue(options.store, logger, options.maxQueued);
  const prune = () =>
    writes.add('prune', async (store) => {
      const removed = await store.prune(retentionDays, now());
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
        writes.add('question', (store) => store.recordQuestion(questionRecord(answer, context.asker, at, latencyMs)));
      }
      return answer;
    },
    examples: (count, context) => inner.examples(count, context),
    suggest: (prefix, limit, context) => inner.suggest(prefix, limit, context),
    stats: () => inner.stats(),
    recordVote(vote: VoteRecord): void {
      const at = now();
      writes.add('vote', (store) => store.recordVote(vote, at));
      inner.recordVote?.(vote);
    },
    answers: {
      save(id, subject) {
        const at = now();
        writes.add('answer', (store) => store.saveAnswer(id, subject, at));
      },
      async find(id) {
        // A click can follow its answer within the queue's delay.
        await writes.flush();
        return writes.store().findAnswer(id);
      },
    },
    ...(inner.allows && { allows: (asker: Asker) => inner.allows?.(asker) ?? true }),
    ...(inner.whereToAsk && { whereToAsk: (asker: Asker) => inner.whereToAsk?.(asker) }),
    flush: () => writes.flush(),
    store: () => writes.store(),
    counts: () => writes.counts(),
    async close() {
      clearInterval(pruning);
      await writes.close();
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
    notes: answer.citations.map(({ file, startLine, endLine, score, commit }) => ({ file, startLine, endLine, score, ...(commit !== undefined && { commit }) })),
    latencyMs,
  };
}
