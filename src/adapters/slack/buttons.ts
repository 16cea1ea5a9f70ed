import type { types } from '@slack/bolt';
import { SLACK_LIMITS } from './limits.js';
import { encodeButtonValue } from '../../chat/buttons.js';
import { answerButtons } from '../../chat/layout.js';

/** action_id of each lore button; the app listens on these. */
export const ACTION = Object.freeze({
  share: 'lore_share',
  up: 'lore_vote_up',
  down: 'lore_vote_down',
});

/** The buttons under an answer, each carrying the same value (the answer's id, question and citation). */
export function actionsBlock(value: Parameters<typeof encodeButtonValue>[0], withShare: boolean): types.ActionsBlock {
  const encoded = encodeButtonValue(value, SLACK_LIMITS.buttonValue);
  const elements = answerButtons(withShare).map(({ action, label, emoji, primary }): types.Button => ({
    type: 'button',
    action_id: ACTION[action],
    text: { type: 'plain_text', text: (emoji ? `${emoji} ${label}` : label).slice(0, SLACK_LIMITS.buttonText), emoji: true },
    value: encoded,
    ...(primary && { style: 'primary' }),
  }));
  return { type: 'actions', block_id: 'lore_actions', elements };
}
