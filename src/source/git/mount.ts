import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../logger.js';
import { GIT_WEBHOOK_PATH, type RequestHandler } from './webhook.js';

function pathOf(req: IncomingMessage): string {
  return (req.url ?? '').split('?')[0] ?? '';
}

/**
 * Routes `/hooks/git` of an existing HTTP server to the webhook handler; every other request goes on to the
 * server's own request listeners. Call it after the server's listener is attached.
 */
export function mountGitWebhook(server: Server, handler: RequestHandler, logger: Logger): void {
  const others = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (pathOf(req) !== GIT_WEBHOOK_PATH) {
      for (const listener of others) listener.call(server, req, res);
      return;
    }
    handler(req, res).catch((error: unknown) => {
      logger.error({ err: error }, 'the git webhook failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
}

/** The webhook as a route of another server's router (Bolt's `customRoutes` in Slack HTTP mode). */
export function gitWebhookRoute(handler: RequestHandler, logger: Logger): { path: string; method: string[]; handler: (req: IncomingMessage, res: ServerResponse) => void } {
  return {
    path: GIT_WEBHOOK_PATH,
    method: ['POST'],
    handler: (req, res) =>
      void handler(req, res).catch((error: unknown) => {
        logger.error({ err: error }, 'the git webhook failed');
        if (!res.headersSent) res.writeHead(500).end();
      }),
  };
}

/**
 * A server of its own for the webhook, where lore has no HTTP server yet (Socket Mode, Discord, the terminal):
 * `/hooks/git` and nothing else. Resolves once it listens; the result closes it.
 */
export async function startGitWebhookServer(
  handler: RequestHandler,
  options: { port: number; host?: string; logger: Logger },
): Promise<{ port: number; close: () => Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: this port serves POST ${GIT_WEBHOOK_PATH}\n`);
  });
  mountGitWebhook(server, handler, options.logger);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  options.logger.info({ port, path: GIT_WEBHOOK_PATH }, 'git webhook listening');
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
