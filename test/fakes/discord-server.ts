import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import {
  EVERYONE_PERMISSIONS,
  channelPayload,
  snowflake,
  user,
  type FakeIds,
  type FakeUser,
  type JsonObject,
} from './discord-objects.js';
import { FakeGateway, type IdentifyRecord } from './discord-gateway.js';
import {
  ApplicationCommandOptionType,
  ApplicationFlags,
  ApplicationCommandType,
  ChannelType,
  ComponentType,
  GatewayDispatchEvents,
  InteractionResponseType,
  InteractionType,
  PermissionFlagsBits,
  type APIEmbed,
} from 'discord.js';

/**
 * A fake Discord for tests: the REST API over HTTP and the gateway over WebSocket, on 127.0.0.1 with a free port.
 * Point discord.js at it with `rest.api` = {@link FakeDiscord.apiUrl}; `GET /gateway/bot` hands out the gateway URL.
 * It keeps one guild (a text channel, a channel where @everyone may not embed links, a thread) and a DM channel,
 * records every request, and lets tests dispatch messages and interactions as Discord would.
 */

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

export interface UserMessageOptions {
  channelId?: string;
  author?: FakeUser;
  /** Message id; generated when absent. */
  id?: string;
}

export interface FakeDiscordOptions {
  token?: string;
  heartbeatIntervalMs?: number;
  /** Close the gateway with this code instead of answering IDENTIFY (e.g. 4014 disallowed intents). */
  closeOnIdentify?: number;
  /** `flags` of `GET /applications/@me`; default: the Message Content intent (limited) is on. */
  applicationFlags?: number;
  /** Servers `GET /users/@me/guilds` lists; default: the one fake guild. */
  guilds?: { id: string; name: string }[];
  /** Shards `GET /gateway/bot` recommends (default 1). Dispatches go to the connection of the guild's shard. */
  shards?: number;
}

export type { FakeUser, JsonObject } from './discord-objects.js';
export { snowflake } from './discord-objects.js';

export class FakeDiscord implements FakeIds {
  readonly token: string;
  readonly bot = user('900000000000000001', 'lore', true);
  readonly applicationId = '900000000000000001';
  readonly alice = user('100000000000000001', 'alice');
  readonly otherBot = user('800000000000000001', 'otherbot', true);
  readonly guildId = '500000000000000001';
  readonly channelId = '510000000000000001';
  readonly noEmbedChannelId = '510000000000000002';
  readonly threadId = '520000000000000001';
  readonly dmChannelId = '530000000000000001';
  readonly roleId = '540000000000000001';

  readonly requests: RecordedRequest[] = [];
  /** Commands by scope: `global` or a guild id. */
  readonly commands = new Map<string, JsonObject[]>();

  private readonly events = new EventEmitter();
  private readonly messages = new Map<string, JsonObject>();
  private readonly interactionChannels = new Map<string, string>();
  /** The message a component interaction came from, which an update-message callback edits. */
  private readonly interactionMessages = new Map<string, JsonObject>();
  private readonly gateway: FakeGateway;
  private readonly failures: { match: (request: RecordedRequest) => boolean; status: number; body: JsonObject }[] = [];
  private port = 0;

