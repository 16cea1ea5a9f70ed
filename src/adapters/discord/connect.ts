import { Events, GatewayCloseCodes, type Client } from 'discord.js';
import type { DiscordConfig } from '../../config.js';
import { asError } from '../../errors.js';

/** The gateway closed with a code discord.js will not retry (bad token, intents not allowed, …). */
export class GatewayClosedError extends Error {
  constructor(readonly code: number) {
    super(`Discord closed the gateway connection with code ${code}`);
    this.name = 'GatewayClosedError';
  }
}

/**
 * Logs in and waits until the client is ready (guilds received). discord.js's login never settles when the gateway
 * refuses the session for good, so that case is turned into a rejection here.
 */
export function connect(client: Client, token: string): Promise<Client<true>> {
  return new Promise((resolve, reject) => {
    const onDisconnect = (event: { code: number }) => {
      client.off(Events.ClientReady, onReady);
      reject(new GatewayClosedError(event.code));
    };
    const onReady = (ready: Client<true>) => {
      client.off(Events.ShardDisconnect, onDisconnect);
      resolve(ready);
    };
    client.once(Events.ShardDisconnect, onDisconnect);
    client.once(Events.ClientReady, onReady);
    client.login(token).catch((error: unknown) => {
      client.off(Events.ShardDisconnect, onDisconnect);
      client.off(Events.ClientReady, onReady);
      reject(asError(error));
    });
  });
}

/** A fix-it message for a failed start. */
export function startFailure(error: unknown, config: DiscordConfig): string {
  if (error instanceof GatewayClosedError) {
    switch (error.code) {
      case GatewayCloseCodes.AuthenticationFailed:
        return 'Discord rejected DISCORD_TOKEN: copy a fresh token from Developer Portal → Bot → Reset Token.';
      case GatewayCloseCodes.DisallowedIntents:
        return 'Discord refused the Message Content intent: enable it in Developer Portal → Bot → Privileged Gateway Intents → Message Content Intent.';
      default:
        return `Discord closed the gateway connection (code ${error.code}).`;
    }
  }
  const { code, message } = asError(error) as Error & { code?: unknown };
  if (code === 'TokenInvalid' || /401/.test(message)) {
    return 'Discord rejected DISCORD_TOKEN: copy a fresh token from Developer Portal → Bot → Reset Token.';
  }
  const where = config.apiUrl === undefined ? 'Discord' : `Discord at DISCORD_API_URL=${config.apiUrl}`;
  return `Could not connect to ${where}: ${message}`;
}
