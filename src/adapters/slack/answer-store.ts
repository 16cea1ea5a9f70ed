import { randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Reply } from '../../chat/turn.js';

export type Vote = 'up' | 'down';
export type AnswerReply = Extract<Reply, { kind: 'answer' }>;

/** An answer as shown in Slack, kept so button clicks can re-render or share it. */
export interface ShownAnswer {
  reply: AnswerReply;
  /** Slack user id of the asker; shown on shared answers. */
  askedBy?: string;
  /** Repeat the question above the answer, where it is not visible otherwise (slash commands, shortcuts, shares). */
  echoQuestion: boolean;
  /** Latest vote per user id. */
  votes: Map<string, Vote>;
}

/** Answers recently shown, by a short random id that the message's buttons carry; the oldest are forgotten. */
export class AnswerStore {
  readonly #answers = new LRUCache<string, ShownAnswer>({ max: 2000 });

  save(shown: ShownAnswer): string {
    const id = randomBytes(8).toString('hex');
    this.#answers.set(id, shown);
    return id;
  }

  get(id: string): ShownAnswer | undefined {
    return this.#answers.get(id);
  }
}
