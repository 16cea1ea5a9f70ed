import type { App, BlockButtonAction, RespondFn } from '@slack/bolt';
import { sendOrApologize } from '../../chat/apology.js';
import { echoesQuestion } from '../../chat/conversation.js';
import { decodeButtonValue } from '../../chat/buttons.js';
import { ACTION } from './buttons.js';
import { deliver, slackAsker, type ListenerDeps } from './listeners.js';
import { renderAnswer, renderNote } from './render.js';

const FAILED = 'handling a Slack button failed';

/** The buttons under every answer: "Share in channel" and 👍/👎. */
export function registerActions(app: App, deps: ListenerDeps): void {
  app.action<BlockButtonAction>(ACTION.share, async ({ ack, body, action, client, respond }) => {
    await ack();
    const log = deps.logger.child({ action: 'share', user: body.user.id, channel: body.channel?.id });
    await sendOrApologize(log, FAILED, apologyVia(respond), async () => {
      const value = decodeButtonValue(action.value);
      const asker = slackAsker('button', body.user.id, body.channel?.id, body.team?.id);
      const reply = await deps.conversation.share(asker, value?.answerId, value?.question);
      await deliver(deps, client, reply, { channel: body.channel?.id ?? '', respond, userId: body.user.id }, echoesQuestion(asker));
      // The private answer with the button goes once it is posted for everyone.
      if (reply.kind === 'answer') await respond({ delete_original: true });
    });
  });

  for (const vote of ['up', 'down'] as const) {
    app.action<BlockButtonAction>(ACTION[vote], async ({ ack, body, action, client, respond }) => {
      await ack();
      const log = deps.logger.child({ action: 'vote', user: body.user.id, channel: body.channel?.id });
      await sendOrApologize(log, FAILED, apologyVia(respond), async () => {
        const asker = slackAsker('button', body.user.id, body.channel?.id, body.team?.id);
        const { thanks, shown } = await deps.conversation.vote({ asker, vote, ...decodeButtonValue(action.value) });
        if (!shown) return void (await respond({ response_type: 'ephemeral', replace_original: false, text: thanks }));
        const message = renderAnswer(shown);
        const channel = body.channel?.id;
        const ts = body.message?.ts;
        // Ephemeral messages cannot be edited with chat.update; their response_url can replace them.
        if (shown.reply.visibility === 'private' || !channel || !ts) await respond({ replace_original: true, ...message });
        else await client.chat.update({ channel, ts, ...message });
      });
    });
  }
}

/** A button's apology goes only to who clicked, without replacing the message the button is on. */
function apologyVia(respond: RespondFn): (text: string) => Promise<unknown> {
  return (text) => respond({ response_type: 'ephemeral', replace_original: false, ...renderNote(text, true) });
}

