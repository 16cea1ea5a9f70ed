import { LRUCache } from 'lru-cache';

/** Conversations remembered at most; the least recently used are forgotten first. */
const REMEMBERED = 5000;

/**
 * The last question asked in each conversation, so a follow-up ("and on EKS?") is read with it. The adapter names
 * the conversation: a thread or a DM continues; a question in a plain channel stands alone, but is also remembered
 * under the ids a thread started from it would get, so that thread follows on from it.
 */
export class FollowUps {
  readonly #questions: LRUCache<string, string>;

  constructor(max = REMEMBERED) {
    this.#questions = new LRUCache({ max });
  }

  previous(conversationId: string | undefined): string | undefined {
    return conversationId === undefined ? undefined : this.#questions.get(conversationId);
  }

  remember(ids: readonly (string | undefined)[], question: string): void {
    if (question.trim() === '') return;
    for (const id of ids) if (id !== undefined) this.#questions.set(id, question);
  }
}
