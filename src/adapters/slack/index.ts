import type { AddressInfo } from 'node:net';
import type { SlackConfig } from '../../config.js';
import { LoreError } from '../../errors.js';
import { slackStartFailure } from '../../fix-it.js';
import { InFlight } from '../../service/in-flight.js';
import type { ChatAdapter } from '../../types.js';
import { Conversation, type ConversationOptions } from '../../chat/conversation.js';
import { createBoltApp, type WebApiLimits } from './app.js';
import type { SharedRoutes } from '../../ops/server.js';

export interface SlackAdapterOptions extends Omit<ConversationOptions, 'command'> {
  config: SlackConfig;
  /** How long Web API calls wait and how often they are tried (defaults: 10 s, 3 tries). */
  webApi?: WebApiLimits;
  /** HTTP mode: other routes served on the Slack port (the ops endpoints). */
  shared?: SharedRoutes;
}

export type SlackAdapter = ChatAdapter & {
  /** HTTP mode port actually bound (useful with port 0); undefined in Socket Mode or before start(). */
  readonly port?: number;
};

/** The Slack adapter: `/ask`, @-mentions and DMs answered from the notes, through Bolt. */
export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const logger = options.logger.child({ component: 'slack' });
  const handlers = new InFlight();
  const { command } = options.config;
  const conversation = new Conversation({ ...options, logger, command });
  const socket = { up: false };
  const app = createBoltApp(options.config, { handlers, conversation, logger, command }, options.webApi, options.shared, socket);
  const socketMode = options.config.appToken !== undefined;
  let port: number | undefined;
  let started = false;

  return {
    name: 'slack',
    get port() {
      return port;
    },
    // Socket Mode is connected while its socket is; HTTP mode while it listens.
    connected: () => started && (!socketMode || socket.up),
    async start() {
      if (started) return;
      try {
        await app.init();
        const server = await app.start();
        if (!socketMode && typeof server === 'object' && server !== null && 'address' in server) {
          port = (server.address() as AddressInfo | null)?.port;
        }
      } catch (error) {
        throw new LoreError('ADAPTER_START_FAILED', slackStartFailure(error, options.config.apiUrl), { cause: error });
      }
      started = true;
      logger.info(socketMode ? { mode: 'socket' } : { mode: 'http', port }, 'Slack adapter started');
    },
    async stop() {
      if (!started) return;
      started = false;
      // Stop receiving first (Slack redelivers what it could not hand over), then let running listeners post.
      await app.stop();
      await handlers.idle();
      port = undefined;
      logger.info('Slack adapter stopped');
    },
  };
}
