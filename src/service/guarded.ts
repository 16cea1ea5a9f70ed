import { shortCitation } from '../answer/citation.js';
import type { Logger } from '../logger.js';
import type { Answer, AskContext, AskService, Asker, IndexStats, VoteRecord } from '../types.js';
import { InFlight } from './in-flight.js';
import type { RateLimitCounter } from '../store/shared-state.js';
import { RateLimiter, type RateDecision } from './rate-limit.js';
import { refusal } from './refusal.js';
import { judge, NO_RULES, type Rules } from './rules.js';

export interface GuardOptions {
  /** The rules in force now; read on every question so a reloaded lore.config.yml applies at once. */
  rules?: () => Rules;
  /** Questions one person may ask per minute; 0 or undefined: no limit. */
  rateLimitPerMinute?: number;
  /** Where the per-minute counts are kept when replicas share them (PostgreSQL); this process's memory otherwise. */
  rateCounter?: RateLimitCounter;
  /** Gets one `question answered` line per question (and `question refused` / `question failed`). */
  logger: Logger;
  /** Milliseconds clock, for tests. */
  now?: () => number;
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
  const limiter = new RateLimiter(options.rateLimitPerMinute ?? 0);
  const now = options.now ?? Date.now;
  const { rateCounter } = options;
  const take = async (key: string): Promise<RateDecision> => {
    if (!rateCounter || limiter.limit <= 0) return limiter.take(key, now());
    if (await rateCounter.hit(key, limiter.limit, RATE_WINDOW_MS)) return { ok: true };
    // Shared windows are fixed minutes: the next one starts at the top of the minute.
    return { ok: false, retryAfterMs: RATE_WINDOW_MS - (now() % RATE_WINDOW_MS) };
  };
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
    if (asker?.userId !== undefined) {
      const decision = await take(`${asker.platform}:${asker.userId}`);
      if (!decision.ok) {
        const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
        const text = `You've asked ${limiter.limit} question${limiter.limit === 1 ? '' : 's'} in the last minute, the most I answer. Please try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
        return refuse(question, { ...fields, retryAfterMs: decision.retryAfterMs }, 'rate-limited', text);
      }
    }
    const scoped: AskContext = verdict.folders ? { ...context, folders: verdict.folders } : context;
    try {
      const answer = await inFlight.track(inner.ask(question, scoped));
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

  const refuse = (question: string, fields: object, reason: Parameters<typeof refusal>[1], text: string): Answer => {
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
    ...(inner.recordVote && { recordVote: (vote: VoteRecord) => inner.recordVote?.(vote) }),
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
