import type { AddressInfo } from 'node:net';
import { App, LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import { Conversation, type ConversationOptions } from '../../chat/conversation.js';
import type { SlackConfig } from '../../config.js';
import { LoreError, asError } from '../../errors.js';
import { slackStartFailure } from '../../fix-it.js';
import { consoleStyle, type Logger } from '../../logger.js';
import type { SharedRoutes } from '../../ops/server.js';
import { InFlight } from '../../service/in-flight.js';
import type { ChatAdapter } from '../../types.js';
import { registerActions } from './actions.js';
import { registerListeners, type ListenerDeps } from './listeners.js';
import { createHttpReceiver, createSocketReceiver } from './receivers.js';

export interface SlackAdapterOptions extends Omit<ConversationOptions, 'command'> {
  config: SlackConfig;
  /** How long Web API calls wait and how often they are tried (defaults: 10 s, 3 tries). */
  webApi?: WebApiLimits;
  /** HTTP mode: other routes served on the Slack port (the ops endpoints). */
  shared?: SharedRoutes;
}

/** How Web API calls give up: each waits this long for Slack, and a failing call is tried this many times in all. */
export interface WebApiLimits {
  /** Milliseconds per call (default 10 s). */
  timeoutMs?: number;
  /** Tries per call, the first included (default 3, within about 30 s). */
  tries?: number;
}

export type SlackAdapter = ChatAdapter & {
  /** HTTP mode port actually bound (useful with port 0); undefined in Socket Mode or before start(). */
  readonly port?: number;
};

/**
 * The Slack adapter: `/ask`, @-mentions and DMs answered from the notes, through Bolt. Socket Mode when an app token is
 * configured, HTTP (signature-checked, on `config.port`, path /slack/events, plus the `shared` routes) otherwise. Every
 * Web API call, the Socket Mode client's included, goes to `config.apiUrl` when set.
 */
export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { config } = options;
  const logger = options.logger.child({ component: 'slack' });
  const { command } = config;
  const deps: ListenerDeps = { handlers: new InFlight(), conversation: new Conversation({ ...options, logger, command }), logger, command };
  const socket = { up: false };
  const app = createBoltApp(config, deps, options.webApi ?? {}, options.shared, socket);
  const socketMode = config.appToken !== undefined;
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
        throw new LoreError('ADAPTER_START_FAILED', slackStartFailure(error, config.apiUrl), { cause: error });
      }
      started = true;
      logger.info(socketMode ? { mode: 'socket' } : { mode: 'http', port }, 'Slack adapter started');
    },
    async stop() {
      if (!started) return;
      started = false;
      // Stop receiving first (Slack redelivers what it could not hand over), then let running listeners post.
      await app.stop();
      await deps.handlers.idle();
      port = undefined;
      logger.info('Slack adapter stopped');
    },
  };
}

/** The Bolt app: its receiver, bounded Web API calls, the redelivery screen, and lore's listeners. */
function createBoltApp(config: SlackConfig, deps: ListenerDeps, limits: WebApiLimits, shared: SharedRoutes | undefined, socket: { up: boolean }): App {
  const slackApiUrl = config.apiUrl === undefined ? {} : { slackApiUrl: config.apiUrl };
  const timeout = limits.timeoutMs ?? 10_000;
  const retries = Math.max(0, (limits.tries ?? 3) - 1);
  const logger = boltLogger(deps.logger.child({ source: 'bolt' }));
  const receiver =
    config.appToken !== undefined
      ? // The socket client keeps its own, patient retries (it reconnects after outages); only each call is timed.
        createSocketReceiver({ appToken: config.appToken, clientOptions: { ...slackApiUrl, timeout }, boltLogger: logger, logger: deps.logger, onConnection: (up) => (socket.up = up) })
      : config.signingSecret !== undefined
        ? createHttpReceiver({ signingSecret: config.signingSecret, port: config.port, ...(shared && { shared }), boltLogger: logger, logger: deps.logger })
        : undefined;
  if (receiver === undefined) throw new LoreError('ADAPTER_START_FAILED', 'Slack HTTP mode needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN for Socket Mode).');
  const app = new App({
    token: config.botToken,
    logger,
    receiver,
    // A hanging or failing Slack must not hold an answer (or the start) forever: bounded time, bounded tries.
    clientOptions: { ...slackApiUrl, timeout, retryConfig: { retries, factor: 2, minTimeout: 1000, maxTimeout: 10_000, maxRetryTime: 30_000 } },
    // auth.test runs in start(), where a bad token can fail the start instead of an unhandled promise.
    deferInitialization: true,
    convoStore: false,
  });
  app.use(({ next }) => deps.handlers.track(next()));
  app.use(async (args) => {
    // Slack redelivers events it thinks were not acked (HTTP X-Slack-Retry-Num, or a socket envelope resent); the
    // event_id stays the same. A replayed slash command or button click (a signed request sent again within the
    // signature's 5 minutes) keeps its trigger_id. Either way the second copy is acked and dropped.
    const { body, next } = args;
    const id = idOf(body);
    if (id !== undefined && !(await deps.conversation.firstTime(`slack:${id}`))) {
      deps.logger.info({ id }, 'dropped a Slack request seen before (redelivery or replay)');
      if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
      return;
    }
    await next();
  });
  registerListeners(app, deps);
  registerActions(app, deps);
  app.error(async (error) => {
    deps.logger.error({ err: asError(error), code: error.code }, 'Slack listener failed');
  });
  return app;
}

function idOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { event_id: eventId, trigger_id: triggerId } = body as Record<string, unknown>;
  if (typeof eventId === 'string') return `event:${eventId}`;
  if (typeof triggerId === 'string') return `trigger:${triggerId}`;
  return undefined;
}

/** Bolt and its clients log into lore's structured log; the level is lore's, and Bolt's `setLevel` calls are ignored. */
function boltLogger(logger: Logger): BoltLogger {
  return { ...consoleStyle(logger), setLevel: () => undefined, getLevel: () => BOLT_LEVELS[logger.level] ?? LogLevel.ERROR, setName: () => undefined };
}

const BOLT_LEVELS: Readonly<Record<string, LogLevel>> = { trace: LogLevel.DEBUG, debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN };
