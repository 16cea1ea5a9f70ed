import { Client, Events, GatewayIntentBits, Partials, type ClientOptions } from 'discord.js';
import { Conversation, type ConversationOptions } from '../../chat/conversation.js';
import type { DiscordConfig } from '../../config.js';
import { LoreError, asError } from '../../errors.js';
import { discordRegistrationFailure, discordStartFailure } from '../../fix-it.js';
import type { Logger } from '../../logger.js';
import { InFlight } from '../../service/in-flight.js';
import type { ChatAdapter } from '../../types.js';
import { overwriteCommands } from './commands.js';
import { handleInteraction } from './interactions.js';
import { answerMessage } from './messages.js';
import { NO_PINGS, type AnswerDeps } from './reply.js';

export interface DiscordAdapterOptions extends Omit<ConversationOptions, 'command'> {
  config: DiscordConfig;
  /**
   * Milliseconds `/ask` waits for the engine before deferring its reply. Discord drops an interaction that is not
   * acknowledged within 3 s, round trips included. Default 1500.
   */
  deferAfterMs?: number;
}

/** The Discord chat adapter: mentions in servers, DMs and `/ask`, answered from the notes through `service`. */
export function createDiscordAdapter(options: DiscordAdapterOptions): ChatAdapter {
  const { config } = options;
  const logger = options.logger.child({ component: 'discord' });
  const conversation = new Conversation({ ...options, logger, command: '/ask' });
  const deps: AnswerDeps = { conversation, logger, deferAfterMs: options.deferAfterMs ?? 1500 };
  // Handlers still running; stop() lets them post their answers before the connection closes.
  const handlers = new InFlight();
  let client: Client | undefined;
  return {
    name: 'discord',
    async start() {
      if (client !== undefined) return;
      const created = new Client(clientOptions(config));
      wire(created, deps, handlers);
      try {
        const ready = await connect(created, config.token);
        logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'connected to Discord');
        // Commands belong to the application, not a shard: shard 0 registers them for all.
        if (ready.shard === null || ready.shard.ids.includes(0)) await registerCommands(ready, config.guildId, logger);
      } catch (error) {
        await created.destroy();
        throw new LoreError('ADAPTER_START_FAILED', discordStartFailure(error, config.apiUrl), { cause: error });
      }
      client = created;
    },
    connected: () => client?.isReady() ?? false,
    async stop() {
      const running = client;
      client = undefined;
      // Stop taking events first, as the Slack adapter does; running handlers still post on the open connection.
      running?.removeAllListeners(Events.MessageCreate).removeAllListeners(Events.InteractionCreate);
      await handlers.idle();
      await running?.destroy();
    },
  };
}

/** A failed registration leaves mentions and DMs working, so it is logged rather than fatal. */
async function registerCommands(client: Client<true>, guildId: string | undefined, logger: Logger): Promise<void> {
  try {
    await overwriteCommands(client.rest, client.application.id, guildId);
    logger.info({ guildId: guildId ?? null }, guildId ? 'registered /ask, /lore-gaps and Ask lore in the guild' : 'registered /ask, /lore-gaps and Ask lore globally');
  } catch (error) {
    logger.error({ err: asError(error) }, discordRegistrationFailure(error, guildId));
  }
}

function wire(client: Client, deps: AnswerDeps, handlers: InFlight): void {
  const { logger } = deps;
  client.on(Events.MessageCreate, (message) => {
    if (!client.isReady()) return;
    handlers.track(answerMessage(client, message, deps)).catch((error: unknown) => logger.error({ err: asError(error) }, 'message handler failed'));
  });
  client.on(Events.InteractionCreate, (interaction) => {
    handlers.track(handleInteraction(interaction, deps)).catch((error: unknown) => logger.error({ err: asError(error) }, 'interaction handler failed'));
  });
  // Without an 'error' listener an EventEmitter throws; discord.js reconnects by itself, so these are only logged.
  client.on(Events.Error, (error) => logger.error({ err: error }, 'Discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ detail: message }, 'Discord client warning'));
  client.on(Events.ShardError, (error, shardId) => logger.warn({ err: error, shardId }, 'Discord gateway error; reconnecting'));
  client.on(Events.ShardReconnecting, (shardId) => logger.info({ shardId }, 'Discord gateway reconnecting'));
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'Discord gateway resumed'));
  client.on(Events.ShardDisconnect, (event, shardId) => logger.error({ code: event.code, shardId }, 'Discord gateway closed for good; restart lore after fixing the cause'));
}

function clientOptions(config: DiscordConfig): ClientOptions {
  return {
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent, GatewayIntentBits.DirectMessages],
    // DM channels are not cached before their first message; without this partial, DMs would be dropped.
    partials: [Partials.Channel],
    allowedMentions: NO_PINGS,
    ...(config.apiUrl !== undefined && { rest: { api: config.apiUrl } }),
  };
}

/**
 * Logs in and waits until the client is ready (guilds received). discord.js's login never settles when the gateway
 * refuses the session for good (bad token, intents not allowed, …), so that becomes a rejection with the close code.
 */
async function connect(client: Client, token: string): Promise<Client<true>> {
  let settle = (): void => undefined;
  try {
    return await new Promise<Client<true>>((resolve, reject) => {
      const closed = ({ code }: { code: number }) => reject(Object.assign(new Error(`Discord closed the gateway connection with code ${code}`), { closeCode: code }));
      settle = () => void client.off(Events.ShardDisconnect, closed).off(Events.ClientReady, resolve);
      client.once(Events.ShardDisconnect, closed).once(Events.ClientReady, resolve);
      client.login(token).catch((error: unknown) => reject(asError(error)));
    });
  } finally {
    // Whichever way it ends, neither listener stays behind.
    settle();
  }
}
