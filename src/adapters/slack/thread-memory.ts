import { BoundedMap } from './bounded.js';

/** The last question answered in each Slack thread, so a follow-up mention can be read in context. */
export class ThreadMemory {
  readonly #questions: BoundedMap<string, string>;

  constructor(limit = 5000) {
    this.#questions = new BoundedMap(limit);
  }

  lastQuestion(channel: string, threadTs: string): string | undefined {
    return this.#questions.get(key(channel, threadTs));
  }

  remember(channel: string, threadTs: string, question: string): void {
    if (question.trim() === '') return;
    this.#questions.set(key(channel, threadTs), question);
  }
}

const key = (channel: string, threadTs: string): string => `${channel}:${threadTs}`;
