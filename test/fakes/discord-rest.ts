import { ApplicationFlags, InteractionResponseType, InteractionType } from 'discord.js';
import { interactionToken } from './discord-dispatches.js';
import { channelPayload, snowflake, type FakeIds, type FakeUser, type JsonObject } from './discord-objects.js';
import type { InteractionCallbackBody, RecordedRequest } from './discord-requests.js';

/** What the REST routes need of the fake Discord they belong to. */
export interface RestHost extends FakeIds {
  readonly bot: FakeUser;
  readonly applicationId: string;
  readonly gatewayUrl: string;
}

export interface RestOptions {
  /** `flags` of `GET /applications/@me`; default: the Message Content intent (limited) is on. */
  applicationFlags?: number;
  /** Servers `GET /users/@me/guilds` lists; default: the one fake guild. */
  guilds?: { id: string; name: string }[];
  /** Shards `GET /gateway/bot` recommends (default 1). Dispatches go to the connection of the guild's shard. */
  shards?: number;
}

interface RestResponse {
  status: number;
  body?: unknown;
}

/**
 * The fake Discord's REST routes (API v10) and what they keep: the bot's application commands, the messages it
 * created and the interactions it may answer.
 */
export class FakeRest {
  /** Commands by scope: `global` or a guild id. */
  readonly commands = new Map<string, JsonObject[]>();
  private readonly messages = new Map<string, JsonObject>();
  private readonly interactionChannels = new Map<string, string>();
  /** The message a component interaction came from, which an update-message callback edits. */
  private readonly interactionMessages = new Map<string, JsonObject>();
  private nextBotMessageId: string | undefined;

  constructor(
    private readonly host: RestHost,
    private readonly options: RestOptions,
  ) {}

  /** Notes an interaction sent to the bot, so that its callback answers in `channelId` (or edits `message`). */
  expectCallback(interactionId: string, channelId: string, message?: JsonObject): void {
    this.interactionChannels.set(interactionId, channelId);
    if (message) this.interactionMessages.set(interactionId, message);
  }

  /** A message the bot created, by id. */
  botMessage(id: string): JsonObject | undefined {
    return this.messages.get(id);
  }

  /** Ids of the messages the bot created, in order. */
  botMessageIds(): string[] {
    return [...this.messages.keys()].filter((key) => !key.startsWith('original:'));
  }

  /** Gives the bot's next message `id` (a thread started on it gets the same id). */
  nameNextBotMessage(id: string): void {
    this.nextBotMessageId = id;
  }

  route(request: RecordedRequest): RestResponse {
    const { method, path } = request;
    const body = (request.body ?? {}) as JsonObject;
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      return {
        status: 200,
        body: {
          url: this.host.gatewayUrl,
          shards: this.options.shards ?? 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
        },
      };
    }
    if (method === 'GET' && path === '/users/@me') return { status: 200, body: this.host.bot };
    if (method === 'GET' && path === '/applications/@me') {
      const flags = this.options.applicationFlags ?? ApplicationFlags.GatewayMessageContentLimited;
      return { status: 200, body: { id: this.host.applicationId, name: 'lore', description: '', bot: this.host.bot, flags } };
    }
    if (method === 'GET' && path === '/users/@me/guilds') {
      const guilds = this.options.guilds ?? [{ id: this.host.guildId, name: 'Lore test server' }];
      return { status: 200, body: guilds.map((guild) => ({ ...guild, icon: null, owner: false, permissions: '0', features: [] })) };
    }
    if ((m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path))) {
      if (m[1] !== this.host.applicationId) return { status: 404, body: { message: 'Unknown Application', code: 10002 } };
      const scope = m[2] ?? 'global';
      if (method === 'PUT') {
        const stored = (request.body as JsonObject[]).map((command) => ({
          ...command,
          id: snowflake(),
          application_id: this.host.applicationId,
          version: snowflake(),
          ...(m?.[2] !== undefined && { guild_id: m[2] }),
        }));
        this.commands.set(scope, stored);
        return { status: 200, body: stored };
      }
      if (method === 'GET') return { status: 200, body: this.commands.get(scope) ?? [] };
    }
    // Opening a DM with alice (the only person who writes to the bot) gives her DM channel.
    if (method === 'POST' && path === '/users/@me/channels') return { status: 200, body: channelPayload(this.host, this.host.dmChannelId) };
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
        return { status: 200, body: this.createBotMessage(String(original?.channel_id ?? this.host.channelId), body) };
      }
    }
    return { status: 404, body: { message: '404: Not Found', code: 0 } };
  }

  private interactionCallback(interactionId: string, body: JsonObject, withResponse: boolean): RestResponse {
    const callback = body as unknown as InteractionCallbackBody;
    let message: JsonObject | undefined;
    const token = interactionToken(interactionId);
    if (
      callback.type === InteractionResponseType.ChannelMessageWithSource ||
      callback.type === InteractionResponseType.DeferredChannelMessageWithSource
    ) {
      const channelId = this.interactionChannels.get(interactionId) ?? this.host.channelId;
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

  private createBotMessage(channelId: string, body: JsonObject, interactionId?: string): JsonObject {
    const id = this.nextBotMessageId ?? snowflake();
    this.nextBotMessageId = undefined;
    const reference = body.message_reference as { message_id?: string } | undefined;
    const message: JsonObject = {
      id,
      channel_id: channelId,
      author: this.host.bot,
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
      ...(channelId !== this.host.dmChannelId && { guild_id: this.host.guildId }),
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
