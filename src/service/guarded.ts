import { shortCitation } from '../answer/citation.js';
import type { Logger } from '../logger.js';
import type { Answer, AskContext, AskService, Asker, IndexStats, VoteRecord } from '../types.js';
import { ALLOWED, memoryRateLimitCounter, type RateLimitCounter } from '../chat/shared-state.js';
import { rateLimited } from '../chat/wording.js';
import type { Metrics } from '../ops/metrics.js';
import { InFlight } from './in-flight.js';
import { refusal } from './refusal.js';
import { judge, NO_RULES, type Rules } from './rules.js';

export interface GuardOptions {
  /** The rules in force now; read on every question so a reloaded lore.config.yml applies at once. */
  rules?: () => Rules;
  /** Questions one person may ask per minute; 0 or undefined: no limit. */
  rateLimitPerMinute?: number;
  /** Gets one `question answered` line per question (and `question refused` / `question failed`). */
  logger: Logger;
  /** Milliseconds clock for the default in-memory counter, for tests. */
  now?: () => number;
  /** Where questions per person are counted: shared by the replicas with PostgreSQL, one process's memory by default. */
  rateLimit?: RateLimitCounter;
  /** Counts questions (by platform, surface and outcome), answer time and votes. */
  metrics?: Pick<Metrics, 'questions' | 'answerSeconds' | 'votes'>;
}

const RATE_WINDOW_MS = 60_000;

/** An AskService that can stop taking questions and wait for the ones in flight. */
export interface GuardedService extends AskService {
  /** From now on every question is refused with `shutting-down`. */
  close(): void;
  /** Resolves when no question is in flight or after `timeoutMs`; true when everything finished. */
  drain(timeoutMs: number): Promise<boolean>;
}

/**
 * Wraps the engine for chat: channel rules (allowed channels, DMs, per-channel folders), a per-user rate limit, one
 * structured log line per question, and in-flight tracking for graceful shutdown. Refusals come back as answers with
 * a `Refusal` reason, never as errors, so every adapter can keep them private.
 */
export function createGuardedService(inner: AskService, options: GuardOptions): GuardedService {
  const rules = options.rules ?? (() => NO_RULES);
  const limit = options.rateLimitPerMinute ?? 0;
  const counter = options.rateLimit ?? memoryRateLimitCounter(options.now);
  const { metrics } = options;
  const inFlight = new InFlight();
  const log = options.logger;
  let closed = false;

  const ask = async (question: string, context: AskContext = {}): Promise<Answer> => {
    const started = performance.now();
    const fields = askerFields(context.asker, question);
    if (closed) return refuse(question, fields, 'shutting-down', "I'm restarting right now. Please ask again in a minute.");
    const verdict = judge(rules(), context.asker);
    if (!verdict.allowed) return refuse(question, fields, 'channel-not-allowed', verdict.text);
    const { asker } = context;
    const limited = asker?.userId !== undefined && limit > 0 ? await counter.hit(`${asker.platform}:${asker.userId}`, limit, RATE_WINDOW_MS) : ALLOWED;
    if (!limited.allowed) return refuse(question, fields, 'rate-limited', rateLimited(limit, limited.retryAfterMs));
    const scoped: AskContext = verdict.folders ? { ...context, folders: verdict.folders } : context;
    try {
      const answer = await inFlight.track(inner.ask(question, scoped));
      count(context.asker, answer.found ? 'answered' : 'not-found', started);
      const best = answer.citations[0];
      log.info(
        {
          ...fields,
          found: answer.found,
          ...(answer.reason && { reason: answer.reason }),
          citation: answer.found && best ? shortCitation(best) : null,
          ...(verdict.folders && { folders: verdict.folders }),
          latencyMs: Math.round(performance.now() - started),
        },
        'question answered',
      );
      return answer;
    } catch (error) {
      count(context.asker, 'failed', started);
      log.warn({ ...fields, error: (error as Error)?.message ?? String(error), latencyMs: Math.round(performance.now() - started) }, 'question failed');
      throw error;
    }
  };

  /** The context narrowed to the notes its asker may see; undefined when the asker may see none. */
  const scope = (context: AskContext): AskContext | undefined => {
    const verdict = judge(rules(), context.asker);
    if (!verdict.allowed) return undefined;
    return verdict.folders ? { ...context, folders: verdict.folders } : context;
  };

  const count = (asker: Asker | undefined, outcome: string, started?: number): void => {
    const platform = asker?.platform ?? 'none';
    metrics?.questions.inc({ platform, surface: asker?.surface ?? 'none', outcome });
    if (started !== undefined) metrics?.answerSeconds.observe({ platform }, (performance.now() - started) / 1000);
  };

  const refuse = (question: string, fields: Record<string, unknown>, reason: Parameters<typeof refusal>[1], text: string): Answer => {
    metrics?.questions.inc({ platform: String(fields.platform ?? 'none'), surface: String(fields.surface ?? 'none'), outcome: reason });
    log.info({ ...fields, refused: reason }, 'question refused');
    return refusal(question, reason, text);
  };

  return {
    ask,
    examples: (count: number, context: AskContext = {}): string[] => {
      const scoped = scope(context);
      return scoped ? inner.examples(count, scoped) : [];
    },
    suggest: (prefix: string, limit: number, context: AskContext = {}): string[] => {
      const scoped = scope(context);
      return scoped ? inner.suggest(prefix, limit, scoped) : [];
    },
    stats: (): IndexStats => inner.stats(),
    recordVote: (vote: VoteRecord) => {
      metrics?.votes.inc({ platform: vote.platform, vote: vote.vote });
      inner.recordVote?.(vote);
    },
    ...(inner.answers && { answers: inner.answers }),
    allows: (asker: Asker): boolean => judge(rules(), asker).allowed && (inner.allows?.(asker) ?? true),
    whereToAsk: (asker: Asker): string | undefined => {
      const verdict = judge(rules(), asker);
      return verdict.allowed ? inner.whereToAsk?.(asker) : verdict.text;
    },
    close() {
      closed = true;
    },
    drain: (timeoutMs: number) => inFlight.idle(timeoutMs),
  };
}

/** Who and where, for the log line: ids only, and the question's length rather than its text. */
function askerFields(asker: Asker | undefined, question: string): Record<string, unknown> {
  return {
    platform: asker?.platform ?? null,
    surface: asker?.surface ?? null,
    userId: asker?.userId ?? null,
    channelId: asker?.channelId ?? null,
    questionLength: question.length,
  };
}
