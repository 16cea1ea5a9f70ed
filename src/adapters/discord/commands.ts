import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  OAuth2Scopes,
  PermissionFlagsBits,
  REST,
  Routes,
  type RESTPostAPIApplicationCommandsJSONBody,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { DiscordConfig } from '../../config.js';

export const ASK_COMMAND = 'ask';
export const QUESTION_OPTION = 'question';
export const PRIVATE_OPTION = 'private';
export const GAPS_COMMAND = 'lore-gaps';
/** The message context-menu command: right-click a message → Apps → Ask lore. */
export const ASK_MENU = 'Ask lore';

/** What the bot needs in a channel: View Channels, Send Messages (and in Threads), Embed Links, Read Message History. */
export const BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory;

/** The URL that adds the bot to a server with the scopes and permissions above. */
export function inviteUrl(applicationId: string): string {
  const params = new URLSearchParams({
    client_id: applicationId,
    scope: [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands].join(' '),
    permissions: BOT_PERMISSIONS.toString(),
  });
  return `https://discord.com/oauth2/authorize?${params.toString()}`;
}

/** Global commands are usable in servers and in DMs with the bot; guild commands only where they are registered. */
function installedFor(global: boolean) {
  return global ? { contexts: [InteractionContextType.Guild, InteractionContextType.BotDM], integration_types: [ApplicationIntegrationType.GuildInstall] } : {};
}

/** `/ask question:<text> [private:<true|false>]`, as sent to Discord. Global commands also work in DMs with the bot. */
export function askCommand(global: boolean): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return {
    type: ApplicationCommandType.ChatInput,
    name: ASK_COMMAND,
    description: "Ask a question; the answer quotes the team's notes",
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: QUESTION_OPTION,
        description: 'What do you want to know?',
        required: true,
        autocomplete: true,
        max_length: 1000,
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: PRIVATE_OPTION,
        description: 'Only you see the answer',
        required: false,
      },
    ],
    ...installedFor(global),
  };
}

/** `/lore-gaps`: the top knowledge gaps, shown only to the person who asks. */
export function gapsCommand(global: boolean): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return {
    type: ApplicationCommandType.ChatInput,
    name: GAPS_COMMAND,
    description: "Questions the notes didn't answer well lately (only you see them)",
    ...installedFor(global),
  };
}

/** "Ask lore" on a message: its text becomes the question, answered privately with Share. */
export function askMenuCommand(global: boolean): RESTPostAPIApplicationCommandsJSONBody {
  return {
    type: ApplicationCommandType.Message,
    name: ASK_MENU,
    ...installedFor(global),
  };
}

/**
 * Replaces the application's commands with `/ask`, `/lore-gaps` and "Ask lore" (bulk overwrite): in `guildId` when given (visible at once),
 * globally otherwise (may take up to an hour to show).
 */
export async function overwriteCommands(rest: REST, applicationId: string, guildId: string | undefined): Promise<void> {
  const route =
    guildId === undefined ? Routes.applicationCommands(applicationId) : Routes.applicationGuildCommands(applicationId, guildId);
  const global = guildId === undefined;
  await rest.put(route, { body: [askCommand(global), gapsCommand(global), askMenuCommand(global)] });
}

/** A REST client for the configured API; the `api` option is only passed when set, so discord.js keeps its default. */
export function createRest(config: DiscordConfig): REST {
  return new REST(config.apiUrl === undefined ? {} : { api: config.apiUrl }).setToken(config.token);
}
