import type { webApi } from '@slack/bolt';
import type { Conversation } from '../../chat/conversation.js';
import type { Logger } from '../../logger.js';
import type { InFlight } from '../../service/in-flight.js';
import type { Asker } from '../../types.js';

/** What every Slack listener needs, created once per adapter. */
export interface ListenerDeps {
  conversation: Conversation;
  logger: Logger;
  /** Slash command name, with its leading `/`. */
  command: string;
  /** Listener runs not finished yet; stop() waits for them so the last answers still get posted. */
  handlers: InFlight;
}

export type SlackClient = webApi.WebClient;

/** The message shortcut's callback id, as in slack-manifest.yml. */
export const SHORTCUT = 'lore_ask_about_message';

/** Who asked, and where. Slack's direct-message channel ids start with D. */
export function slackAsker(surface: Asker['surface'], userId: string | undefined, channelId: string | undefined, workspaceId?: string, threadId?: string): Asker {
  return { platform: 'slack', surface, userId, channelId, workspaceId, ...(channelId?.startsWith('D') && { direct: true }), ...(threadId !== undefined && { threadId }) };
}
