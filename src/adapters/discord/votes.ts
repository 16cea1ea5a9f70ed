import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import { answerButtons } from '../../chat/layout.js';
import type { ShownAnswer } from '../../chat/shown.js';
import { LIMITS } from './limits.js';

export const SHARE_ID = 'lore:share:';
/** `lore:vote:<up|down>:<answer id>:<citation>`; buttons of older versions carry the citation alone. */
const VOTE = /^lore:vote:(up|down):(?:([0-9a-f]{16}):)?(.*)$/s;

/**
 * The buttons under an answer: 👍/👎 with the shown answer's id and its citation (`file:start-end`, so a vote after a
 * restart without a store still names it), and Share on a private answer.
 */
export function answerRow(shown: ShownAnswer): APIActionRowComponent<APIButtonComponent> {
  const subject = `${shown.id}:${shown.reply.vote.citation ?? '-'}`;
  const components = answerButtons(shown.reply.share).map(({ action, label, emoji, primary }): APIButtonComponent => ({
    type: ComponentType.Button,
    style: primary ? ButtonStyle.Primary : ButtonStyle.Secondary,
    custom_id: (action === 'share' ? `${SHARE_ID}${shown.id}` : `lore:vote:${action}:${subject}`).slice(0, LIMITS.customId),
    ...(emoji && { emoji: { name: emoji } }),
    label,
  }));
  return { type: ComponentType.ActionRow, components };
}

export function parseVote(customId: string): { vote: 'up' | 'down'; answerId?: string; citation: string } | undefined {
  const match = VOTE.exec(customId);
  if (!match) return undefined;
  return { vote: match[1] === 'up' ? 'up' : 'down', ...(match[2] !== undefined && { answerId: match[2] }), citation: match[3] ?? '' };
}
