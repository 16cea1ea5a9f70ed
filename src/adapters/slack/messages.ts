import type { App } from '@slack/bolt';
import { answerInConversation } from './conversation.js';
import type { ListenerDeps } from './deps.js';
import { questionFromSlack } from './slack-text.js';

/** @-mentions in channels (answered in a thread) and direct messages (every message is a question). */
export function registerMessageListeners(app: App, deps: ListenerDeps): void {
  app.event('app_mention', async ({ event, context, client }) => {
    if (event.bot_id !== undefined || event.subtype !== undefined || 'edited' in event) return;
    // Direct messages are answered by the message listener below; don't answer twice.
    if (event.channel.startsWith('D')) return;
    const threadTs = event.thread_ts ?? event.ts;
    const previous = event.thread_ts === undefined ? undefined : deps.threads.lastQuestion(event.channel, event.thread_ts);
    const question = questionFromSlack(event.text, context.botUserId);
    await answerInConversation(deps, client, { channel: event.channel, threadTs, rememberUnder: [threadTs], surface: 'mention' as const, userId: event.user }, question, previous);
  });

  app.message(async ({ message, context, client }) => {
    // Edits, joins, deletions, bot posts… all carry a subtype; only plain messages from people are questions.
    if (message.subtype !== undefined || message.channel_type !== 'im') return;
    if (message.bot_id !== undefined || message.edited !== undefined) return;
    const threadTs = message.thread_ts;
    const previous = threadTs === undefined ? undefined : deps.threads.lastQuestion(message.channel, threadTs);
    const question = questionFromSlack(message.text ?? '', context.botUserId);
    const target = { channel: message.channel, threadTs, rememberUnder: [threadTs ?? message.ts], surface: 'dm' as const, userId: message.user };
    await answerInConversation(deps, client, target, question, previous);
  });
}
