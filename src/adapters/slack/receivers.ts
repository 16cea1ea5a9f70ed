import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, HTTPReceiver, SocketModeReceiver, defaultBodyLimit, isRawBodyError, type Logger as BoltLogger } from '@slack/bolt';
import { z } from 'zod';
import { asError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { SharedRoutes } from '../../ops/server.js';
import { screenEvent } from '../../service/screened-event.js';

/** Slack signs every request with its time; more than this far from ours, either way, is refused (replays, skewed clocks). */
const MAX_CLOCK_SKEW_S = 5 * 60;

export interface HttpReceiverOptions {
  signingSecret: string;
  port: number;
  /** Other routes served on the same port (the ops endpoints), tried before Bolt's. */
  shared?: SharedRoutes;
  boltLogger: BoltLogger;
  logger: Logger;
}

/**
 * Bolt's HTTP receiver with a screen in front of it: bodies that are valid JSON but not an object (`null`, `7`, `[]`)
 * get 400 instead of reaching code that reads their fields, and timestamps from the future are refused like stale ones.
 */
export function createHttpReceiver(options: HttpReceiverOptions): HTTPReceiver {
  const { logger } = options;
  const receiver = new HTTPReceiver({
    signingSecret: options.signingSecret,
    port: options.port,
    logger: options.boltLogger,
    bodyLimit: defaultBodyLimit,
  });
  const bolt = receiver.requestListener;
  const pass = (req: IncomingMessage, res: ServerResponse): void => {
    try {
      bolt(req, res);
    } catch (error) {
      // Bolt throws for paths it does not serve; its own server would answer 404.
      logger.debug({ err: asError(error), path: req.url }, 'Slack receiver did not take a request');
      if (!res.headersSent) res.writeHead(404).end();
    }
  };
  receiver.requestListener = (req, res) => {
    if (options.shared?.handle(req, res) === true) return;
    if (req.method !== 'POST') return pass(req, res);
    screen(req)
      .then((refusal) => {
        if (refusal === undefined) return pass(req, res);
        logger.warn({ status: refusal.status, problem: refusal.problem, path: req.url }, 'refused a Slack request');
        if (!res.headersSent) res.writeHead(refusal.status).end();
      })
      .catch((error: unknown) => {
        logger.warn({ err: asError(error) }, 'could not read a Slack request');
        if (!res.headersSent) res.writeHead(400).end();
      });
  };
  return receiver;
}

async function screen(req: IncomingMessage): Promise<{ status: number; problem: string } | undefined> {
  let buffered;
  try {
    // Bolt reads the buffered body rather than the stream when it finds it.
    buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, defaultBodyLimit);
  } catch (error) {
    if (isRawBodyError(error) && (error.type === 'entity.too.large' || error.statusCode === 413)) return { status: 413, problem: 'body too large' };
    return { status: 400, problem: 'unreadable body' };
  }
  const timestamp = Number(req.headers['x-slack-request-timestamp']);
  if (Number.isFinite(timestamp) && timestamp - Date.now() / 1000 > MAX_CLOCK_SKEW_S) return { status: 401, problem: 'timestamp in the future' };
  let body: unknown;
  try {
    // Parsed as Bolt will parse it; a body that does not parse is left to Bolt, which answers 400 itself.
    body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
  } catch {
    return undefined;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { status: 400, problem: 'body is not an object' };
  return undefined;
}

export interface SocketReceiverOptions {
  appToken: string;
  /** Web API options for the socket client's own calls (apps.connections.open). */
  clientOptions: Record<string, unknown>;
  boltLogger: BoltLogger;
  logger: Logger;
  /** Told when the socket connects (Slack's hello) and when it drops or reconnects. */
  onConnection?: (up: boolean) => void;
}

const object = z.record(z.string(), z.unknown());
/** What a Socket Mode frame must look like before Bolt reads it: events carry an event with a type; others an object payload. */
const frame = z.union([
  z.object({ type: z.enum(['hello', 'disconnect']) }),
  z.object({ type: z.literal('events_api'), envelope_id: z.string(), payload: z.object({ event: z.object({ type: z.string() }) }) }),
  z.object({ type: z.string().refine((type) => type !== 'events_api'), envelope_id: z.string(), payload: object }),
]);

/**
 * Bolt's Socket Mode receiver, with malformed frames (`null`, an event without its payload or event) dropped with a
 * warning before the client reads their fields; a frame that still fails is logged, never left to stop the process.
 */
export function createSocketReceiver(options: SocketReceiverOptions): SocketModeReceiver {
  const { logger } = options;
  const receiver = new SocketModeReceiver({ appToken: options.appToken, logger: options.boltLogger, installerOptions: { clientOptions: options.clientOptions } });
  const client = receiver.client;
  client.on('connected', () => options.onConnection?.(true));
  for (const down of ['reconnecting', 'disconnecting', 'disconnected']) client.on(down, () => options.onConnection?.(false));
  const admit = (data: unknown, isBinary: unknown) => {
    if (isBinary === true || wellFormed(data)) return true;
    logger.warn({ size: frameText(data).length }, 'dropped a malformed Slack Socket Mode frame');
    return false;
  };
  screenEvent(client, 'ws_message', admit, (error) => logger.warn({ err: asError(error) }, 'a Slack Socket Mode frame could not be handled'));
  return receiver;
}

function wellFormed(data: unknown): boolean {
  try {
    return frame.safeParse(JSON.parse(frameText(data))).success;
  } catch {
    return false;
  }
}

function frameText(data: unknown): string {
  if (typeof data === 'string') return data;
  return Buffer.isBuffer(data) || data instanceof ArrayBuffer ? new TextDecoder().decode(data) : '';
}
