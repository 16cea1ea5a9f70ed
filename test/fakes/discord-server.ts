import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  GatewayDispatchEvents,
  InteractionType,
} from 'discord.js';
import { interactionPayload, interactionToken, userMessagePayload, type UserMessageOptions } from './discord-dispatches.js';
import { FakeGateway, type GatewayOptions, type IdentifyRecord } from './discord-gateway.js';
import { snowflake, user, type FakeIds, type JsonObject } from './discord-objects.js';
import { readRequest, RequestLog, type MessageBody, type RecordedRequest } from './discord-requests.js';
import { FakeRest, type RestOptions } from './discord-rest.js';

/**
 * A fake Discord for tests: the REST API over HTTP and the gateway over WebSocket, on 127.0.0.1 with a free port.
 * Point discord.js at it with `rest.api` = {@link FakeDiscord.apiUrl}; `GET /gateway/bot` hands out the gateway URL.
 * It keeps one guild (a text channel, a channel where @everyone may not embed links, a thread) and a DM channel,
 * records every request, and lets tests dispatch messages and interactions as Discord would.
 */

export interface FakeDiscordOptions extends GatewayOptions, RestOptions {
  token?: string;
}

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

  private readonly log = new RequestLog();
  readonly requests: RecordedRequest[] = this.log.requests;
  private readonly gateway: FakeGateway;
  private readonly rest: FakeRest;
  private port = 0;

  private constructor(
    private readonly server: Server,
    private readonly wss: WebSocketServer,
    options: FakeDiscordOptions,
  ) {
    this.token = options.token ?? 'fake-bot-token';
    this.gateway = new FakeGateway(this, options);
    this.rest = new FakeRest(this, options);
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

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  /** Commands by scope: `global` or a guild id. */
  get commands(): Map<string, JsonObject[]> {
    return this.rest.commands;
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

  async close(): Promise<void> {
    this.gateway.terminateAll();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Makes the next request that `match`es fail with `status` and a Discord error body. */
  failNext(match: (request: RecordedRequest) => boolean, status: number, body: JsonObject): void {
    this.log.failNext(match, status, body);
  }

  /** Resolves with the first request from index `since` on that matches; rejects after `timeoutMs`. */
  waitForRequest(match: (request: RecordedRequest) => boolean, since = 0, timeoutMs = 5000): Promise<RecordedRequest> {
    return this.log.waitForRequest(match, since, timeoutMs);
  }

  /** Messages the bot posted to a channel (`POST /channels/:id/messages`), from request index `since` on. */
  channelMessages(channelId: string, since = 0): MessageBody[] {
    return this.log.channelMessages(channelId, since);
  }

  /** Waits for the bot's next message in `channelId` after request index `since`. */
  nextChannelMessage(channelId: string, since: number, timeoutMs = 5000): Promise<MessageBody> {
    return this.log.nextChannelMessage(channelId, since, timeoutMs);
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
    const message = userMessagePayload(this, content, options);
    this.gateway.dispatch(GatewayDispatchEvents.MessageCreate, message);
    return String(message.id);
  }

  /** The "Ask lore" message command used on a user's message (right-click → Apps); returns the interaction id and token. */
  sendMessageCommand(name: string, content: string, options: UserMessageOptions = {}): { id: string; token: string } {
    const message = userMessagePayload(this, content, options);
    const target = String(message.id);
    return this.sendInteraction(
      InteractionType.ApplicationCommand,
      { id: snowflake(), name, type: ApplicationCommandType.Message, target_id: target, resolved: { messages: { [target]: message } } },
      String(message.channel_id),
    );
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
    const message = this.rest.botMessage(messageId);
    if (!message) throw new Error(`fake Discord: no bot message ${messageId}`);
    return this.sendInteraction(
      InteractionType.MessageComponent,
      { custom_id: customId, component_type: ComponentType.Button },
      String(message.channel_id),
      message,
    );
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
    this.rest.expectCallback(id, channelId, message);
    this.gateway.dispatch(GatewayDispatchEvents.InteractionCreate, interactionPayload(this, { id, type, data, channelId, message }));
    return { id, token: interactionToken(id) };
  }

  // ---- REST ---------------------------------------------------------------------------------------------------

  /** Ids of the messages the bot created, in order. */
  botMessageIds(): string[] {
    return this.rest.botMessageIds();
  }

  /** Gives the bot's next message `id` (a thread started on it gets the same id). */
  nameNextBotMessage(id: string): void {
    this.rest.nameNextBotMessage(id);
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const request = await readRequest(req, url);
    this.log.record(request);

    const reply = (status: number, body?: unknown) => {
      if (body === undefined) {
        res.writeHead(status).end();
        return;
      }
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const failure = this.log.takeFailure(request);
    if (failure) return reply(failure.status, failure.body);
    if (!url.pathname.startsWith('/api/v10/')) return reply(404, { message: '404: Not Found', code: 0 });
    const needsBotAuth = !/^\/(interactions|webhooks)\//.test(request.path);
    if (needsBotAuth && request.authorization !== `Bot ${this.token}`) return reply(401, { message: '401: Unauthorized', code: 0 });
    const result = this.rest.route(request);
    return reply(result.status, result.body);
  }
}
