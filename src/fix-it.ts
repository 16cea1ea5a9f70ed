import { asError } from './errors.js';

/**
 * What lore tells whoever runs it when a chat platform refuses it or cannot be reached, and how to fix that: the
 * same words from the adapters, `lore discord:register`, `lore doctor` and the configuration check.
 */

/** Where a Discord bot token is found. */
export const DISCORD_TOKEN_WHERE = 'Developer Portal → your application → Bot → Reset Token';
export const DISCORD_TOKEN_FIX = `copy a fresh token from ${DISCORD_TOKEN_WHERE} into DISCORD_TOKEN`;
const DISCORD_TOKEN_REJECTED = `Discord rejected DISCORD_TOKEN: ${DISCORD_TOKEN_FIX}.`;

/** The gateway close codes lore explains: 4004 authentication failed, 4014 disallowed intents. */
const GATEWAY_CLOSED: Readonly<Record<number, string>> = {
  4004: DISCORD_TOKEN_REJECTED,
  4014: 'Discord refused the Message Content intent: enable it in Developer Portal → Bot → Privileged Gateway Intents → Message Content Intent.',
};

/** An HTTP status carried by an API error (discord.js's and others'), if any. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** The Discord adapter could not start; `closeCode` on the error is the gateway's, when it closed the connection for good. */
export function discordStartFailure(error: unknown, apiUrl: string | undefined): string {
  const closeCode = (error as { closeCode?: unknown } | null)?.closeCode;
  if (typeof closeCode === 'number') return GATEWAY_CLOSED[closeCode] ?? `Discord closed the gateway connection (code ${closeCode}).`;
  const { code, message } = asError(error) as Error & { code?: unknown };
  if (code === 'TokenInvalid' || /401/.test(message)) return DISCORD_TOKEN_REJECTED;
  return `Could not connect to ${apiUrl === undefined ? 'Discord' : `Discord at DISCORD_API_URL=${apiUrl}`}: ${message}`;
}

/** Registering the Discord commands failed. */
export function discordRegistrationFailure(error: unknown, guildId: string | undefined): string {
  const status = statusOf(error);
  if (status === 401) return `Discord rejected DISCORD_TOKEN (401): ${DISCORD_TOKEN_FIX}.`;
  if (status === 403 && guildId !== undefined) {
    return `Discord refused to register /ask in server ${guildId} (403): check DISCORD_GUILD_ID and re-invite the bot with the applications.commands scope.`;
  }
  return `Could not register the Discord slash commands: ${asError(error).message}`;
}

/** The Slack adapter could not start: Slack not reached at all (network, proxy, firewall, DNS, a wrong SLACK_API_URL), or another failure. */
export function slackStartFailure(error: unknown, apiUrl: string | undefined): string {
  const { message } = asError(error);
  if ((error as { code?: unknown } | null)?.code !== 'slack_webapi_request_error') return `Slack could not start: ${message}`;
  const where = apiUrl ?? 'https://slack.com/api/';
  return `Slack could not be reached at ${where} (${message}). Check this machine's network connection, any proxy or firewall between it and Slack${apiUrl === undefined ? '' : ', and SLACK_API_URL'}.`;
}
