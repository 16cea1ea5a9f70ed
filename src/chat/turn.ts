import type { Answer, Asker, KnowledgeGap } from '../types.js';
import type { VoteSubject } from './votes.js';

/** One message to lore, as an adapter hands it over: plain text, who asked and where. */
export interface Turn {
  asker: Asker;
  /** The text with the platform's markup and the bot's own mention removed; the conversation collapses its whitespace. */
  text: string;
  /** The conversation the turn belongs to, where follow-ups continue: a thread or a DM. Absent: it stands alone. */
  conversationId?: string;
  /** Conversations that may grow from this turn (a thread started on the message): they follow on from it. */
  startsConversations?: readonly string[];
  /** The person's own choice, where the platform lets them make one (Discord's `private` option). */
  visibility?: Visibility;
}

/**
 * Where a turn's follow-ups continue, the same rule on every platform: in its thread, else in its DM; a message in
 * a plain channel stands alone, but a thread started on it (`startsThread`, the id that thread will have) reads on
 * from it. The ids are the platform's own.
 */
export function conversationOf(where: { thread?: string; direct?: string; startsThread?: string }): Pick<Turn, 'conversationId' | 'startsConversations'> {
  const conversationId = where.thread ?? where.direct;
  return { ...(conversationId !== undefined && { conversationId }), ...(where.startsThread !== undefined && { startsConversations: [where.startsThread] }) };
}

/**
 * `public`: posted where the turn was (channel, thread or DM); `private`: only the asker sees it (ephemeral, a DM,
 * or a DM's own reply).
 */
export type Visibility = 'public' | 'private';

/** What to say back; adapters turn it into Block Kit, embeds or terminal text and send it with its visibility. */
export type Reply =
  | { kind: 'silent' }
  | {
      kind: 'answer';
      visibility: Visibility;
      answer: Answer;
      /** Example questions, offered when nothing was found. */
      examples: string[];
      /** Offer a button that posts the answer for everyone (private answers only). */
      share: boolean;
      vote: VoteSubject;
    }
  | { kind: 'help'; visibility: Visibility; text: string; examples: string[] }
  | { kind: 'gaps'; visibility: Visibility; gaps: KnowledgeGap[] }
  /** A short note (a refusal, where to ask, an apology); `problem` marks an apology. */
  | { kind: 'note'; visibility: Visibility; text: string; problem?: boolean };
