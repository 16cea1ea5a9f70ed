import { App, LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { SlackConfig } from '../../config.js';
import { LoreError, asError } from '../../errors.js';
import { consoleStyle, type Logger } from '../../logger.js';
import { registerActions } from './actions.js';
import type { ListenerDeps } from './deps.js';
import { registerListeners } from './listeners.js';
import type { SharedRoutes } from '../../ops/server.js';
import { createHttpReceiver, createSocketReceiver } from './receivers.js';

/** How Web API calls give up: each waits this long for Slack, and a failing call is tried this many times in all. */
export interface WebApiLimits {
  /** Milliseconds per call (default 10 s). */
  timeoutMs?: number;
  /** Tries per call, the first included (default 3, within about 30 s). */
  tries?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_TRIES = 3;
const RETRY_WINDOW_MS = 30_000;

/**
 * Builds the Bolt app: Socket Mode when an app token is configured, HTTP (signature-checked, on
 * `config.port`, path /slack/events, plus the `shared` routes) otherwise. Every Web API call, the Socket Mode
 * client's included, goes to `config.apiUrl` when set.
 */
export function createBoltApp(config: SlackConfig, deps: ListenerDeps, limits: WebApiLimits = {}, shared?: SharedRoutes, socket?: { up: boolean }): App {
  const slackApiUrl = config.apiUrl === undefined ? {} : { slackApiUrl: config.apiUrl };
  const timeout = limits.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retries = Math.max(0, (limits.tries ?? DEFAULT_TRIES) - 1);
  const logger = boltLogger(deps.logger.child({ source: 'bolt' }));
  const common = {
    token: config.botToken,
    logger,
    // A hanging or failing Slack must not hold an answer (or the start) forever: bounded time, bounded tries.
    clientOptions: { ...slackApiUrl, timeout, retryConfig: { retries, factor: 2, minTimeout: 1000, maxTimeout: 10_000, maxRetryTime: RETRY_WINDOW_MS } },
    // auth.test runs in start(), where a bad token can fail the start instead of an unhandled promise.
    deferInitialization: true,
    convoStore: false as const,
  };
  let app: App;
  if (config.appToken !== undefined) {
    // The socket client keeps its own, patient retries (it reconnects after outages); only each call is timed.
    const receiver = createSocketReceiver({ appToken: config.appToken, clientOptions: { ...slackApiUrl, timeout }, boltLogger: logger, logger: deps.logger, onConnection: (up) => socket && (socket.up = up) });
    app = new App({ ...common, receiver });
  } else {
    if (config.signingSecret === undefined) {
      throw new LoreError('ADAPTER_START_FAILED', 'Slack HTTP mode needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN for Socket Mode).');
    }
    const receiver = createHttpReceiver({
      signingSecret: config.signingSecret,
      port: config.port,
      ...(shared && { shared }),
      boltLogger: logger,
      logger: deps.logger,
    });
    app = new App({ ...common, receiver });
  }
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
