import { BoundedMap } from './bounded-map.js';

/** Where a question was asked, as far as follow-ups are concerned. */
export interface Conversation {
  channelId: string;
  /** The question's own message, when it is one (not a slash command). */
  messageId?: string;
  /** A thread or a DM: later questions there follow on from earlier ones. */
  continuous: boolean;
}

/**
 * Remembers the last question per conversation so a follow-up like "and on EKS?" is read with it.
 * Threads and DMs are conversations. In a plain channel the question is remembered under its message id,
 * because a thread started from that message gets the same id, and follows on from it.
 */
export class ThreadMemory {
  private readonly questions: BoundedMap<string>;

  constructor(capacity = 1000) {
    this.questions = new BoundedMap(capacity);
  }

  previousQuestion(conversation: Conversation): string | undefined {
    return conversation.continuous ? this.questions.get(conversation.channelId) : undefined;
  }

  remember(conversation: Conversation, question: string): void {
    if (question.trim() === '') return;
    if (conversation.continuous) this.questions.set(conversation.channelId, question);
    else if (conversation.messageId !== undefined) this.questions.set(conversation.messageId, question);
  }
}
