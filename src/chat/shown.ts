import { randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { asError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { AnswerSubject, AnswerSubjects } from '../types.js';
import type { Reply } from './turn.js';

export type Vote = 'up' | 'down';

const STORE_WAIT_MS = 1000;
export type AnswerReply = Extract<Reply, { kind: 'answer' }>;

/** An answer as shown, kept so the buttons under it can find it again: to count votes, re-render or share it. */
export interface ShownAnswer {
  /** A short random id that the answer's buttons carry (16 characters, within any platform's button limits). */
  readonly id: string;
  readonly reply: AnswerReply;
  /** Platform user id of the asker; shown on shared answers. */
  readonly askedBy?: string;
  /** Repeat the question above the answer, where it is not visible otherwise (slash commands, shortcuts, shares). */
  readonly echoQuestion: boolean;
  /** Latest vote per user id. */
  readonly votes: Map<string, Vote>;
}

/**
 * Answers recently shown, by id, in this process's memory (the oldest are forgotten); what each was about is also
 * handed to `subjects` when the service keeps them, so a click after a restart or an eviction still finds it.
 */
export class ShownAnswers {
  readonly #answers = new LRUCache<string, ShownAnswer>({ max: 5000 });

  constructor(
    private readonly logger: Logger,
    private readonly subjects?: AnswerSubjects,
  ) {}

  add(reply: AnswerReply, how: { askedBy?: string; echoQuestion?: boolean } = {}): ShownAnswer {
    const shown: ShownAnswer = { id: randomBytes(8).toString('hex'), reply, askedBy: how.askedBy, echoQuestion: how.echoQuestion ?? false, votes: new Map() };
    this.#answers.set(shown.id, shown);
    try {
      this.subjects?.save(shown.id, reply.vote);
    } catch (error) {
      this.logger.warn({ err: asError(error) }, 'keeping the shown answer failed');
    }
    return shown;
  }

  get(id: string | undefined): ShownAnswer | undefined {
    return id === undefined ? undefined : this.#answers.get(id);
  }

  /**
   * What the answer was about: from memory, else from the service's store; undefined when neither knows it, or the
   * store takes longer than a second (a click must be acknowledged within Discord's 3 s).
   */
  async subject(id: string | undefined): Promise<AnswerSubject | undefined> {
    if (id === undefined) return undefined;
    const shown = this.#answers.get(id);
    if (shown) return shown.reply.vote;
    try {
      const late = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), STORE_WAIT_MS).unref());
      return await Promise.race([this.subjects?.find(id), late]);
    } catch (error) {
      this.logger.warn({ err: asError(error) }, 'finding the shown answer failed');
      return undefined;
    }
  }
}
