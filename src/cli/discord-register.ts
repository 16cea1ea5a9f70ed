import { Routes, type RESTGetCurrentApplicationResult } from 'discord.js';
import { ASK_COMMAND, ASK_MENU, GAPS_COMMAND, createRest, overwriteCommands } from '../adapters/discord/commands.js';
import type { DiscordConfig } from '../config.js';
import { ConfigError, LoreError } from '../errors.js';
import { DISCORD_TOKEN_WHERE, discordRegistrationFailure } from '../fix-it.js';
import type { Logger } from '../logger.js';
import { commandContext, writeLine, type CliIO } from './context.js';
import type { ParsedArgs } from './args.js';

/** `lore discord:register`: bulk-overwrites the /ask command without starting the bot. */
export async function discordRegisterCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const { config, logger } = commandContext(args, io, 'info');
  if (!config.discord) throw new ConfigError(`DISCORD_TOKEN is not set: set it to the bot token (${DISCORD_TOKEN_WHERE}).`);
  await registerDiscordCommands({ config: config.discord, logger });
  writeLine(io.stdout, `Registered /ask and /lore-gaps ${config.discord.guildId ? `for server ${config.discord.guildId}` : 'globally (may take up to an hour to appear)'}.`);
  return 0;
}

/** Registers the slash commands without connecting to the gateway. */
export async function registerDiscordCommands(options: { config: DiscordConfig; logger: Logger }): Promise<void> {
  const { config, logger } = options;
  const rest = createRest(config);
  try {
    const application = (await rest.get(Routes.currentApplication())) as RESTGetCurrentApplicationResult;
    await overwriteCommands(rest, application.id, config.guildId);
    logger.info(
      { applicationId: application.id, guildId: config.guildId ?? null, commands: [ASK_COMMAND, GAPS_COMMAND, ASK_MENU] },
      config.guildId ? 'registered Discord commands in the guild' : 'registered Discord commands globally',
    );
  } catch (error) {
    throw new LoreError('ADAPTER_START_FAILED', discordRegistrationFailure(error, config.guildId), { cause: error });
  }
}
