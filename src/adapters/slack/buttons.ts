import type { types } from '@slack/bolt';
import { z } from 'zod';
import { SLACK_LIMITS } from './limits.js';
import type { Carried } from '../../chat/conversation.js';
import { cutText } from '../../chat/truncate.js';
import { BUTTON_LABELS, VOTE_EMOJI } from '../../chat/wording.js';

/** action_id of each lore button; the app listens on these. */
export const ACTION = Object.freeze({
  share: 'lore_share',
  voteUp: 'lore_vote_up',
  voteDown: 'lore_vote_down',
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

export function answerButtons(value: Parameters<typeof encodeButtonValue>[0], withShare: boolean): types.ActionsBlock {
  const encoded = encodeButtonValue(value);
  const elements: types.Button[] = [];
  if (withShare) elements.push(button(ACTION.share, BUTTON_LABELS.share, encoded, 'primary'));
  elements.push(button(ACTION.voteUp, `${VOTE_EMOJI.up} ${BUTTON_LABELS.up}`, encoded), button(ACTION.voteDown, `${VOTE_EMOJI.down} ${BUTTON_LABELS.down}`, encoded));
  return { type: 'actions', block_id: 'lore_actions', elements };
}

function button(actionId: string, text: string, value: string, style?: 'primary'): types.Button {
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: text.slice(0, SLACK_LIMITS.buttonText), emoji: true },
    value,
    ...(style ? { style } : {}),
  };
}
