import type { IncomingMessage } from 'node:http';
import type { RawData, WebSocket } from 'ws';
import { GatewayDispatchEvents, GatewayOpcodes } from 'discord.js';
import { guildPayload, snowflake, type FakeIds, type FakeUser, type JsonObject } from './discord-objects.js';

export interface IdentifyRecord {
  token: string;
  intents: number;
  compress: boolean;
  /** `[shard id, shard count]` the client identified as; `[0, 1]` when it sent none. */
  shard: [number, number];
}

/** What the gateway needs of the fake Discord it belongs to. */
export interface GatewayHost extends FakeIds {
  readonly token: string;
  readonly bot: FakeUser;
  readonly applicationId: string;
  readonly gatewayUrl: string;
}

export interface GatewayOptions {
  heartbeatIntervalMs?: number;
  /** Close the gateway with this code instead of answering IDENTIFY (e.g. 4014 disallowed intents). */
  closeOnIdentify?: number;
}

/**
 * The fake Discord's gateway: the WebSocket side, speaking JSON on API v10. It answers HELLO, heartbeats, IDENTIFY
 * (READY and the guild, per shard) and RESUME, and dispatches events to the connection of the guild's shard.
 */
export class FakeGateway {
  readonly identifies: IdentifyRecord[] = [];
  readonly queries: URLSearchParams[] = [];
  resumes = 0;
  heartbeats = 0;
  private readonly sockets = new Set<WebSocket>();
  private readonly ready = new Set<WebSocket>();
  /** The shard each identified connection is, as Discord routes events: guild `(id >> 22) % count`, DMs to 0. */
  private readonly shardOf = new Map<WebSocket, [number, number]>();
  private session: { id: string; seq: number } | undefined;

  constructor(
    private readonly host: GatewayHost,
    private readonly options: GatewayOptions,
  ) {}

  /** Connections currently open. */
  get openConnections(): number {
    return this.sockets.size;
  }

  terminateAll(): void {
    for (const socket of this.sockets) socket.terminate();
  }

  /** Drops every connection with `code`; discord.js should reconnect and resume. */
  dropConnections(code: number): void {
    for (const socket of this.sockets) socket.close(code, 'fake Discord dropped the connection');
  }

  dispatch(t: string, d: JsonObject): void {
    if (!this.session) throw new Error('fake Discord: no gateway session to dispatch to');
    this.session.seq += 1;
    const payload = JSON.stringify({ op: GatewayOpcodes.Dispatch, t, s: this.session.seq, d });
    const guildId = typeof d.guild_id === 'string' ? d.guild_id : t === GatewayDispatchEvents.GuildCreate ? String(d.id) : undefined;
    for (const socket of this.ready) {
      const [id, count] = this.shardOf.get(socket) ?? [0, 1];
      if (id === (guildId === undefined ? 0 : shardOfGuild(guildId, count))) socket.send(payload);
    }
  }

  onConnection(socket: WebSocket, req: IncomingMessage): void {
    const query = new URL(req.url ?? '/', 'http://x').searchParams;
    this.queries.push(query);
    this.sockets.add(socket);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.ready.delete(socket);
      this.shardOf.delete(socket);
    });
    // This fake speaks uncompressed JSON on API v10 only, as discord.js without zlib-sync asks for.
    if (query.get('v') !== '10' || query.get('encoding') !== 'json' || query.has('compress')) {
      socket.close(4012, 'fake Discord supports v=10&encoding=json without compression');
      return;
    }
    socket.on('message', (raw) => this.onGatewayMessage(socket, raw));
    this.send(socket, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs ?? 1000 } });
  }

  private onGatewayMessage(socket: WebSocket, raw: RawData): void {
    const text = Array.isArray(raw) ? Buffer.concat(raw).toString() : Buffer.from(raw as ArrayBuffer).toString();
    const payload = JSON.parse(text) as { op: number; d: JsonObject | number | null };
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        this.heartbeats += 1;
        this.send(socket, { op: GatewayOpcodes.HeartbeatAck });
        break;
      case GatewayOpcodes.Identify:
        this.onIdentify(socket, payload.d as JsonObject);
        break;
      case GatewayOpcodes.Resume:
        this.onResume(socket, payload.d as JsonObject);
        break;
      default:
        break;
    }
  }

  private onIdentify(socket: WebSocket, d: JsonObject): void {
    const shard: [number, number] = Array.isArray(d.shard) ? [Number(d.shard[0]), Number(d.shard[1])] : [0, 1];
    this.identifies.push({ token: String(d.token), intents: Number(d.intents), compress: d.compress === true, shard });
    if (d.token !== this.host.token) return socket.close(4004, 'Authentication failed.');
    if (this.options.closeOnIdentify !== undefined) return socket.close(this.options.closeOnIdentify, 'refused by test');
    this.session = { id: `session-${snowflake()}`, seq: 0 };
    this.shardOf.set(socket, shard);
    this.ready.add(socket);
    const mine = shardOfGuild(this.host.guildId, shard[1]) === shard[0];
    // READY goes to this connection alone: every shard gets its own.
    this.session.seq += 1;
    this.send(socket, {
      op: GatewayOpcodes.Dispatch,
      t: GatewayDispatchEvents.Ready,
      s: this.session.seq,
      d: {
        v: 10,
        user: { ...this.host.bot, verified: true, mfa_enabled: false, flags: 0 },
        guilds: mine ? [{ id: this.host.guildId, unavailable: true }] : [],
        session_id: this.session.id,
        resume_gateway_url: this.host.gatewayUrl,
        shard,
        application: { id: this.host.applicationId, flags: 0 },
      },
    });
    if (mine) this.dispatch(GatewayDispatchEvents.GuildCreate, guildPayload(this.host));
  }

  private onResume(socket: WebSocket, d: JsonObject): void {
    if (!this.session || d.session_id !== this.session.id || d.token !== this.host.token) {
      this.send(socket, { op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    this.resumes += 1;
    this.ready.add(socket);
    this.dispatch(GatewayDispatchEvents.Resumed, {});
  }

  private send(socket: WebSocket, payload: JsonObject): void {
    socket.send(JSON.stringify(payload));
  }
}

/** The shard Discord sends a guild's events to. */
export function shardOfGuild(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}
