import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { asError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Metrics } from './metrics.js';

/** One readiness check's result; `detail` is shown as is in GET /readyz. */
export interface ReadinessResult {
  ok: boolean;
  detail?: unknown;
}

export type ReadinessCheck = () => ReadinessResult | Promise<ReadinessResult>;

/** Handles one request on a registered route; the body is not read for it. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** Routes another server can try first: `handle` answers a request and returns true, or returns false untouched. */
export type SharedRoutes = Pick<OpsServer, 'handle'>;

export interface OpsServer {
  /** Adds a route, e.g. `route('POST', '/hooks/git', handler)`. A later route on the same method and path replaces it. */
  route(method: string, path: string, handler: RouteHandler): void;
  /** Adds a check GET /readyz runs; the process is ready when every check is ok. */
  addReadinessCheck(name: string, check: ReadinessCheck): void;
  /** Answers a request for one of its routes and returns true; returns false (without answering) for any other. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Listens on `port` on every interface (0: any free port); resolves with the port bound. */
  listen(port: number): Promise<number>;
  close(): Promise<void>;
}

const CHECK_TIMEOUT_MS = 2000;

/**
 * The operations endpoints, in every mode: GET /healthz (the process answers), GET /readyz (every readiness check
 * passes, with each one's detail) and GET /metrics (Prometheus text). It is a plain Node server of its own, or, in
 * Slack HTTP mode, shares the Slack port through {@link OpsServer.handle}.
 */
export function createOpsServer(options: { metrics: Metrics; logger: Logger }): OpsServer {
  const { metrics, logger } = options;
  const routes = new Map<string, RouteHandler>();
  const checks = new Map<string, ReadinessCheck>();
  let server: Server | undefined;

  const readiness = async (): Promise<{ ok: boolean; checks: Record<string, ReadinessResult> }> => {
    const results: Record<string, ReadinessResult> = {};
    await Promise.all(
      [...checks].map(async ([name, check]) => {
        results[name] = await withTimeout(Promise.resolve().then(check)).catch((error: unknown) => ({ ok: false, detail: asError(error).message }));
      }),
    );
    return { ok: Object.values(results).every((result) => result.ok), checks: results };
  };

  const ops: OpsServer = {
    route(method, path, handler) {
      routes.set(`${method.toUpperCase()} ${path}`, handler);
    },
    addReadinessCheck(name, check) {
      checks.set(name, check);
    },
    handle(req, res) {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const handler = routes.get(`${req.method ?? 'GET'} ${path}`);
      if (handler === undefined) return false;
      Promise.resolve()
        .then(() => handler(req, res))
        .catch((error: unknown) => {
          logger.error({ err: asError(error), path }, 'an ops route failed');
          if (!res.headersSent) json(res, 500, { ok: false });
          else res.end();
        });
      return true;
    },
    async listen(port) {
      const listening = createServer((req, res) => {
        if (!ops.handle(req, res)) json(res, 404, { ok: false, error: 'not found' });
      });
      await new Promise<void>((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(port, () => {
          listening.off('error', reject);
          resolve();
        });
      });
      server = listening;
      return (listening.address() as AddressInfo).port;
    },
    async close() {
      const listening = server;
      server = undefined;
      if (listening === undefined) return;
      listening.closeAllConnections();
      await new Promise<void>((resolve) => listening.close(() => resolve()));
    },
  };

  ops.route('GET', '/healthz', (_req, res) => json(res, 200, { ok: true }));
  ops.route('GET', '/readyz', async (_req, res) => {
    const report = await readiness();
    json(res, report.ok ? 200 : 503, report);
  });
  ops.route('GET', '/metrics', async (_req, res) => {
    const text = await metrics.registry.metrics();
    res.writeHead(200, { 'content-type': metrics.registry.contentType });
    res.end(text);
  });
  return ops;
}

function withTimeout(result: Promise<ReadinessResult>): Promise<ReadinessResult> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<ReadinessResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, detail: `no answer within ${CHECK_TIMEOUT_MS} ms` }), CHECK_TIMEOUT_MS);
  });
  return Promise.race([result, late]).finally(() => clearTimeout(timer));
}

function json(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
