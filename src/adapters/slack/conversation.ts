import { asError } from '../../errors.js';
import { refusalOf } from '../../service/refusal.js';
import type { Answer, Asker } from '../../types.js';
import type { ListenerDeps, SlackClient } from './deps.js';
import { wantsHelp } from './deps.js';
import { renderAnswer, renderApology, renderHelp, renderNote, type SlackMessage } from './render.js';

/** Where a message-triggered answer goes, and the thread keys under which its question is remembered. */
export interface ConversationTarget {
  channel: string;
  /** Reply in this thread; top level when undefined. */
  threadTs?: string;
  /** Thread roots (besides the reply itself) a follow-up could be asked in. */
  rememberUnder: readonly string[];
  /** How the question came: a mention in a channel or a direct message. */
  surface: 'mention' | 'dm';
  /** The asker's Slack user id. */
  userId?: string;
}

/**
 * Answers a question asked in a conversation (mention or DM) with a public reply. Any failure is logged
 * with its stack and turned into a short apology in the same place; it never escapes to Bolt.
 */
export async function answerInConversation(
  deps: ListenerDeps,
  client: SlackClient,
  target: ConversationTarget,
  question: string,
  previousQuestion: string | undefined,
): Promise<void> {
  const log = deps.logger.child({ channel: target.channel, threadTs: target.threadTs });
  const asker: Asker = { platform: 'slack', surface: target.surface, userId: target.userId, channelId: target.channel };
  // Outside the allowed channels a mention gets no reply at all, not even help.
  if (target.surface === 'mention' && deps.service.allows?.(asker) === false) return;
  try {
    if (wantsHelp(question)) {
      const elsewhere = deps.service.whereToAsk?.(asker);
      await post(client, target, elsewhere === undefined ? renderHelp(deps.command, deps.service.examples(3, { asker })) : renderNote(elsewhere));
      return;
    }
    const answer = await deps.service.ask(question, previousQuestion === undefined ? { asker } : { previousQuestion, asker });
    if (refusalOf(answer)) {
      await notePrivately(client, target, answer);
      return;
    }
    const shown = { answer, audience: 'public' as const, echoQuestion: false, votes: new Map() };
    const posted = await post(client, target, renderAnswer(deps.answers.save(shown), shown));
    for (const ts of [...target.rememberUnder, posted]) if (ts) deps.threads.remember(target.channel, ts, question);
    log.debug({ found: answer.found, followUp: previousQuestion !== undefined }, 'answered');
  } catch (error) {
    log.error({ err: asError(error) }, 'answering a Slack message failed');
    try {
      await post(client, target, renderApology());
    } catch (apologyError) {
      log.error({ err: asError(apologyError) }, 'posting the apology failed too');
    }
  }
}

/** A refusal is never posted in a channel: in a DM it is the reply; after a mention only the asker sees it. */
async function notePrivately(client: SlackClient, target: ConversationTarget, answer: Answer): Promise<void> {
  if (target.surface === 'dm') {
    await post(client, target, renderNote(answer.text));
    return;
  }
  if (refusalOf(answer) === 'channel-not-allowed' || target.userId === undefined) return;
  await client.chat.postEphemeral({
    channel: target.channel,
    user: target.userId,
    ...(target.threadTs === undefined ? {} : { thread_ts: target.threadTs }),
    ...renderNote(answer.text),
  });
}

async function post(client: SlackClient, target: ConversationTarget, message: SlackMessage): Promise<string | undefined> {
  const result = await client.chat.postMessage({
    channel: target.channel,
    ...(target.threadTs === undefined ? {} : { thread_ts: target.threadTs }),
    ...message,
    unfurl_links: false,
    unfurl_media: false,
  });
  return result.ts;
}
