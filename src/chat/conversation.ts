import { asError } from '../errors.js';
import type { Logger } from '../logger.js';
import { refusalOf } from '../service/refusal.js';
import type { Asker, AskService, FeedbackReports } from '../types.js';
import { FollowUps, topicAfter } from './follow-ups.js';
import { intentOf } from './intent.js';
import { memoryReplayGuard, type ReplayGuard } from './shared-state.js';
import { ShownAnswers, type ShownAnswer } from './shown.js';
import type { Reply, Turn, Visibility } from './turn.js';
import { cutText } from './truncate.js';
import { citationRef, voteSubject } from './votes.js';
import { APOLOGY, CANNOT_SHARE, GAPS_IN_TERMINAL, GAPS_NOT_HERE, GREETING, NOT_RECORDING, YOU_ARE_WELCOME, helpText, voteThanks } from './wording.js';

export interface ConversationOptions {
  service: AskService;
  logger: Logger;
  /** Stored feedback, for the gaps report. */
  reports?: FeedbackReports;
  /** The platform's slash command, named in help (e.g. `/ask`). */
  command?: string;
  /** Where event ids are claimed, to drop redeliveries; one process's memory by default. */
  replay?: ReplayGuard;
}

/**
 * What an answer's button carries back when clicked, on every platform: the shown answer's id, and where the button has
 * room (Slack's value, older Discord buttons) what the answer was about, for a click after the answer is forgotten.
 */
export interface Carried {
  answerId?: string;
  question?: string;
  /** As carried by the button; kept only when it is a whole `file:start-end`. */
  citation?: string;
}

/** A click on 👍 or 👎, with what the button carried. */
export interface VoteTurn extends Carried {
  asker: Asker;
  vote: 'up' | 'down';
}

export const EXAMPLE_COUNT = 3;
const GAPS_SHOWN = 10;
const REPLAY_TTL_MS = 60 * 60 * 1000;

/** How each surface answers when the person made no choice: slash commands and shortcuts privately. */
const DEFAULT_VISIBILITY: Record<Asker['surface'], Visibility> = { slash: 'private', shortcut: 'private', button: 'public', mention: 'public', dm: 'public', terminal: 'public' };

/** How visible the reply to a turn will be, unless it is refused (refusals are private). */
export function visibilityOf(turn: Turn): Visibility {
  return turn.visibility ?? DEFAULT_VISIBILITY[turn.asker.surface];
}

/**
 * Whether an answer repeats the question above it: where it is not posted under the question (a command, a shortcut,
 * a shared answer). Discord shows the command above an interaction's reply itself; Slack needs the echo.
 */
export function echoesQuestion(asker: Asker): boolean {
  return asker.surface === 'slash' || asker.surface === 'shortcut' || asker.surface === 'button';
}

/**
 * The conversation, the same for every platform: a {@link Turn} in, a {@link Reply} out. It decides what the turn asks
 * (help, gaps or a question), whether the asker may be answered here, how visible the reply is, which earlier question
 * a follow-up leans on, and the wording. Failures become an apology; nothing is thrown.
 */
export class Conversation {
  readonly #options: ConversationOptions;
  readonly #followUps = new FollowUps();
  readonly #replay: ReplayGuard;
  /** Answers shown, by the id their buttons carry. */
  readonly shown: ShownAnswers;

  constructor(options: ConversationOptions) {
    this.#options = options;
    this.#replay = options.replay ?? memoryReplayGuard();
    this.shown = new ShownAnswers(options.logger, options.service.answers);
  }

  async reply(turn: Turn): Promise<Reply> {
    const { service } = this.#options;
    const { asker } = turn;
    const visibility = visibilityOf(turn);
    // Outside the allowed channels a mention gets no reply at all, not even help.
    if (asker.surface === 'mention' && service.allows?.(asker) === false) return { kind: 'silent' };
    try {
      // The same question whatever the surface did with spaces and line breaks (a message, a slash option, a line).
      const text = turn.text.replace(/\s+/g, ' ').trim();
      const intent = intentOf(text);
      if (intent === 'help' || intent === 'greeting') return this.#help(asker, visibility, intent === 'greeting');
      if (intent === 'thanks') return { kind: 'note', visibility, text: service.whereToAsk?.(asker) ?? YOU_ARE_WELCOME };
      if (intent === 'gaps') return await this.#gaps(asker);
      const previousQuestion = this.#followUps.previous(turn.conversationId);
      const answer = await service.ask(text, previousQuestion === undefined ? { asker } : { asker, previousQuestion });
      const refused = refusalOf(answer);
      if (refused === 'channel-not-allowed' && asker.surface === 'mention') return { kind: 'silent' };
      if (refused) return { kind: 'note', visibility: 'private', text: answer.text };
      this.#followUps.remember([turn.conversationId, ...(turn.startsConversations ?? [])], topicAfter(answer));
      return {
        kind: 'answer',
        visibility,
        answer,
        examples: answer.found ? [] : service.examples(EXAMPLE_COUNT, { asker }),
        share: visibility === 'private',
        vote: voteSubject(answer),
      };
    } catch (error) {
      this.#options.logger.error({ err: asError(error), platform: asker.platform, surface: asker.surface }, 'answering failed');
      // In a conversation the apology goes where the answer would have; a command's apology only to who ran it.
      const conversational = asker.surface === 'mention' || asker.surface === 'dm' || asker.surface === 'terminal';
      return { kind: 'note', visibility: conversational ? visibility : 'private', text: APOLOGY, problem: true };
    }
  }

