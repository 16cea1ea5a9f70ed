import type { ServerResponse } from 'node:http';
import { App, type CustomRoute } from '@slack/bolt';
import type { SlackConfig } from '../../config.js';
import { LoreError, asError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { AskService } from '../../types.js';
import { registerActions } from './actions.js';
import { boltLogger } from './bolt-logger.js';
import { SeenIds } from './bounded.js';
import { registerCommand } from './commands.js';
import type { ListenerDeps } from './deps.js';
import { registerMessageListeners } from './messages.js';

/** How many event ids are remembered to drop Slack's redeliveries. */
const SEEN_EVENTS = 10_000;

/**
 * Builds the Bolt app: Socket Mode when an app token is configured, HTTP (signature-checked, on
 * `config.port`, path /slack/events, plus GET /healthz) otherwise. Every Web API call, the Socket Mode
 * client's included, goes to `config.apiUrl` when set.
 */
export function createBoltApp(config: SlackConfig, deps: ListenerDeps): App {
  const slackApiUrl = config.apiUrl === undefined ? {} : { slackApiUrl: config.apiUrl };
  const common = {
    token: config.botToken,
    logger: boltLogger(deps.logger.child({ source: 'bolt' })),
    clientOptions: { ...slackApiUrl },
    // auth.test runs in start(), where a bad token can fail the start instead of an unhandled promise.
    deferInitialization: true,
    convoStore: false as const,
  };
  let app: App;
  if (config.appToken !== undefined) {
    // A separate options object: the Socket Mode client mutates the one it gets (retry settings).
    app = new App({ ...common, socketMode: true, appToken: config.appToken, installerOptions: { clientOptions: { ...slackApiUrl } } });
  } else {
    if (config.signingSecret === undefined) {
      throw new LoreError('ADAPTER_START_FAILED', 'Slack HTTP mode needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN for Socket Mode).');
    }
    app = new App({ ...common, signingSecret: config.signingSecret, port: config.port, customRoutes: [healthRoute(deps.service, deps.logger)] });
  }

  app.use(({ next }) => deps.handlers.track(next()));
  const seen = new SeenIds(SEEN_EVENTS);
  app.use(async ({ body, next }) => {
    // Slack redelivers events it thinks were not acked (HTTP X-Slack-Retry-Num, or a socket envelope
    // resent); the event_id stays the same, so the second copy is dropped here.
    const eventId = 'event_id' in body && typeof body.event_id === 'string' ? body.event_id : undefined;
    if (eventId !== undefined && !seen.firstTime(eventId)) {
      deps.logger.debug({ eventId }, 'dropped a redelivered Slack event');
      return;
    }
    await next();
  });
  registerCommand(app, deps);
  registerMessageListeners(app, deps);
  registerActions(app, deps);
  app.error(async (error) => {
    deps.logger.error({ err: asError(error), code: error.code }, 'Slack listener failed');
  });
  return app;
}

function healthRoute(service: AskService, logger: Logger): CustomRoute {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: (_req, res: ServerResponse) => {
      try {
        const { files, chunks } = service.stats();
        json(res, 200, { ok: true, files, chunks });
      } catch (error) {
        logger.error({ err: asError(error) }, 'health check failed');
        json(res, 503, { ok: false });
      }
    },
  };
}

function json(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
