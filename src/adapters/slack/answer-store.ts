import { randomBytes } from 'node:crypto';
import type { Answer } from '../../types.js';
import { BoundedMap } from './bounded.js';

export type Vote = 'up' | 'down';

/** An answer as shown in Slack, kept so button clicks can re-render or share it. */
export interface ShownAnswer {
  answer: Answer;
  /** `private`: only the asker sees it (ephemeral, via response_url), with a "Share in channel" button. */
  audience: 'private' | 'public';
  /** Slack user id of the asker, from the payload; shown on shared answers. */
  askedBy?: string;
  /** Repeat the question above the answer, where it is not visible otherwise (slash commands, shares). */
  echoQuestion: boolean;
  /** Latest vote per user id. */
  votes: Map<string, Vote>;
}

/** Answers recently shown, by a short random id that the message's buttons carry. Bounded: old ones are forgotten. */
export class AnswerStore {
  readonly #answers: BoundedMap<string, ShownAnswer>;

  constructor(limit = 2000) {
    this.#answers = new BoundedMap(limit);
  }

  save(shown: ShownAnswer): string {
    const id = randomBytes(8).toString('hex');
    this.#answers.set(id, shown);
    return id;
  }

  get(id: string): ShownAnswer | undefined {
    return this.#answers.get(id);
  }
}
