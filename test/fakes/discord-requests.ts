import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { APIEmbed } from 'discord.js';
import type { JsonObject } from './discord-objects.js';

/** The requests the fake Discord received over REST: how they read, recorded in order, awaited, and failed on demand. */

export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, without the query. */
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  body: unknown;
}

/** The message fields the adapter sends, as Discord receives them (snake_case JSON). */
export interface MessageBody {
  content?: string;
  embeds?: APIEmbed[];
  components?: { type: number; components: { type: number; custom_id?: string; label?: string; emoji?: { name?: string } }[] }[];
  allowed_mentions?: { parse?: string[]; users?: string[]; roles?: string[]; replied_user?: boolean };
  message_reference?: { message_id: string; fail_if_not_exists?: boolean };
  flags?: number;
}

export interface InteractionCallbackBody {
  type: number;
  data?: MessageBody & { choices?: { name: string; value: string }[] };
}

/** A planned error answer: the next request that `match`es gets `status` and `body`. */
interface Failure {
  match: (request: RecordedRequest) => boolean;
  status: number;
  body: JsonObject;
}

/** Reads an HTTP request to the end into a {@link RecordedRequest}. */
export async function readRequest(req: IncomingMessage, url: URL): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString();
  return {
    method: req.method ?? 'GET',
    path: decodeURIComponent(url.pathname).replace(/^\/api\/v10/, ''),
    query: url.searchParams,
    authorization: req.headers.authorization,
    body: raw === '' ? undefined : (JSON.parse(raw) as unknown),
  };
}

export class RequestLog {
  readonly requests: RecordedRequest[] = [];
  private readonly events = new EventEmitter();
  private readonly failures: Failure[] = [];

  record(request: RecordedRequest): void {
    this.requests.push(request);
    this.events.emit('request', request);
  }

  /** Makes the next request that `match`es fail with `status` and a Discord error body. */
  failNext(match: (request: RecordedRequest) => boolean, status: number, body: JsonObject): void {
    this.failures.push({ match, status, body });
  }

  /** The planned failure for this request, if any; each is used once. */
  takeFailure(request: RecordedRequest): Failure | undefined {
    const index = this.failures.findIndex((f) => f.match(request));
    return index === -1 ? undefined : this.failures.splice(index, 1)[0];
  }

  /** Resolves with the first request from index `since` on that matches; rejects after `timeoutMs`. */
  waitForRequest(match: (request: RecordedRequest) => boolean, since = 0, timeoutMs = 5000): Promise<RecordedRequest> {
    const found = this.requests.slice(since).find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.events.off('request', listener);
        reject(new Error(`fake Discord: no matching request within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (request: RecordedRequest) => {
        if (!match(request)) return;
        clearTimeout(timer);
        this.events.off('request', listener);
        resolve(request);
      };
      this.events.on('request', listener);
    });
  }

  /** Messages the bot posted to a channel (`POST /channels/:id/messages`), from request index `since` on. */
  channelMessages(channelId: string, since = 0): MessageBody[] {
    return this.requests
      .slice(since)
      .filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`)
      .map((r) => r.body as MessageBody);
  }

  /** Waits for the bot's next message in `channelId` after request index `since`. */
  async nextChannelMessage(channelId: string, since: number, timeoutMs = 5000): Promise<MessageBody> {
    const request = await this.waitForRequest(
      (r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`,
      since,
      timeoutMs,
    );
    return request.body as MessageBody;
  }
}
