import type { App } from '@slack/bolt';
import { asError } from '../../errors.js';
import { refusalOf } from '../../service/refusal.js';
import type { ListenerDeps } from './deps.js';
import { CHAT_GAPS, renderGaps, wantsGaps } from './gaps.js';
import { wantsHelp } from './deps.js';
import { renderAnswer, renderApology, renderHelp, renderNote } from './render.js';
import { questionFromSlack } from './slack-text.js';

/** `/ask <question>`: acked at once, then answered privately (ephemeral, via response_url). */
export function registerCommand(app: App, deps: ListenerDeps): void {
  app.command(deps.command, async ({ command, ack, respond }) => {
    await ack();
    const log = deps.logger.child({ channel: command.channel_id, user: command.user_id });
    try {
      const question = questionFromSlack(command.text);
      const asker = { platform: 'slack', surface: 'slash', userId: command.user_id, channelId: command.channel_id, direct: command.channel_id.startsWith('D') } as const;
      if (wantsHelp(question)) {
        const elsewhere = deps.service.whereToAsk?.(asker);
        await respond({ response_type: 'ephemeral', ...(elsewhere === undefined ? renderHelp(deps.command, deps.service.examples(3, { asker })) : renderNote(elsewhere)) });
        return;
      }
      if (wantsGaps(question) && deps.reports) {
        const allowed = deps.service.allows?.(asker) ?? true;
        await respond({ response_type: 'ephemeral', ...(allowed ? renderGaps(await deps.reports.gaps(CHAT_GAPS, { platform: 'slack', channelId: command.channel_id })) : renderNote("The knowledge-gap report isn't available in this channel.")) });
        return;
      }
      const answer = await deps.service.ask(question, { asker });
      if (refusalOf(answer)) {
        await respond({ response_type: 'ephemeral', ...renderNote(answer.text) });
        return;
      }
      const shown = { answer, audience: 'private' as const, askedBy: command.user_id, echoQuestion: true, votes: new Map() };
      await respond({ response_type: 'ephemeral', ...renderAnswer(deps.answers.save(shown), shown) });
    } catch (error) {
      log.error({ err: asError(error) }, `answering ${deps.command} failed`);
      try {
        await respond({ response_type: 'ephemeral', ...renderApology() });
      } catch (apologyError) {
        log.error({ err: asError(apologyError) }, 'posting the apology failed too');
      }
    }
  });
}
