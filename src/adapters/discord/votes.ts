import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import type { VoteSubject } from '../../chat/votes.js';
import { LIMITS } from './limits.js';

export const SHARE_ID = 'lore:share:';
const VOTE = /^lore:vote:(up|down):(.*)$/s;

/**
 * The buttons under an answer: 👍/👎, with the citation (`file:start-end`) in the custom id so a vote after a restart
 * still names it, and Share on a private answer (the id of the question kept for it).
 */
export function answerRow(subject: VoteSubject, shareId?: string): APIActionRowComponent<APIButtonComponent> {
  const button = (customId: string, emoji: string, label: string, style: ButtonStyle.Primary | ButtonStyle.Secondary = ButtonStyle.Secondary): APIButtonComponent => ({
    type: ComponentType.Button,
    style,
    custom_id: customId.slice(0, LIMITS.customId),
    ...(emoji && { emoji: { name: emoji } }),
    label,
  });
  const citation = subject.citation ?? '-';
  const votes = [button(`lore:vote:up:${citation}`, '👍', 'Helpful'), button(`lore:vote:down:${citation}`, '👎', 'Not helpful')];
  return { type: ComponentType.ActionRow, components: shareId === undefined ? votes : [button(`${SHARE_ID}${shareId}`, '', 'Share in channel', ButtonStyle.Primary), ...votes] };
}

export function parseVote(customId: string): { vote: 'up' | 'down'; citation: string } | undefined {
  const match = VOTE.exec(customId);
  return match ? { vote: match[1] === 'up' ? 'up' : 'down', citation: match[2] ?? '' } : undefined;
}
