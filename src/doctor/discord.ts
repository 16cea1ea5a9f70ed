import {
  ApplicationFlags,
  REST,
  Routes,
  type RESTGetAPICurrentUserGuildsResult,
  type RESTGetAPICurrentUserResult,
  type RESTGetAPIApplicationCommandsResult,
  type RESTGetCurrentApplicationResult,
} from 'discord.js';
import { ASK_COMMAND, ASK_MENU, GAPS_COMMAND } from '../adapters/discord/commands.js';
import { inviteUrl } from './discord-invite.js';
import type { DiscordConfig } from '../config.js';
import { DISCORD_TOKEN_FIX, statusOf } from '../fix-it.js';
import { describeError, fail, pass, skip, type CheckResult } from './check.js';

const TIMEOUT_MS = 10_000;
const MESSAGE_CONTENT = ApplicationFlags.GatewayMessageContent | ApplicationFlags.GatewayMessageContentLimited;

/**
 * The Discord set-up, through discord.js REST and the same DISCORD_API_URL as the bot: the token works, the Message
 * Content intent is on, /ask and /lore-gaps are registered where the bot registers them, and which servers it is in.
 */
export async function checkDiscord(config: DiscordConfig | undefined): Promise<CheckResult[]> {
  if (config === undefined) return [skip('Discord', 'skipped, DISCORD_TOKEN is not set')];
  // One attempt, quickly: a check that retries looks like a hang.
  const rest = new REST({ retries: 0, timeout: TIMEOUT_MS, ...(config.apiUrl !== undefined && { api: config.apiUrl }) }).setToken(config.token);
  const where = config.apiUrl === undefined ? 'Discord' : `Discord at DISCORD_API_URL=${config.apiUrl}`;

  let me: RESTGetAPICurrentUserResult;
  let application: RESTGetCurrentApplicationResult;
  try {
    me = (await rest.get(Routes.user())) as RESTGetAPICurrentUserResult;
    application = (await rest.get(Routes.currentApplication())) as RESTGetCurrentApplicationResult;
  } catch (error) {
    return [tokenFailure(error, where, config), skip('Discord intent, commands and servers', 'skipped, needs a working token')];
  }
  return [
    pass('Discord bot token', `valid, bot ${me.username} (application ${application.id})`),
    intent(application.flags ?? 0),
    await commands(rest, application.id, config.guildId),
    await guilds(rest, application.id, config.guildId),
  ];
}

function tokenFailure(error: unknown, where: string, config: DiscordConfig): CheckResult {
  const name = 'Discord bot token';
  if (statusOf(error) === 401) {
    return fail(name, `${where} rejected DISCORD_TOKEN (401 Unauthorized)`, DISCORD_TOKEN_FIX);
  }
  const fix = config.apiUrl === undefined ? 'check this machine can reach https://discord.com' : 'check DISCORD_API_URL (or unset it to use Discord itself)';
  return fail(name, `could not ask ${where} who the bot is: ${describeError(error)}`, fix);
}

function intent(flags: number): CheckResult {
  const name = 'Discord Message Content intent';
  if ((flags & MESSAGE_CONTENT) !== 0) return pass(name, 'enabled');
  return fail(
    name,
    'disabled, so Discord refuses the connection (close code 4014)',
    'Developer Portal → your application → Bot → Privileged Gateway Intents → turn on Message Content Intent → Save',
  );
}

async function commands(rest: REST, applicationId: string, guildId: string | undefined): Promise<CheckResult> {
  const name = 'Discord commands';
  const scope = guildId === undefined ? 'globally' : `in server ${guildId} (DISCORD_GUILD_ID)`;
  const route = guildId === undefined ? Routes.applicationCommands(applicationId) : Routes.applicationGuildCommands(applicationId, guildId);
  try {
    const registered = ((await rest.get(route)) as RESTGetAPIApplicationCommandsResult).map((c) => c.name);
    const shown = (command: string) => (command === ASK_MENU ? command : `/${command}`);
    const missing = [ASK_COMMAND, GAPS_COMMAND, ASK_MENU].filter((wanted) => !registered.includes(wanted)).map(shown);
    if (missing.length === 0) return pass(name, `/${ASK_COMMAND}, /${GAPS_COMMAND} and ${ASK_MENU} are registered ${scope}`);
    return fail(name, `${missing.join(', ').replace(/, ([^,]*)$/, ' and $1')} not registered ${scope}`, 'run lore discord:register (lore serve also registers them when it starts)');
  } catch (error) {
    return fail(name, `could not list the commands registered ${scope}: ${describeError(error)}`, 'check DISCORD_GUILD_ID, and that the bot was invited with the applications.commands scope');
  }
}

async function guilds(rest: REST, applicationId: string, guildId: string | undefined): Promise<CheckResult> {
  const name = 'Discord servers';
  const invite = `invite the bot with ${inviteUrl(applicationId)}`;
  try {
    const list = (await rest.get(Routes.userGuilds())) as RESTGetAPICurrentUserGuildsResult;
    if (list.length === 0) return fail(name, 'the bot is in no server', invite);
    if (guildId !== undefined && !list.some((g) => g.id === guildId)) {
      return fail(name, `the bot is not in server ${guildId} (DISCORD_GUILD_ID)`, `${invite}, or fix DISCORD_GUILD_ID`);
    }
    const names = list.slice(0, 5).map((g) => `${g.name} (${g.id})`);
    const more = list.length > names.length ? ` and ${list.length - names.length} more` : '';
    return pass(name, `the bot is in ${list.length} server${list.length === 1 ? '' : 's'}: ${names.join(', ')}${more}`);
  } catch (error) {
    return fail(name, `could not list the bot's servers: ${describeError(error)}`, invite);
  }
}
