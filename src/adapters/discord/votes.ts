import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import type { ShownAnswer } from '../../chat/shown.js';
import { BUTTON_LABELS, VOTE_EMOJI } from '../../chat/wording.js';
import { LIMITS } from './limits.js';

export const SHARE_ID = 'lore:share:';
/** `lore:vote:<up|down>:<answer id>:<citation>`; buttons of older versions carry the citation alone. */
const VOTE = /^lore:vote:(up|down):(?:([0-9a-f]{16}):)?(.*)$/s;

/**
 * The buttons under an answer: 👍/👎 with the shown answer's id and its citation (`file:start-end`, so a vote after a
 * restart without a store still names it), and Share on a private answer.
 */
export function answerRow(shown: ShownAnswer): APIActionRowComponent<APIButtonComponent> {
  const button = (customId: string, emoji: string, label: string, style: ButtonStyle.Primary | ButtonStyle.Secondary = ButtonStyle.Secondary): APIButtonComponent => ({
    type: ComponentType.Button,
    style,
    custom_id: customId.slice(0, LIMITS.customId),
    ...(emoji && { emoji: { name: emoji } }),
    label,
  });
  const subject = `${shown.id}:${shown.reply.vote.citation ?? '-'}`;
  const votes = [button(`lore:vote:up:${subject}`, VOTE_EMOJI.up, BUTTON_LABELS.up), button(`lore:vote:down:${subject}`, VOTE_EMOJI.down, BUTTON_LABELS.down)];
  const share = button(`${SHARE_ID}${shown.id}`, '', BUTTON_LABELS.share, ButtonStyle.Primary);
  return { type: ComponentType.ActionRow, components: shown.reply.share ? [share, ...votes] : votes };
}

export function parseVote(customId: string): { vote: 'up' | 'down'; answerId?: string; citation: string } | undefined {
  const match = VOTE.exec(customId);
  if (!match) return undefined;
  return { vote: match[1] === 'up' ? 'up' : 'down', ...(match[2] !== undefined && { answerId: match[2] }), citation: match[3] ?? '' };
}
