import { Client, Events, GatewayIntentBits, Partials, type ClientOptions } from 'discord.js';
import type { DiscordConfig } from '../../config.js';
import { LoreError, asError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { Conversation } from '../../chat/conversation.js';
import { InFlight } from '../../service/in-flight.js';
import type { AskService, ChatAdapter, FeedbackReports } from '../../types.js';
import { discordRegistrationFailure, discordStartFailure } from '../../fix-it.js';
import { overwriteCommands } from './commands.js';
import { connect } from './connect.js';
import { handleInteraction } from './interactions.js';
import { answerMessage } from './messages.js';
import { NO_PINGS, type AnswerDeps } from './reply.js';

export interface DiscordAdapterOptions {
  config: DiscordConfig;
  service: AskService;
  logger: Logger;
  /**
   * Milliseconds `/ask` waits for the engine before deferring its reply. Discord drops an interaction that is not
   * acknowledged within 3 s, round trips included. Default 1500.
   */
  deferAfterMs?: number;
  /** Stored feedback: `/lore-gaps` shows it. */
  reports?: FeedbackReports;
}

/** The Discord chat adapter: mentions in servers, DMs and `/ask`, answered from the notes through `service`. */
export function createDiscordAdapter(options: DiscordAdapterOptions): ChatAdapter {
  return new DiscordAdapter(options);
}

class DiscordAdapter implements ChatAdapter {
  readonly name = 'discord';
  private client: Client | undefined;
  private readonly logger: Logger;
  private readonly deps: AnswerDeps;
  /** Handlers still running; stop() lets them post their answers before the connection closes. */
  private readonly handlers = new InFlight();

  constructor(private readonly options: DiscordAdapterOptions) {
    this.logger = options.logger.child({ component: 'discord' });
    this.deps = {
      conversation: new Conversation({ service: options.service, logger: this.logger, reports: options.reports, command: '/ask' }),
      service: options.service,
      logger: this.logger,
      deferAfterMs: options.deferAfterMs ?? 1500,
    };
  }

  async start(): Promise<void> {
    if (this.client !== undefined) return;
    const { config } = this.options;
    const client = new Client(clientOptions(config));
    this.wire(client);
    try {
      const ready = await connect(client, config.token);
      this.logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'connected to Discord');
      // Commands belong to the application, not a shard: shard 0 registers them for all.
      if (ready.shard === null || ready.shard.ids.includes(0)) await this.registerCommands(ready);
    } catch (error) {
      await client.destroy();
      throw new LoreError('ADAPTER_START_FAILED', discordStartFailure(error, config.apiUrl), { cause: error });
    }
    this.client = client;
  }

  connected(): boolean {
    return this.client?.isReady() ?? false;
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await this.handlers.idle();
    await client?.destroy();
  }

  /** A failed registration leaves mentions and DMs working, so it is logged rather than fatal. */
  private async registerCommands(client: Client<true>): Promise<void> {
    const { guildId } = this.options.config;
    try {
      await overwriteCommands(client.rest, client.application.id, guildId);
      this.logger.info({ guildId: guildId ?? null }, guildId ? 'registered /ask, /lore-gaps and Ask lore in the guild' : 'registered /ask, /lore-gaps and Ask lore globally');
    } catch (error) {
      this.logger.error({ err: asError(error) }, discordRegistrationFailure(error, guildId));
    }
  }

  private wire(client: Client): void {
    const { deps, logger } = this;
    client.on(Events.MessageCreate, (message) => {
      if (!client.isReady()) return;
      this.handlers.track(answerMessage(client, message, deps)).catch((error: unknown) => logger.error({ err: asError(error) }, 'message handler failed'));
    });
    client.on(Events.InteractionCreate, (interaction) => {
      this.handlers.track(handleInteraction(interaction, deps)).catch((error: unknown) => logger.error({ err: asError(error) }, 'interaction handler failed'));
    });
    // Without an 'error' listener an EventEmitter throws; discord.js reconnects by itself, so these are only logged.
    client.on(Events.Error, (error) => logger.error({ err: error }, 'Discord client error'));
    client.on(Events.Warn, (message) => logger.warn({ detail: message }, 'Discord client warning'));
    client.on(Events.ShardError, (error, shardId) => logger.warn({ err: error, shardId }, 'Discord gateway error; reconnecting'));
    client.on(Events.ShardReconnecting, (shardId) => logger.info({ shardId }, 'Discord gateway reconnecting'));
    client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'Discord gateway resumed'));
    client.on(Events.ShardDisconnect, (event, shardId) =>
      logger.error({ code: event.code, shardId }, 'Discord gateway closed for good; restart lore after fixing the cause'),
    );
  }
}

function clientOptions(config: DiscordConfig): ClientOptions {
  return {
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.MessageContent,
      GatewayIntentBits.DirectMessages,
    ],
    // DM channels are not cached before their first message; without this partial, DMs would be dropped.
    partials: [Partials.Channel],
    allowedMentions: NO_PINGS,
    ...(config.apiUrl !== undefined && { rest: { api: config.apiUrl } }),
  };
}