  /**
   * Records a vote (the store may keep it), about the shown answer when it is known (in memory or in the store),
   * else about what the button carried; counts it on the shown answer, and says thanks. A failure to record never
   * affects the click.
   */
  async vote(turn: VoteTurn): Promise<{ thanks: string; shown?: ShownAnswer }> {
    const subject = await this.shown.subject(turn.answerId);
    const question = subject?.question ?? turn.question;
    const citation = citationRef(subject?.citation ?? turn.citation);
    const { asker } = turn;
    this.#options.logger.info({ event: 'vote', vote: turn.vote, platform: asker.platform, userId: asker.userId, question: question ?? null, citation: citation ?? null }, 'answer vote');
    try {
      this.#options.service.recordVote?.({
        platform: asker.platform,
        userId: asker.userId ?? '',
        vote: turn.vote,
        ...(question !== undefined && { question }),
        ...(citation !== undefined && { citation }),
        ...(asker.channelId !== undefined && { channelId: asker.channelId }),
      });
    } catch (error) {
      this.#options.logger.warn({ err: asError(error) }, 'recording the vote failed');
    }
    const shown = this.shown.get(turn.answerId);
    if (shown && asker.userId !== undefined) shown.votes.set(asker.userId, turn.vote);
    return { thanks: voteThanks(turn.vote), ...(shown && { shown }) };
  }

  /**
   * Share in channel: the shown answer's question (from memory or the store, else what the button carried) asked again
   * by the person who clicked, publicly, in the channel it is posted to. That channel's rules and folders apply, it
   * counts against their limit, and it is answered afresh, never from the shown answer (which may have been found with
   * another channel's folders). A private note when there is nothing to share.
   */
  async share(asker: Asker, answerId: string | undefined, carried?: string): Promise<Reply> {
    const question = (await this.shown.subject(answerId))?.question ?? carried;
    if (!question || asker.channelId === undefined) return { kind: 'note', visibility: 'private', text: CANNOT_SHARE };
    return this.reply({ asker, text: question, visibility: 'public' });
  }

  /**
   * Section titles for what a person is typing (autocomplete), from the notes they may see where they are: at most
   * `limit`, each cut to `width` characters, none empty and none twice.
   */
  suggest(asker: Asker, typed: string, limit: number, width: number): string[] {
    const titles = this.#options.service.suggest(typed, limit, { asker }).map((title) => cutText(title, width));
    return [...new Set(titles.filter((title) => title !== ''))].slice(0, limit);
  }

  /** After `reply` is posted as a message: a thread started on a posted answer (`threadId`) reads on from its question. */
  posted(reply: Reply, threadId: string): void {
    if (reply.kind === 'answer') this.#followUps.remember([threadId], topicAfter(reply.answer));
  }

  /** True the first time an event id is seen; platforms redeliver and replay, and the copies are dropped. */
  firstTime(eventId: string): Promise<boolean> {
    return this.#replay.claim(eventId, REPLAY_TTL_MS);
  }

  #help(asker: Asker, visibility: Visibility, greeted = false): Reply {
    const { service, command } = this.#options;
    const elsewhere = service.whereToAsk?.(asker);
    if (elsewhere !== undefined) return { kind: 'note', visibility, text: elsewhere };
    const text = helpText(asker.platform === 'terminal' ? undefined : (command ?? '/ask'));
    return { kind: 'help', visibility, text: greeted ? `${GREETING} ${text}` : text, examples: service.examples(EXAMPLE_COUNT, { asker }) };
  }

  async #gaps(asker: Asker): Promise<Reply> {
    const { service, reports } = this.#options;
    const note = (text: string): Reply => ({ kind: 'note', visibility: 'private', text });
    if (asker.platform === 'terminal') return note(GAPS_IN_TERMINAL);
    if (reports === undefined) return note(NOT_RECORDING);
    if (service.allows?.(asker) === false || asker.channelId === undefined) return note(GAPS_NOT_HERE);
    return { kind: 'gaps', visibility: 'private', gaps: await reports.gaps(GAPS_SHOWN, { platform: asker.platform, channelId: asker.channelId }) };
  }
}
