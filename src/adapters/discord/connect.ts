import { Events, type Client } from 'discord.js';
import { asError } from '../../errors.js';

/** The gateway closed with a code discord.js will not retry (bad token, intents not allowed, …). */
export class GatewayClosedError extends Error {
  constructor(readonly closeCode: number) {
    super(`Discord closed the gateway connection with code ${closeCode}`);
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
