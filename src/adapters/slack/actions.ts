import type { App, BlockButtonAction, RespondFn } from '@slack/bolt';
import { shortCitation } from '../../answer/citation.js';
import { asError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { ShownAnswer, Vote } from './answer-store.js';
import { ACTION, decodeButtonValue, type ButtonValue } from './buttons.js';
import type { ListenerDeps, SlackClient } from './deps.js';
import { refusalOf } from '../../service/refusal.js';
import type { Asker } from '../../types.js';
import { citationLabel, renderAnswer, renderApology, renderNote, type SlackMessage } from './render.js';

/** The buttons under every answer: "Share in channel" and 👍/👎. */
export function registerActions(app: App, deps: ListenerDeps): void {
  app.action<BlockButtonAction>(ACTION.share, async ({ ack, body, action, client, respond }) => {
    await ack();
    const log = deps.logger.child({ action: 'share', user: body.user.id, channel: body.channel?.id });
    await guarded(log, respond, async () => {
      const value = decodeButtonValue(action.value);
      const channel = body.channel?.id;
      if (!value || !channel) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: "Sorry, I can't share that answer here." });
        return;
      }
      // A share is a new question in the channel it is posted to, by the person who clicked: it is checked against
      // that channel's rules and folders, counts against their limit, and is answered afresh (never from the stored
      // answer, which may have been found with another channel's folders).
      const original = deps.answers.get(value.id);
      const asker: Asker = { platform: 'slack', surface: 'slash', userId: body.user.id, channelId: channel, direct: channel.startsWith('D') };
      const answer = await deps.service.ask(original?.answer.question ?? value.question, { asker });
      if (refusalOf(answer)) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...renderNote(answer.text) });
        return;
      }
      const shared: ShownAnswer = { answer, audience: 'public', askedBy: body.user.id, echoQuestion: true, votes: new Map() };
      await postPublicly(client, respond, channel, renderAnswer(deps.answers.save(shared), shared), log);
      await respond({ delete_original: true });
    });
  });

  const onVote = (vote: Vote) =>
    async ({ ack, body, action, client, respond }: VoteArgs): Promise<void> => {
      await ack();
      const log = deps.logger.child({ action: 'vote', user: body.user.id, channel: body.channel?.id });
      await guarded(log, respond, async () => {
        const value = decodeButtonValue(action.value);
        const shown = value ? deps.answers.get(value.id) : undefined;
        logVote(deps.logger, vote, body.user.id, value, shown);
        recordVote(deps, vote, body.user.id, body.channel?.id, value, shown);
        if (!value || !shown) {
          await respond({ response_type: 'ephemeral', replace_original: false, text: 'Thanks for the feedback!' });
          return;
        }
        shown.votes.set(body.user.id, vote);
        const message = renderAnswer(value.id, shown);
        const channel = body.channel?.id;
        const ts = body.message?.ts;
        // Ephemeral messages cannot be edited with chat.update; their response_url can replace them.
        if (shown.audience === 'private' || !channel || !ts) await respond({ replace_original: true, ...message });
        else await client.chat.update({ channel, ts, ...message });
      });
    };
  app.action<BlockButtonAction>(ACTION.voteUp, onVote('up'));
  app.action<BlockButtonAction>(ACTION.voteDown, onVote('down'));
}

interface VoteArgs {
  ack: () => Promise<void>;
  body: BlockButtonAction;
  action: BlockButtonAction['actions'][number];
  client: SlackClient;
  respond: RespondFn;
}

/** One structured line per vote, for whoever curates the notes. */
function logVote(logger: Logger, vote: Vote, user: string, value: ButtonValue | undefined, shown: ShownAnswer | undefined): void {
  const best = shown?.answer.citations[0];
  logger.info(
    {
      event: 'vote',
      vote,
      user,
      question: shown?.answer.question ?? value?.question,
      citation: best ? citationLabel(best) : value?.citation,
      found: shown?.answer.found,
    },
    'answer vote',
  );
}

/** Hands the vote to the service (which may store it); a failure there never affects the click. */
function recordVote(deps: ListenerDeps, vote: Vote, userId: string, channelId: string | undefined, value: ButtonValue | undefined, shown: ShownAnswer | undefined): void {
  const best = shown?.answer.citations[0];
  try {
    deps.service.recordVote?.({
      platform: 'slack',
      userId,
      vote,
      question: shown?.answer.question ?? value?.question,
      citation: best ? shortCitation(best) : undefined,
      channelId,
    });
  } catch (error) {
    deps.logger.warn({ err: asError(error) }, 'recording the vote failed');
  }
}

/**
 * Posts a shared answer with chat.postMessage; where the bot is not a member (or the conversation is a DM
 * between people) that fails, and the interaction's response_url can still post in the channel.
 */
async function postPublicly(client: SlackClient, respond: RespondFn, channel: string, message: SlackMessage, log: Logger): Promise<void> {
  try {
    await client.chat.postMessage({ channel, ...message, unfurl_links: false, unfurl_media: false });
  } catch (error) {
    const code = (error as { data?: { error?: unknown } }).data?.error;
    if (code !== 'not_in_channel' && code !== 'channel_not_found') throw error;
    log.info({ code }, 'bot cannot post here; sharing through response_url');
    await respond({ response_type: 'in_channel', replace_original: false, ...message });
  }
}

async function guarded(log: Logger, respond: RespondFn, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    log.error({ err: asError(error) }, 'handling a Slack button failed');
    try {
      await respond({ response_type: 'ephemeral', replace_original: false, ...renderApology() });
    } catch (apologyError) {
      log.error({ err: asError(apologyError) }, 'posting the apology failed too');
    }
  }
}
