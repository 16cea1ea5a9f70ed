import type { types } from '@slack/bolt';
import { z } from 'zod';
import { SLACK_LIMITS } from './limits.js';
import { cutText } from '../../chat/truncate.js';

/** action_id of each lore button; the app listens on these. */
export const ACTION = Object.freeze({
  share: 'lore_share',
  voteUp: 'lore_vote_up',
  voteDown: 'lore_vote_down',
});

/**
 * What a button carries. `question` and `citation` travel with the click so a vote can still be logged,
 * and a share re-asked, after the stored answer is forgotten (restart or eviction).
 */
export interface ButtonValue {
  id: string;
  question: string;
  citation?: string;
}

const QUESTION_BUDGET = 1500;
const CITATION_BUDGET = 300;

export function encodeButtonValue(value: ButtonValue): string {
  const encoded = JSON.stringify({
    id: value.id,
    q: cutText(value.question, QUESTION_BUDGET),
    ...(value.citation === undefined ? {} : { c: cutText(value.citation, CITATION_BUDGET) }),
  });
  // JSON escaping can grow a question; fall back to the id alone rather than exceed Slack's limit.
  return encoded.length <= SLACK_LIMITS.buttonValue ? encoded : JSON.stringify({ id: value.id, q: '' });
}

const carried = z.object({ id: z.string(), q: z.string(), c: z.string().optional() });

export function decodeButtonValue(raw: string | undefined): ButtonValue | undefined {
  try {
    const { id, q, c } = carried.parse(JSON.parse(raw ?? ''));
    return { id, question: q, ...(c !== undefined && { citation: c }) };
  } catch {
    return undefined;
  }
}

export function answerButtons(value: ButtonValue, withShare: boolean): types.ActionsBlock {
  const encoded = encodeButtonValue(value);
  const elements: types.Button[] = [];
  if (withShare) elements.push(button(ACTION.share, 'Share in channel', encoded, 'primary'));
  elements.push(button(ACTION.voteUp, '👍 Helpful', encoded), button(ACTION.voteDown, '👎 Not helpful', encoded));
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
