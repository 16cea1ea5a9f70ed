/**
 * Conversations over a folder of notes, for measuring follow-ups: two turns (`followups.json`: a question, then one
 * that leans on it) or three (`followup-chains.json`), with the lines that answer the last turn, or none where the
 * notes do not answer it. Scored by the last turn's first citation, as the single-question sets are.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Answer } from '../src/types.js';
import { EvalInputError } from './eval-input.js';
import { answersAt, type AnswerPlace } from './notes-devset.js';

const text = z.string().trim().min(1);
const range = z.tuple([z.number().int().positive(), z.number().int().positive()]).refine(([start, end]) => start <= end, 'a range starts at or before its end');
const place = {
  /** The file that answers the last turn, relative to the knowledge folder, and its 1-based inclusive lines. */
  file: text,
  lines: range,
  /** Other ranges of the same file that answer as well. */
  or: z.array(range).optional(),
  /** The same answer in another file. */
  elsewhere: z.array(z.object({ file: text, lines: range })).optional(),
};

const PairsSchema = z.object({
  about: text,
  pairs: z.array(z.object({ first: text, q: text, ...place })),
  noAnswer: z.array(z.object({ first: text, q: text })),
});

const turns = z.array(text).min(2);
const ChainsSchema = z.object({
  about: text,
  chains: z.array(z.object({ turns, ...place })),
  noAnswer: z.array(z.object({ turns })).optional(),
});

/** Turns asked in order; `answer` is where the last one is answered, absent where the notes do not answer it. */
export interface Conversation {
  turns: string[];
  answer?: AnswerPlace;
}

/** A file's conversations: those with an answer, then those the notes do not answer. */
export function readConversations(path: string): Conversation[] {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new EvalInputError(`${path}: cannot be read as JSON (${(error as Error).message}).`);
  }
  const pairs = PairsSchema.safeParse(value);
  if (pairs.success) {
    return [
      ...pairs.data.pairs.map(({ first, q, ...answer }) => ({ turns: [first, q], answer })),
      ...pairs.data.noAnswer.map(({ first, q }) => ({ turns: [first, q] })),
    ];
  }
  const chains = ChainsSchema.safeParse(value);
  if (chains.success) return [...chains.data.chains.map(({ turns, ...answer }) => ({ turns, answer })), ...(chains.data.noAnswer ?? [])];
  const issues = (value !== null && typeof value === 'object' && 'chains' in value ? chains : pairs).error?.issues ?? [];
  throw new EvalInputError(`${path}: ${issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`).join('; ')}`);
}

/** Which half a conversation is in, by its place in its file: tune on one, report the other. */
export function halfOf(position: number): 'tune' | 'report' {
  return position % 2 === 0 ? 'tune' : 'report';
}

export interface ConversationScore {
  /** Conversations whose last turn the notes answer, and those answered on the right lines. */
  answerable: number;
  right: number;
  /** Conversations whose last turn the notes do not answer, and those given an honest "I couldn't find". */
  unanswerable: number;
  honest: number;
}

/** Scores the last turn of each conversation, as `answerTurns` answers the whole conversation. */
export function scoreConversations(conversations: readonly Conversation[], answerTurns: (turns: readonly string[]) => Answer): ConversationScore {
  const score: ConversationScore = { answerable: 0, right: 0, unanswerable: 0, honest: 0 };
  for (const conversation of conversations) {
    const answer = answerTurns(conversation.turns);
    if (conversation.answer === undefined) {
      score.unanswerable++;
      if (!answer.found) score.honest++;
      continue;
    }
    score.answerable++;
    if (answer.found && answersAt(answer.citations[0], conversation.answer)) score.right++;
  }
  return score;
}
