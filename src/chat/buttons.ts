import { z } from 'zod';
import type { Carried, VoteTurn } from './conversation.js';
import type { AnswerButton } from './layout.js';
import type { ShownAnswer } from './shown.js';
import { cutText } from './truncate.js';

/**
 * What an answer's buttons carry back, written into a platform's button field. Where the field is roomy (Slack's
 * 2,000-character value) it is JSON with the question and citation, so a vote can still be logged, and a share
 * re-asked, after the shown answer is forgotten (restart or eviction); where it is short (Discord's 100-character
 * custom id) it is an id of the form `lore:vote:<up|down>:<answer id>:<citation>` or `lore:share:<answer id>`.
 */

const QUESTION_BUDGET = 1500;
const CITATION_BUDGET = 300;

/** A roomy button value, at most `max` characters: the keys stay short, and JSON escaping that grows a question past `max` leaves the id alone. */
export function encodeButtonValue(value: Carried & { answerId: string; question: string }, max: number): string {
  const encoded = JSON.stringify({
    id: value.answerId,
    q: cutText(value.question, QUESTION_BUDGET),
    ...(value.citation === undefined ? {} : { c: cutText(value.citation, CITATION_BUDGET) }),
  });
  return encoded.length <= max ? encoded : JSON.stringify({ id: value.answerId, q: '' });
}

const value = z.object({ id: z.string(), q: z.string(), c: z.string().optional() });

/** What a roomy button value carries; undefined for anything lore did not write. */
export function decodeButtonValue(raw: string | undefined): Carried | undefined {
  try {
    const { id, q, c } = value.parse(JSON.parse(raw ?? ''));
    return { answerId: id, question: q, ...(c !== undefined && { citation: c }) };
  } catch {
    return undefined;
  }
}

const SHARE_ID = 'lore:share:';
/** Buttons of older versions carry the citation alone. */
const VOTE_ID = /^lore:vote:(up|down):(?:([0-9a-f]{16}):)?(.*)$/s;

/** A short button id, at most `max` characters: a vote names the shown answer and its citation (`file:start-end`, or `-`). */
export function buttonId(action: AnswerButton['action'], shown: ShownAnswer, max: number): string {
  const id = action === 'share' ? `${SHARE_ID}${shown.id}` : `lore:vote:${action}:${shown.id}:${shown.reply.vote.citation ?? '-'}`;
  return id.slice(0, max);
}

/** What a short button id asks for: sharing an answer, or a vote with what it carries; undefined for anything else. */
export function parseButtonId(id: string): { share: string } | Omit<VoteTurn, 'asker'> | undefined {
  if (id.startsWith(SHARE_ID)) return { share: id.slice(SHARE_ID.length) };
  const match = VOTE_ID.exec(id);
  if (!match) return undefined;
  return { vote: match[1] === 'up' ? 'up' : 'down', ...(match[2] !== undefined && { answerId: match[2] }), citation: match[3] ?? '' };
}
