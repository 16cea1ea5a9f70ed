import { resolve } from 'node:path';
import { Routes, ShardingManager, type RESTGetAPIGatewayBotResult, type Shard } from 'discord.js';
import type { DiscordConfig } from '../../config.js';
import { LoreError, asError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { ChatAdapter } from '../../types.js';
import { createRest } from './commands.js';
import { discordStartFailure } from '../../fix-it.js';

export interface ShardedDiscordOptions {
  config: DiscordConfig & { shards: 'auto' | number };
  logger: Logger;
}

/** How long one shard may take to connect and receive its guilds. */
const SPAWN_TIMEOUT_MS = 60_000;

/**
 * lore past Discord's 2,500 guilds per connection: discord.js's ShardingManager starts one `lore serve` process per
 * shard; each connects as its shard and answers its own guilds (and shard 0 the DMs). This process only supervises:
 * it restarts a shard that dies and reports each shard's readiness.
 */
export function createShardedDiscordAdapter(options: ShardedDiscordOptions): ChatAdapter {
  const { config } = options;
  const logger = options.logger.child({ component: 'discord-shards' });
  let manager: ShardingManager | undefined;
  // Ready when every shard is: each answers only its own guilds.
  const allReady = () => manager !== undefined && manager.shards.size === manager.totalShards && [...manager.shards.values()].every((shard) => shard.ready);

  const watch = (shard: Shard) => {
    shard.on('ready', () => {
      logger.info({ shardId: shard.id }, 'Discord shard ready');
      if (allReady()) logger.info({ shards: manager?.totalShards }, 'every Discord shard is ready');
    });
    shard.on('disconnect', () => logger.warn({ shardId: shard.id }, 'Discord shard disconnected'));
    shard.on('reconnecting', () => logger.info({ shardId: shard.id }, 'Discord shard reconnecting'));
    shard.on('death', () => logger.error({ shardId: shard.id }, 'Discord shard process exited; starting it again'));
  };

  return {
    name: 'discord',
    connected: allReady,
    async start() {
      if (manager) return;
      let total: number;
      try {
        total = config.shards === 'auto' ? await recommendedShards(config) : config.shards;
      } catch (error) {
        throw new LoreError('ADAPTER_START_FAILED', discordStartFailure(error, config.apiUrl), { cause: error });
      }
      // Each shard process runs this same CLI (built, or through tsx in development) with `serve`.
      const started = new ShardingManager(resolve(process.argv[1] ?? 'dist/cli.js'), {
        totalShards: total,
        token: config.token,
        shardArgs: ['serve'],
        execArgv: process.execArgv,
        mode: 'process',
        respawn: true,
      });
      started.on('shardCreate', watch);
      manager = started;
      logger.info({ shards: total, requested: config.shards }, 'starting Discord shards');
      try {
        await started.spawn({ amount: total, timeout: SPAWN_TIMEOUT_MS });
      } catch (error) {
        await stopShards(started);
        manager = undefined;
        throw new LoreError('ADAPTER_START_FAILED', `Discord shards did not all start: ${asError(error).message}`, { cause: error });
      }
    },
    async stop() {
      const running = manager;
      manager = undefined;
      if (running) await stopShards(running);
    },
  };
}

/** `GET /gateway/bot`, at DISCORD_API_URL when set (discord.js's own "auto" always asks discord.com). */
async function recommendedShards(config: DiscordConfig): Promise<number> {
  const { shards } = (await createRest(config).get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  return Math.max(1, shards);
}

/** SIGTERM to every shard process (each finishes its answers and disconnects), without restarting them. */
async function stopShards(manager: ShardingManager): Promise<void> {
  await Promise.all(
    [...manager.shards.values()].map((shard) => {
      const child = shard.process;
      if (!child || child.exitCode !== null) return Promise.resolve();
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      // kill() drops the listener that would respawn it, then signals the process.
      shard.kill();
      return exited;
    }),
  );
}