  private constructor(
    private readonly server: Server,
    private readonly wss: WebSocketServer,
    private readonly options: FakeDiscordOptions,
  ) {
    this.token = options.token ?? 'fake-bot-token';
    this.gateway = new FakeGateway(this, options);
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const server = createServer();
    const wss = new WebSocketServer({ server, path: '/gateway' });
    const fake = new FakeDiscord(server, wss, options);
    server.on('request', (req, res) => void fake.onRequest(req, res));
    wss.on('connection', (socket, req) => fake.gateway.onConnection(socket, req));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake.port = (server.address() as AddressInfo).port;
    return fake;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** Gateway WebSocket connections currently open. */
  get openConnections(): number {
    return this.gateway.openConnections;
  }

  get identifies(): readonly IdentifyRecord[] {
    return this.gateway.identifies;
  }

  get gatewayQueries(): readonly URLSearchParams[] {
    return this.gateway.queries;
  }

  get resumes(): number {
    return this.gateway.resumes;
  }

  get heartbeats(): number {
    return this.gateway.heartbeats;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  async close(): Promise<void> {
    this.gateway.terminateAll();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Makes the next request that `match`es fail with `status` and a Discord error body. */
  failNext(match: (request: RecordedRequest) => boolean, status: number, body: JsonObject): void {
    this.failures.push({ match, status, body });
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

  /** Waits until `predicate` holds, polling; for gateway state such as resumes. */
  async until(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error('fake Discord: condition not met in time');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  // ---- gateway dispatches -------------------------------------------------------------------------------------

  /**
   * A user's message, dispatched as MESSAGE_CREATE. Like Discord, the server parses `<@id>`, `<@&id>`, `@everyone`
   * and `@here` out of the content into `mentions`, `mention_roles` and `mention_everyone`. Returns the message id.
   */
  sendUserMessage(content: string, options: UserMessageOptions = {}): string {
    const message = this.userMessage(content, options);
    this.dispatch(GatewayDispatchEvents.MessageCreate, message);
    return String(message.id);
  }

  /** The "Ask lore" message command used on a user's message (right-click → Apps); returns the interaction id and token. */
  sendMessageCommand(name: string, content: string, options: UserMessageOptions = {}): { id: string; token: string } {
    const message = this.userMessage(content, options);
    const target = String(message.id);
    return this.sendInteraction(
      InteractionType.ApplicationCommand,
      { id: snowflake(), name, type: ApplicationCommandType.Message, target_id: target, resolved: { messages: { [target]: message } } },
      String(message.channel_id),
    );
  }

  private userMessage(content: string, options: UserMessageOptions): JsonObject {
    const channelId = options.channelId ?? this.channelId;
    const author = options.author ?? this.alice;
    const dm = channelId === this.dmChannelId;
    const known = [this.bot, this.alice, this.otherBot];
    const mentionIds = [...content.matchAll(/<@!?(\d+)>/g)].map((m) => m[1]);
    const id = options.id ?? snowflake();
    const message: JsonObject = {
      id,
      channel_id: channelId,
      author,
      content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: /@(everyone|here)/.test(content),
      mentions: known.filter((u) => mentionIds.includes(u.id)),
      mention_roles: [...content.matchAll(/<@&(\d+)>/g)].map((m) => m[1]),
      attachments: [],
      embeds: [],
      pinned: false,
      type: 0,
      flags: 0,
      ...(dm
        ? { channel_type: ChannelType.DM }
        : { guild_id: this.guildId, member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 } }),
    };
    return message;
  }

  /** `/ask` as INTERACTION_CREATE; returns the interaction id and token. */
  sendAsk(question: string, options: { private?: boolean; channelId?: string } = {}): { id: string; token: string } {
    const commandOptions: JsonObject[] = [{ name: 'question', type: ApplicationCommandOptionType.String, value: question }];
    if (options.private !== undefined) {
      commandOptions.push({ name: 'private', type: ApplicationCommandOptionType.Boolean, value: options.private });
    }
    return this.sendInteraction(
      InteractionType.ApplicationCommand,
      { id: snowflake(), name: 'ask', type: ApplicationCommandType.ChatInput, options: commandOptions },
      options.channelId,
    );
  }

  /** Another slash command of the bot (e.g. `/lore-gaps`), as the user sends it. */
  sendCommand(name: string, options: JsonObject[] = []): { id: string; token: string } {
    return this.sendInteraction(InteractionType.ApplicationCommand, { id: snowflake(), name, type: ApplicationCommandType.ChatInput, options });
  }

  /** The user typing into `/ask question:`, as an autocomplete interaction. */
  sendAutocomplete(typed: string): { id: string; token: string } {
    return this.sendInteraction(InteractionType.ApplicationCommandAutocomplete, {
      id: snowflake(),
      name: 'ask',
      type: ApplicationCommandType.ChatInput,
      options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: typed, focused: true }],
    });
  }

  /** A click on a button of a message the bot sent earlier. */
  clickButton(messageId: string, customId: string): { id: string; token: string } {
    const message = this.messages.get(messageId);
    if (!message) throw new Error(`fake Discord: no bot message ${messageId}`);
    return this.sendInteraction(
      InteractionType.MessageComponent,
      { custom_id: customId, component_type: ComponentType.Button },
      String(message.channel_id),
      message,
    );
  }

  private nextBotMessageId: string | undefined;

  /** Ids of the messages the bot created, in order. */
  botMessageIds(): string[] {
    return [...this.messages.keys()].filter((key) => !key.startsWith('original:'));
  }

  /** Drops every gateway connection with `code`; discord.js should reconnect and resume. */
  dropConnections(code = 4000): void {
    this.gateway.dropConnections(code);
  }

  private sendInteraction(
    type: InteractionType,
    data: JsonObject,
    channelId = this.channelId,
    message?: JsonObject,
  ): { id: string; token: string } {
    const id = snowflake();
    const token = `interaction-token-${id}`;
    const dm = channelId === this.dmChannelId;
    this.interactionChannels.set(id, channelId);
    if (message) this.interactionMessages.set(id, message);
    const permissions = String(EVERYONE_PERMISSIONS | PermissionFlagsBits.UseApplicationCommands);
    this.dispatch(GatewayDispatchEvents.InteractionCreate, {
      id,
      application_id: this.applicationId,
      type,
      data,
      token,
      version: 1,
      channel_id: channelId,
      channel: channelPayload(this, channelId),
      app_permissions: permissions,
      locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': this.guildId },
      context: dm ? 1 : 0,
      attachment_size_limit: 10485760,
      ...(dm
        ? { user: this.alice }
        : {
            guild_id: this.guildId,
            guild_locale: 'en-US',
            member: { user: this.alice, roles: [], permissions, joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
          }),
      ...(message && { message }),
    });
    return { id, token };
  }

  private dispatch(t: string, d: JsonObject): void {
    this.gateway.dispatch(t, d);
  }


  // ---- REST ---------------------------------------------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString();
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname).replace(/^\/api\/v10/, ''),
      query: url.searchParams,
      authorization: req.headers.authorization,
      body: raw === '' ? undefined : (JSON.parse(raw) as unknown),
    };
    this.requests.push(request);
    this.events.emit('request', request);

    const reply = (status: number, body?: unknown) => {
      if (body === undefined) {
        res.writeHead(status).end();
        return;
      }
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const failure = this.failures.findIndex((f) => f.match(request));
    if (failure !== -1) {
      const [f] = this.failures.splice(failure, 1);
      if (f) return reply(f.status, f.body);
    }
    if (!url.pathname.startsWith('/api/v10/')) return reply(404, { message: '404: Not Found', code: 0 });
    const needsBotAuth = !/^\/(interactions|webhooks)\//.test(request.path);
    if (needsBotAuth && request.authorization !== `Bot ${this.token}`) return reply(401, { message: '401: Unauthorized', code: 0 });
    const result = this.route(request);
    return reply(result.status, result.body);
  }

  private route(request: RecordedRequest): { status: number; body?: unknown } {
    const { method, path } = request;
    const body = (request.body ?? {}) as JsonObject;
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      return {
        status: 200,
        body: {
          url: this.gatewayUrl,
          shards: this.options.shards ?? 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
        },
      };
    }
    if (method === 'GET' && path === '/users/@me') return { status: 200, body: this.bot };
    if (method === 'GET' && path === '/applications/@me') {
      const flags = this.options.applicationFlags ?? ApplicationFlags.GatewayMessageContentLimited;
      return { status: 200, body: { id: this.applicationId, name: 'lore', description: '', bot: this.bot, flags } };
    }
    if (method === 'GET' && path === '/users/@me/guilds') {
      const guilds = this.options.guilds ?? [{ id: this.guildId, name: 'Lore test server' }];
      return { status: 200, body: guilds.map((guild) => ({ ...guild, icon: null, owner: false, permissions: '0', features: [] })) };
    }
    if ((m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path))) {
      if (m[1] !== this.applicationId) return { status: 404, body: { message: 'Unknown Application', code: 10002 } };
      const scope = m[2] ?? 'global';
      if (method === 'PUT') {
        const stored = (request.body as JsonObject[]).map((command) => ({
          ...command,
          id: snowflake(),
          application_id: this.applicationId,
          version: snowflake(),
          ...(m?.[2] !== undefined && { guild_id: m[2] }),
        }));
        this.commands.set(scope, stored);
        return { status: 200, body: stored };
      }
      if (method === 'GET') return { status: 200, body: this.commands.get(scope) ?? [] };
    }
    // Opening a DM with alice (the only person who writes to the bot) gives her DM channel.
    if (method === 'POST' && path === '/users/@me/channels') return { status: 200, body: channelPayload(this, this.dmChannelId) };
    if (method === 'POST' && (m = /^\/channels\/(\d+)\/typing$/.exec(path))) return { status: 204 };
    if (method === 'POST' && (m = /^\/channels\/(\d+)\/messages$/.exec(path))) {
      return { status: 200, body: this.createBotMessage(m[1] ?? '', body) };
    }
    if (method === 'POST' && (m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path))) {
      return this.interactionCallback(m[1] ?? '', body, request.query.get('with_response') === 'true');
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(@original|\d+))?$/.exec(path))) {
      const original = this.messages.get(`original:${m[2]}`);
      if (method === 'PATCH' && m[3] === '@original') {
        if (!original) return { status: 404, body: { message: 'Unknown Message', code: 10008 } };
        Object.assign(original, messageFields(body), { edited_timestamp: new Date().toISOString() });
        return { status: 200, body: original };
      }
      if (method === 'GET' && m[3] === '@original' && original) return { status: 200, body: original };
      if (method === 'POST' && m[3] === undefined) {
        return { status: 200, body: this.createBotMessage(String(original?.channel_id ?? this.channelId), body) };
      }
    }
    return { status: 404, body: { message: '404: Not Found', code: 0 } };
  }

  private interactionCallback(interactionId: string, body: JsonObject, withResponse: boolean): { status: number; body?: unknown } {
    const callback = body as unknown as InteractionCallbackBody;
    let message: JsonObject | undefined;
    const token = `interaction-token-${interactionId}`;
    if (
      callback.type === InteractionResponseType.ChannelMessageWithSource ||
      callback.type === InteractionResponseType.DeferredChannelMessageWithSource
    ) {
      const channelId = this.interactionChannels.get(interactionId) ?? this.channelId;
      message = this.createBotMessage(channelId, (callback.data ?? {}) as JsonObject, interactionId);
      if (callback.type === InteractionResponseType.DeferredChannelMessageWithSource) message.flags = Number(message.flags) | 128;
      this.messages.set(`original:${token}`, message);
    }
    const clicked = this.interactionMessages.get(interactionId);
    if (callback.type === InteractionResponseType.UpdateMessage && clicked) {
      Object.assign(clicked, messageFields((callback.data ?? {}) as JsonObject), { edited_timestamp: new Date().toISOString() });
      message = clicked;
    }
    if (!withResponse) return { status: 204 };
    return {
      status: 200,
      body: {
        interaction: { id: interactionId, type: InteractionType.ApplicationCommand },
        resource: { type: callback.type, ...(message && { message }) },
      },
    };
  }

  /** Gives the bot's next message `id` (a thread started on it gets the same id). */
  nameNextBotMessage(id: string): void {
    this.nextBotMessageId = id;
  }

  private createBotMessage(channelId: string, body: JsonObject, interactionId?: string): JsonObject {
    const id = this.nextBotMessageId ?? snowflake();
    this.nextBotMessageId = undefined;
    const reference = body.message_reference as { message_id?: string } | undefined;
    const message: JsonObject = {
      id,
      channel_id: channelId,
      author: this.bot,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      pinned: false,
      type: reference ? 19 : interactionId ? 20 : 0,
      content: '',
      embeds: [],
      components: [],
      flags: 0,
      ...messageFields(body),
      ...(channelId !== this.dmChannelId && { guild_id: this.guildId }),
      ...(reference?.message_id && { message_reference: { message_id: reference.message_id, channel_id: channelId } }),
    };
    this.messages.set(id, message);
    return message;
  }
}

function messageFields(body: JsonObject): JsonObject {
  const fields: JsonObject = {};
  for (const key of ['content', 'embeds', 'components', 'flags'] as const) {
    if (body[key] !== undefined) fields[key] = body[key];
  }
  return fields;
}
