import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  REST,
  Routes,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { DiscordConfig } from '../../config.js';

export const ASK_COMMAND = 'ask';
export const QUESTION_OPTION = 'question';
export const PRIVATE_OPTION = 'private';
export const GAPS_COMMAND = 'lore-gaps';
/** The message context-menu command: right-click a message → Apps → Ask lore. */
export const ASK_MENU = 'Ask lore';

/**
 * What lore registers: `/ask question:<text> [private:<true|false>]`; `/lore-gaps`, the top knowledge gaps shown only
 * to the person who asks; and "Ask lore" on a message (right-click → Apps), whose text becomes the question.
 */
const COMMANDS: readonly RESTPostAPIApplicationCommandsJSONBody[] = [
  {
    type: ApplicationCommandType.ChatInput,
    name: ASK_COMMAND,
    description: "Ask a question; the answer quotes the team's notes",
    options: [
      { type: ApplicationCommandOptionType.String, name: QUESTION_OPTION, description: 'What do you want to know?', required: true, autocomplete: true, max_length: 1000 },
      { type: ApplicationCommandOptionType.Boolean, name: PRIVATE_OPTION, description: 'Only you see the answer', required: false },
    ],
  },
  { type: ApplicationCommandType.ChatInput, name: GAPS_COMMAND, description: "Questions the notes didn't answer well lately (only you see them)" },
  { type: ApplicationCommandType.Message, name: ASK_MENU },
];

/** Global commands are usable in servers and in DMs with the bot; guild commands only where they are registered. */
const EVERYWHERE = { contexts: [InteractionContextType.Guild, InteractionContextType.BotDM], integration_types: [ApplicationIntegrationType.GuildInstall] };

/**
 * Replaces the application's commands with lore's (bulk overwrite): in `guildId` when given (visible at once),
 * globally otherwise (may take up to an hour to show).
 */
export async function overwriteCommands(rest: REST, applicationId: string, guildId: string | undefined): Promise<void> {
  const route = guildId === undefined ? Routes.applicationCommands(applicationId) : Routes.applicationGuildCommands(applicationId, guildId);
  await rest.put(route, { body: COMMANDS.map((command) => (guildId === undefined ? { ...command, ...EVERYWHERE } : command)) });
}

/** A REST client for the configured API; the `api` option is only passed when set, so discord.js keeps its default. */
export function createRest(config: DiscordConfig): REST {
  return new REST(config.apiUrl === undefined ? {} : { api: config.apiUrl }).setToken(config.token);
}
