import { LRUCache } from 'lru-cache';
import type { Answer } from '../types.js';

/** Conversations remembered at most; the least recently used are forgotten first. */
const REMEMBERED = 5000;
/** The most words of a conversation's topic kept, the latest: a long chain of follow-ups forgets its start. */
const TOPIC_WORDS = 40;

/**
 * What a conversation is about after an answer, for the next question to be read with: the question, after the
 * earlier one it was read with when it read as a follow-up. So "why not?" after "does fargate support daemonsets?"
 * and "and on eks?" is read with both, not with "and on eks?" alone.
 */
export function topicAfter(answer: Answer): string {
  if (answer.readWith === undefined) return answer.question;
  const words = `${answer.readWith} ${answer.question}`.split(/\s+/).filter(Boolean);
  return words.slice(-TOPIC_WORDS).join(' ');
}

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
