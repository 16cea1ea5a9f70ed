import { ChannelType, PermissionFlagsBits } from 'discord.js';

/** Discord payloads the fake serves: users, the test guild and its channels. */

export type JsonObject = { [key: string]: unknown };

export interface FakeUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: null;
  bot?: boolean;
}

/** The ids and users of the fake's one guild. */
export interface FakeIds {
  bot: FakeUser;
  alice: FakeUser;
  guildId: string;
  channelId: string;
  noEmbedChannelId: string;
  threadId: string;
  dmChannelId: string;
  roleId: string;
}

const DISCORD_EPOCH = 1420070400000n;
let sequence = 0n;

/** A fresh, increasing snowflake id. */
export function snowflake(): string {
  sequence += 1n;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (sequence & 0xfffn)).toString();
}

export function user(id: string, username: string, bot = false): FakeUser {
  return { id, username, global_name: username, discriminator: '0', avatar: null, ...(bot && { bot: true }) };
}

/** What @everyone may do in the test guild: what lore's invite asks for. */
export const EVERYONE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory;

export function guildPayload(ids: FakeIds): JsonObject {
  const joinedAt = new Date().toISOString();
  return {
    id: ids.guildId,
    name: 'Lore test server',
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: ids.alice.id,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [
      { id: ids.guildId, name: '@everyone', permissions: String(EVERYONE_PERMISSIONS), position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
      { id: ids.roleId, name: 'lore', permissions: '0', position: 1, color: 0, hoist: false, managed: true, mentionable: true, flags: 0, tags: { bot_id: ids.bot.id } },
    ],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    joined_at: joinedAt,
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [
      { user: ids.bot, roles: [ids.roleId], joined_at: joinedAt, deaf: false, mute: false, flags: 0 },
      { user: ids.alice, roles: [], joined_at: joinedAt, deaf: false, mute: false, flags: 0 },
    ],
    channels: [channelPayload(ids, ids.channelId), channelPayload(ids, ids.noEmbedChannelId)],
    threads: [channelPayload(ids, ids.threadId)],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export function channelPayload(ids: FakeIds, channelId: string): JsonObject {
  if (channelId === ids.dmChannelId) return { id: channelId, type: ChannelType.DM, recipients: [ids.alice], last_message_id: null };
  if (channelId === ids.threadId) {
    return {
      id: channelId,
      type: ChannelType.PublicThread,
      guild_id: ids.guildId,
      parent_id: ids.channelId,
      name: 'fargate follow-ups',
      owner_id: ids.alice.id,
      last_message_id: null,
      message_count: 0,
      member_count: 1,
      rate_limit_per_user: 0,
      flags: 0,
      thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false },
    };
  }
  const noEmbeds = channelId === ids.noEmbedChannelId;
  return {
    id: channelId,
    type: ChannelType.GuildText,
    guild_id: ids.guildId,
    name: noEmbeds ? 'no-embeds' : 'general',
    position: noEmbeds ? 1 : 0,
    parent_id: null,
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    permission_overwrites: noEmbeds
      ? [{ id: ids.guildId, type: 0, allow: '0', deny: String(PermissionFlagsBits.EmbedLinks) }]
      : [],
  };
}
