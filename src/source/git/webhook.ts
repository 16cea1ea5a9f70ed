import type { OpsServer } from '../../ops/server.js';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { z } from 'zod';
import { memoryReplayGuard } from '../../chat/shared-state.js';
import type { Logger } from '../../logger.js';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface GitWebhookOptions {
  /** KNOWLEDGE_GIT_WEBHOOK_SECRET: GitHub's signing secret or GitLab's secret token. */
  secret: string;
  /** Starts a fetch; called once per accepted push, without waiting for it. */
  onPush: () => void;
  /** The branch followed, so pushes to other branches are acknowledged and ignored; undefined accepts every push. */
  branch?: () => string | undefined;
  logger: Logger;
  /** Larger bodies get 413 (default 5 MB; GitHub caps its payloads at 25 MB, a push rarely comes near 1). */
  maxBodyBytes?: number;
}

export const GIT_WEBHOOK_PATH = '/hooks/git';
const DEFAULT_MAX_BODY = 5 * 1024 * 1024;
const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;
/** GitHub lets a delivery be redelivered for three days. */
const DELIVERY_TTL_MS = 3 * 24 * 60 * 60 * 1000;

/** The part of a push event lore reads; GitHub and GitLab both send `ref`. Everything else is ignored. */
const pushPayload = z.looseObject({ ref: z.string().max(1024).optional() });

class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * `POST /hooks/git`: a push notification from GitHub (`X-Hub-Signature-256`, an HMAC-SHA256 of the raw body) or
 * GitLab (`X-Gitlab-Token`), checked against the secret in constant time. An accepted push starts a fetch at once
 * and gets 202; the fetch's outcome shows in the logs and the readiness detail, not in this response.
 */
export function createGitWebhookHandler(options: GitWebhookOptions): RequestHandler {
  const { logger } = options;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const secretDigest = sha256(Buffer.from(options.secret, 'utf8'));
  // Per process, not shared by replicas: each keeps its own clone, and a repeat that reaches another one fetches there.
  const deliveries = memoryReplayGuard();

  return async (req, res) => {
    try {
      if (req.method !== 'POST') throw new Refusal(405, 'use POST: this address takes push notifications from GitHub or GitLab');
      const githubSignature = header(req, 'x-hub-signature-256');
      const gitlabToken = header(req, 'x-gitlab-token');
      if (githubSignature === undefined && gitlabToken === undefined) {
        throw new Refusal(401, 'missing X-Hub-Signature-256 (GitHub) or X-Gitlab-Token (GitLab): set the webhook secret to KNOWLEDGE_GIT_WEBHOOK_SECRET');
      }
      const body = await readBody(req, maxBody);
      if (githubSignature !== undefined) {
        const hex = SIGNATURE.exec(githubSignature)?.[1];
        if (hex === undefined) throw new Refusal(400, 'X-Hub-Signature-256 must be sha256= followed by 64 hex digits');
        const expected = createHmac('sha256', options.secret).update(body).digest();
        if (!timingSafeEqual(expected, Buffer.from(hex, 'hex'))) throw new Refusal(401, 'the signature does not match: the webhook secret differs from KNOWLEDGE_GIT_WEBHOOK_SECRET');
      } else if (!timingSafeEqual(sha256(Buffer.from(gitlabToken ?? '', 'utf8')), secretDigest)) {
        throw new Refusal(401, 'the X-Gitlab-Token does not match KNOWLEDGE_GIT_WEBHOOK_SECRET');
      }
      const event = header(req, 'x-github-event') ?? header(req, 'x-gitlab-event');
      if (event === 'ping') return send(res, 200, { ok: true, message: 'pong: the secret matches' });
      const payload = parsePayload(body, header(req, 'content-type'));
      const branch = options.branch?.();
      if (payload.ref !== undefined && branch !== undefined && payload.ref !== `refs/heads/${branch}`) {
        return send(res, 202, { ok: true, message: `ignored: a push to ${payload.ref}, lore follows refs/heads/${branch}` });
      }
      // Only signed deliveries are remembered, so nobody without the secret can fill the memory or block a delivery.
      const delivery = (header(req, 'x-github-delivery') ?? header(req, 'x-gitlab-event-uuid'))?.slice(0, 200);
      if (delivery !== undefined && !(await deliveries.claim(`git-delivery:${delivery}`, DELIVERY_TTL_MS))) {
        logger.info({ event, delivery }, 'push notification delivered again; not fetching again');
        return send(res, 200, { ok: true, message: 'already received: this delivery started a fetch before, so none starts now' });
      }
      logger.info({ event, ref: payload.ref, delivery }, 'push notification received; fetching the notes');
      options.onPush();
      send(res, 202, { ok: true, message: 'fetching the notes now' });
    } catch (error) {
      if (!(error instanceof Refusal)) {
        logger.error({ err: error }, 'the git webhook failed');
        return send(res, 500, { ok: false, message: 'internal error' });
      }
      logger.warn({ status: error.status, problem: error.message }, 'refused a git webhook request');
      send(res, error.status, { ok: false, message: error.message }, error.status === 413);
    }
  };
}

function sha256(bytes: Buffer): Buffer {
  return createHash('sha256').update(bytes).digest();
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The raw body, at most `max` bytes; a server in front (Bolt's receiver) may have read it into `rawBody` already. */
async function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const buffered = (req as IncomingMessage & { rawBody?: unknown }).rawBody;
  if (Buffer.isBuffer(buffered)) {
    if (buffered.length > max) throw new Refusal(413, `the body is larger than ${max} bytes`);
    return buffered;
  }
  const declared = Number(header(req, 'content-length'));
  if (Number.isFinite(declared) && declared > max) throw new Refusal(413, `the body is larger than ${max} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) throw new Refusal(413, `the body is larger than ${max} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** JSON (GitHub's default and GitLab's) or GitHub's form encoding (`payload=<json>`). */
function parsePayload(body: Buffer, contentType: string | undefined): z.infer<typeof pushPayload> {
  let json: string = body.toString('utf8');
  if (contentType?.startsWith('application/x-www-form-urlencoded')) {
    const { payload } = parseQuery(json);
    if (typeof payload !== 'string') throw new Refusal(400, 'a form-encoded body must carry the event in its payload field');
    json = payload;
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Refusal(400, 'the body is not JSON');
  }
  const parsed = pushPayload.safeParse(value);
  if (!parsed.success) throw new Refusal(400, 'the body is not a push event: expected a JSON object with a string ref');
  return parsed.data;
}

function send(res: ServerResponse, status: number, body: { ok: boolean; message: string }, close = false): void {
  if (res.headersSent) return;
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if (status === 405) headers.allow = 'POST';
  // After a refused oversized body, the rest of it is not read: the connection closes instead.
  if (close) headers.connection = 'close';
  res.writeHead(status, headers);
  res.end(JSON.stringify(body));
}

/** Serves the webhook on the ops server; a GET there learns that only POST is taken. */
export function mountGitWebhook(ops: Pick<OpsServer, 'route'>, handler: RequestHandler): void {
  for (const method of ['POST', 'GET']) ops.route(method, GIT_WEBHOOK_PATH, handler);
}
