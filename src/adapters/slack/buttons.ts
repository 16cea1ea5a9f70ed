import type { types } from '@slack/bolt';
import { z } from 'zod';
import { SLACK_LIMITS } from './limits.js';
import type { Carried } from '../../chat/conversation.js';
import { answerButtons } from '../../chat/layout.js';
import { cutText } from '../../chat/truncate.js';

/** action_id of each lore button; the app listens on these. */
export const ACTION = Object.freeze({
  share: 'lore_share',
  up: 'lore_vote_up',
  down: 'lore_vote_down',
});

const QUESTION_BUDGET = 1500;
const CITATION_BUDGET = 300;

/**
 * A button's value: the answer's id with its question and citation, so a vote can still be logged, and a share
 * re-asked, after the shown answer is forgotten (restart or eviction). The keys stay short for Slack's limit.
 */
export function encodeButtonValue(value: Carried & { answerId: string; question: string }): string {
  const encoded = JSON.stringify({
    id: value.answerId,
    q: cutText(value.question, QUESTION_BUDGET),
    ...(value.citation === undefined ? {} : { c: cutText(value.citation, CITATION_BUDGET) }),
  });
  // JSON escaping can grow a question; fall back to the id alone rather than exceed Slack's limit.
  return encoded.length <= SLACK_LIMITS.buttonValue ? encoded : JSON.stringify({ id: value.answerId, q: '' });
}

const value = z.object({ id: z.string(), q: z.string(), c: z.string().optional() });

export function decodeButtonValue(raw: string | undefined): Carried | undefined {
  try {
    const { id, q, c } = value.parse(JSON.parse(raw ?? ''));
    return { answerId: id, question: q, ...(c !== undefined && { citation: c }) };
  } catch {
    return undefined;
  }
}

/** The buttons under an answer, each carrying the same value. */
export function actionsBlock(value: Parameters<typeof encodeButtonValue>[0], withShare: boolean): types.ActionsBlock {
  const encoded = encodeButtonValue(value);
  const elements = answerButtons(withShare).map(({ action, label, emoji, primary }): types.Button => ({
    type: 'button',
    action_id: ACTION[action],
    text: { type: 'plain_text', text: (emoji ? `${emoji} ${label}` : label).slice(0, SLACK_LIMITS.buttonText), emoji: true },
    value: encoded,
    ...(primary && { style: 'primary' }),
  }));
  return { type: 'actions', block_id: 'lore_actions', elements };
}
