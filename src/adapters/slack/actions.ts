import type { App, BlockButtonAction, RespondFn } from '@slack/bolt';
import { APOLOGY } from '../../chat/wording.js';
import { asError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { Vote } from '../../chat/shown.js';
import { ACTION, decodeButtonValue } from './buttons.js';
import { slackAsker, type ListenerDeps, type SlackClient } from './deps.js';
import { deliver } from './listeners.js';
import { renderAnswer, renderNote, renderReply } from './render.js';

/** The buttons under every answer: "Share in channel" and 👍/👎. */
export function registerActions(app: App, deps: ListenerDeps): void {
  app.action<BlockButtonAction>(ACTION.share, async ({ ack, body, action, client, respond }) => {
    await ack();
    const log = deps.logger.child({ action: 'share', user: body.user.id, channel: body.channel?.id });
    await guarded(log, respond, async () => {
      const value = decodeButtonValue(action.value);
      const channel = body.channel?.id ?? '';
      const reply = await deps.conversation.share(slackAsker('button', body.user.id, body.channel?.id, body.team?.id), value?.id, value?.question);
      if (reply.kind !== 'answer') return void (await deliver(deps, client, reply, { channel, respond, userId: body.user.id }, true));
      await postPublicly(client, respond, channel, renderReply(reply, deps, { askedBy: body.user.id, echo: true }), log);
      await respond({ delete_original: true });
    });
  });

  const onVote = (vote: Vote) =>
    async ({ ack, body, action, client, respond }: VoteArgs): Promise<void> => {
      await ack();
      const log = deps.logger.child({ action: 'vote', user: body.user.id, channel: body.channel?.id });
      await guarded(log, respond, async () => {
        const value = decodeButtonValue(action.value);
        const asker = slackAsker('button', body.user.id, body.channel?.id, body.team?.id);
        const { thanks, shown } = await deps.conversation.vote({ asker, vote, answerId: value?.id, question: value?.question, citation: value?.citation });
        if (!shown) return void (await respond({ response_type: 'ephemeral', replace_original: false, text: thanks }));
        const message = renderAnswer(shown);
        const channel = body.channel?.id;
        const ts = body.message?.ts;
        // Ephemeral messages cannot be edited with chat.update; their response_url can replace them.
        if (shown.reply.visibility === 'private' || !channel || !ts) await respond({ replace_original: true, ...message });
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

/**
 * Posts a shared answer with chat.postMessage; where the bot is not a member (or the conversation is a DM
 * between people) that fails, and the interaction's response_url can still post in the channel.
 */
async function postPublicly(client: SlackClient, respond: RespondFn, channel: string, message: { text: string }, log: Logger): Promise<void> {
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
    await respond({ response_type: 'ephemeral', replace_original: false, ...renderNote(APOLOGY, true) }).catch(
      (apologyError: unknown) => log.error({ err: asError(apologyError) }, 'posting the apology failed too'),
    );
  }
}
