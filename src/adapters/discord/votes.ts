import { ButtonStyle, ComponentType, MessageFlags, type APIActionRowComponent, type APIButtonComponent, type ButtonInteraction } from 'discord.js';
import type { Logger } from '../../logger.js';
import type { Answer, AskService } from '../../types.js';
import { BoundedMap } from './bounded-map.js';
import { LIMITS } from './limits.js';

export type Vote = 'up' | 'down';

const PREFIX = 'lore:vote:';
const NO_CITATION = '-';

/** What a vote is about; kept per answer message because a button's custom id holds at most 100 characters. */
interface VoteSubject {
  question: string;
  citation: string;
}

/** `file#L12-18` of the answer's best citation, or `-` when it has none. */
export function citationRef(answer: Answer): string {
  const best = answer.citations[0];
  if (!best) return NO_CITATION;
  return `${best.file}#L${best.startLine}-${best.endLine}`;
}

/** The 👍/👎 row under an answer. The citation rides in the custom id so a vote after a restart still names it. */
export function voteRow(answer: Answer): APIActionRowComponent<APIButtonComponent> {
  const ref = citationRef(answer);
  const button = (vote: Vote, emoji: string, label: string): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    custom_id: `${PREFIX}${vote}:${ref}`.slice(0, LIMITS.customId),
    emoji: { name: emoji },
    label,
  });
  return {
    type: ComponentType.ActionRow,
    components: [button('up', '👍', 'Helpful'), button('down', '👎', 'Not helpful')],
  };
}

export function parseVote(customId: string): { vote: Vote; citation: string } | undefined {
  const match = /^lore:vote:(up|down):(.*)$/s.exec(customId);
  if (!match) return undefined;
  return { vote: match[1] === 'up' ? 'up' : 'down', citation: match[2] ?? NO_CITATION };
}

/** Remembers which question each answer message answered, and records clicks on its vote buttons. */
export class VoteLedger {
  private readonly subjects = new BoundedMap<VoteSubject>(5000);

  constructor(
    private readonly logger: Logger,
    private readonly service?: Pick<AskService, 'recordVote'>,
  ) {}

  remember(messageId: string, answer: Answer): void {
    this.subjects.set(messageId, { question: answer.question, citation: citationRef(answer) });
  }

  /** Handles a click on a vote button; returns false when the button is not one of ours. */
  async handle(interaction: ButtonInteraction): Promise<boolean> {
    const parsed = parseVote(interaction.customId);
    if (!parsed) return false;
    const subject = this.subjects.get(interaction.message.id);
    this.logger.info(
      {
        event: 'vote',
        question: subject?.question ?? null,
        citation: subject?.citation ?? parsed.citation,
        vote: parsed.vote,
        userId: interaction.user.id,
      },
      'vote',
    );
    try {
      const citation = subject?.citation ?? parsed.citation;
      this.service?.recordVote?.({
        platform: 'discord',
        userId: interaction.user.id,
        vote: parsed.vote,
        question: subject?.question,
        citation: citation === NO_CITATION ? undefined : citation.replace('#L', ':'),
        channelId: interaction.channelId ?? undefined,
      });
    } catch (error) {
      this.logger.warn({ err: error }, 'recording the vote failed');
    }
    await interaction.reply({
      content: parsed.vote === 'up' ? 'Thanks, glad it helped!' : 'Thanks for telling us; the notes owners will see it.',
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
    return true;
  }
}
