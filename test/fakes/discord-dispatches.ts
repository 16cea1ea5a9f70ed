import { ChannelType, PermissionFlagsBits, type InteractionType } from 'discord.js';
import { EVERYONE_PERMISSIONS, channelPayload, snowflake, type FakeIds, type FakeUser, type JsonObject } from './discord-objects.js';

/** What a user does, as the fake Discord's gateway dispatches it: a message (MESSAGE_CREATE) and interactions (INTERACTION_CREATE). */

/** What the payloads need of the fake Discord they come from. */
export interface DispatchHost extends FakeIds {
  readonly applicationId: string;
  readonly otherBot: FakeUser;
}

export interface UserMessageOptions {
  channelId?: string;
  author?: FakeUser;
  /** Message id; generated when absent. */
  id?: string;
}

export interface InteractionOptions {
  id: string;
  type: InteractionType;
  data: JsonObject;
  channelId: string;
  /** The message a component interaction came from. */
  message?: JsonObject;
}

/** The token Discord hands out with an interaction, which its callback and webhook URLs carry. */
export function interactionToken(interactionId: string): string {
  return `interaction-token-${interactionId}`;
}

/** A user's message, with its mentions parsed out of the content as Discord's server does. */
export function userMessagePayload(host: DispatchHost, content: string, options: UserMessageOptions): JsonObject {
  const channelId = options.channelId ?? host.channelId;
  const author = options.author ?? host.alice;
  const dm = channelId === host.dmChannelId;
  const known = [host.bot, host.alice, host.otherBot];
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
      : { guild_id: host.guildId, member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 } }),
  };
  return message;
}

/** An interaction alice starts, in a guild channel or her DM channel. */
export function interactionPayload(host: DispatchHost, { id, type, data, channelId, message }: InteractionOptions): JsonObject {
  const dm = channelId === host.dmChannelId;
  const permissions = String(EVERYONE_PERMISSIONS | PermissionFlagsBits.UseApplicationCommands);
  return {
    id,
    application_id: host.applicationId,
    type,
    data,
    token: interactionToken(id),
    version: 1,
    channel_id: channelId,
    channel: channelPayload(host, channelId),
    app_permissions: permissions,
    locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': host.guildId },
    context: dm ? 1 : 0,
    attachment_size_limit: 10485760,
    ...(dm
      ? { user: host.alice }
      : {
          guild_id: host.guildId,
          guild_locale: 'en-US',
          member: { user: host.alice, roles: [], permissions, joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
        }),
    ...(message && { message }),
  };
}
