import { registerDiscordCommands } from '../adapters/discord/index.js';
import { ConfigError } from '../errors.js';
import { commandContext, writeLine, type CliIO } from './context.js';
import type { ParsedArgs } from './args.js';

/** `lore discord:register`: bulk-overwrites the /ask command without starting the bot. */
export async function discordRegisterCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const { config, logger } = commandContext(args, io, 'info');
  if (!config.discord) throw new ConfigError('DISCORD_TOKEN is not set: set it to the bot token (Developer Portal → Bot → Reset Token).');
  await registerDiscordCommands({ config: config.discord, logger });
  writeLine(io.stdout, `Registered /ask and /lore-gaps ${config.discord.guildId ? `for server ${config.discord.guildId}` : 'globally (may take up to an hour to appear)'}.`);
  return 0;
}
