import { createHmac, randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A fake Slack on 127.0.0.1 for adapter tests: the Web API (point Bolt's `slackApiUrl` at `apiUrl`),
 * response_url endpoints, and a Socket Mode WebSocket (apps.connections.open hands out its ws:// URL).
 * It also delivers events to an app the way Slack does: signed HTTP requests or socket envelopes.
 */

/** One Web API call or response_url post the app made. */
export interface RecordedCall {
  /** Web API method (`chat.postMessage`…), or `response_url`. */
  method: string;
  args: Record<string, unknown>;
  /** Bearer token sent with the call. */
  token?: string;
  /** For `response_url`: the URL posted to. */
  url?: string;
  /** What the fake answered (Web API calls only). */
  result?: Record<string, unknown>;
}

export interface FakeSlackOptions {
  botUserId?: string;
  botId?: string;
  teamId?: string;
  /** Bot scopes auth.test reports in its `x-oauth-scopes` header; default: the manifest's. */
  scopes?: readonly string[];
}

export interface HttpDelivery {
  status: number;
  body: string;
}

export interface SignedPostOptions {
  signingSecret: string;
  /** Seconds since the epoch; now by default. */
  timestamp?: number;
  /** Overrides the computed signature (to test rejection). */
  signature?: string;
  headers?: Record<string, string>;
}

export type EnvelopeType = 'events_api' | 'slash_commands' | 'interactive';

export interface EnvelopeOptions {
  envelopeId?: string;
  retryAttempt?: number;
  retryReason?: string;
}

export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  readonly botUserId: string;
  readonly botId: string;
  readonly teamId: string;
  readonly scopes: readonly string[];
  readonly #server: Server;
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #sockets = new Set<WebSocket>();
  readonly #events = new EventEmitter();
  readonly #acks = new Map<string, unknown>();
  readonly #failures = new Map<string, string[]>();
  readonly #trouble = new Map<string, ('hang' | number)[]>();
  readonly #hanging = new Set<ServerResponse>();
  #ts = 0;
  #port = 0;

  private constructor(options: FakeSlackOptions) {
    this.botUserId = options.botUserId ?? 'UBOT0001';
    this.botId = options.botId ?? 'BBOT0001';
    this.teamId = options.teamId ?? 'T0000001';
    this.scopes = options.scopes ?? ['app_mentions:read', 'chat:write', 'commands', 'im:history'];
    this.#events.setMaxListeners(100);
    this.#server = createServer((req, res) => void this.#handle(req, res));
    this.#server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/link')) return socket.destroy();
      this.#wss.handleUpgrade(req, socket, head, (ws) => this.#onSocket(ws));
    });
  }

  static async start(options: FakeSlackOptions = {}): Promise<FakeSlack> {
    const fake = new FakeSlack(options);
    await new Promise<void>((resolve) => fake.#server.listen(0, '127.0.0.1', resolve));
    fake.#port = (fake.#server.address() as AddressInfo).port;
    return fake;
  }

  /** Base URL of the fake Web API, with its trailing slash. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.#port}/api/`;
  }

  /** A fresh response_url; posts to it are recorded as `response_url` calls. */
  responseUrl(): string {
    return `http://127.0.0.1:${this.#port}/response/${randomUUID()}`;
  }

  /** The next call to `method` answers `{ ok: false, error }`. */
  failNext(method: string, error: string): void {
    this.#failures.set(method, [...(this.#failures.get(method) ?? []), error]);
  }

  /** The next `times` calls to `method` get no answer at all (`'hang'`) or this HTTP status, after being recorded. */
  troubleNext(method: string, trouble: 'hang' | number, times = 1): void {
    this.#trouble.set(method, [...(this.#trouble.get(method) ?? []), ...Array.from({ length: times }, () => trouble)]);
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Resolves with the first call (already made or future) matching `predicate`. */
  waitForCall(predicate: (call: RecordedCall) => boolean, timeoutMs = 5000): Promise<RecordedCall> {
    return this.#waitFor('call', () => this.calls.find(predicate), timeoutMs, 'a matching Web API call');
  }

  /** Resolves once a Socket Mode client is connected and has been sent `hello`. */
  waitForSocket(timeoutMs = 5000): Promise<void> {
    return this.#waitFor('socket', () => (this.#sockets.size > 0 ? true : undefined), timeoutMs, 'a Socket Mode connection').then(() => undefined);
  }

  /** Sends a Socket Mode envelope to every connected client; resolves with its envelope id. */
  sendEnvelope(type: EnvelopeType, payload: unknown, options: EnvelopeOptions = {}): string {
    const envelopeId = options.envelopeId ?? randomUUID();
    const envelope = {
      envelope_id: envelopeId,
      type,
      payload,
      accepts_response_payload: type !== 'events_api',
      ...(type === 'events_api' ? { retry_attempt: options.retryAttempt ?? 0, retry_reason: options.retryReason ?? '' } : {}),
    };
    if (this.#sockets.size === 0) throw new Error('no Socket Mode client is connected');
    for (const socket of this.#sockets) socket.send(JSON.stringify(envelope));
    return envelopeId;
  }

  /** Sends any text as a Socket Mode frame, to test what the client makes of malformed ones. */
  sendRaw(text: string): void {
    if (this.#sockets.size === 0) throw new Error('no Socket Mode client is connected');
    for (const socket of this.#sockets) socket.send(text);
  }

  /** Resolves with the payload the client acked `envelopeId` with (`{}` for a bare ack). */
  waitForAck(envelopeId: string, timeoutMs = 3000): Promise<unknown> {
    return this.#waitFor('ack', () => this.#acks.get(envelopeId), timeoutMs, `the ack of envelope ${envelopeId}`);
  }

  /** POSTs a signed request to an app's HTTP endpoint, as Slack does. */
  async postSigned(url: string, body: string, contentType: string, options: SignedPostOptions): Promise<HttpDelivery> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const signature = options.signature ?? signSlackRequest(options.signingSecret, timestamp, body);
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signature,
        ...options.headers,
      },
      body,
    });
    return { status: response.status, body: await response.text() };
  }

  async close(): Promise<void> {
    for (const res of this.#hanging) res.destroy();
    for (const socket of this.#sockets) socket.terminate();
    this.#wss.close();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #onSocket(socket: WebSocket): void {
    this.#sockets.add(socket);
    // Real Slack pings every few seconds; Bolt reconnects when it hears nothing for 30 s.
    const ping = setInterval(() => socket.ping(), 5000);
    ping.unref();
    socket.on('close', () => {
      clearInterval(ping);
      this.#sockets.delete(socket);
    });
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { envelope_id?: string; payload?: unknown };
      if (typeof message.envelope_id === 'string') {
        this.#acks.set(message.envelope_id, message.payload ?? {});
        this.#events.emit('ack');
      }
    });
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.#sockets.size,
        debug_info: { host: 'fake-slack', build_number: 1, approximate_connection_time: 3600 },
        connection_info: { app_id: 'A0000001' },
      }),
    );
    this.#events.emit('socket');
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/response/')) {
      this.#record({ method: 'response_url', url: url.href, args: JSON.parse(raw || '{}') as Record<string, unknown> });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      res.writeHead(404).end();
      return;
    }
    const method = url.pathname.slice('/api/'.length);
    const args = parseArgs(raw, req.headers['content-type'] ?? '');
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? (typeof args.token === 'string' ? args.token : undefined);
    const trouble = this.#trouble.get(method)?.shift();
    if (trouble !== undefined) {
      this.#record({ method, args, ...(token === undefined ? {} : { token }) });
      if (trouble === 'hang') this.#hanging.add(res);
      else res.writeHead(trouble, { 'content-type': 'application/json' }).end('{"ok":false,"error":"fatal_error"}');
      return;
    }
    const failure = this.#failures.get(method)?.shift();
    const result = failure !== undefined ? { ok: false, error: failure } : this.#reply(method, args, token);
    this.#record({ method, args, result, ...(token === undefined ? {} : { token }) });
    // Like Slack, tell a bot token's calls which scopes the token was granted.
    const scopes = token?.startsWith('xoxb-') ? { 'x-oauth-scopes': this.scopes.join(',') } : {};
    res.writeHead(200, { 'content-type': 'application/json', ...scopes }).end(JSON.stringify(result));
  }

  #reply(method: string, args: Record<string, unknown>, token: string | undefined): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        if (!token?.startsWith('xoxb-')) return { ok: false, error: 'invalid_auth' };
        return { ok: true, url: 'https://fake.slack.test/', team: 'Fake', user: 'lore', team_id: this.teamId, user_id: this.botUserId, bot_id: this.botId };
      case 'apps.connections.open':
        if (!token?.startsWith('xapp-')) return { ok: false, error: 'invalid_auth' };
        return { ok: true, url: `ws://127.0.0.1:${this.#port}/link/?ticket=${randomUUID()}&app_id=A0000001` };
      case 'chat.postMessage': {
        const ts = this.#nextTs();
        return { ok: true, channel: args.channel, ts, message: { ...args, ts, bot_id: this.botId, user: this.botUserId } };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.#nextTs() };
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      default:
        return { ok: true };
    }
  }

  #record(call: RecordedCall): void {
    this.calls.push(call);
    this.#events.emit('call');
  }

  #nextTs(): string {
    this.#ts += 1;
    return `1700000000.${String(this.#ts).padStart(6, '0')}`;
  }

  #waitFor<T>(event: string, check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const attempt = (): boolean => {
        const found = check();
        if (found === undefined) return false;
        clearTimeout(timer);
        this.#events.off(event, listener);
        resolve(found);
        return true;
      };
      const listener = (): void => void attempt();
      const timer = setTimeout(() => {
        this.#events.off(event, listener);
        reject(new Error(`fake Slack: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.#events.on(event, listener);
      attempt();
    });
  }
}

/** Slack's request signature: `v0=` + HMAC-SHA256 of `v0:{timestamp}:{body}` with the signing secret. */
export function signSlackRequest(signingSecret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** The Web API client sends form fields, with objects (blocks…) as JSON strings; some calls send JSON. */
function parseArgs(raw: string, contentType: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return args;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
