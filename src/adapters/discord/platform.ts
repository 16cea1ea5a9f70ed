import type { PlatformEntry } from '../../types.js';

export const discord: PlatformEntry = {
  name: 'discord',
  configured: (config) => config.discord !== undefined,
  // A shard process, started by the ShardingManager of the process below, answers its own guilds only.
  childProcess: (config) => config.discord?.shard !== undefined,
  async create({ config, service, logger, reports }) {
    const discordConfig = config.discord;
    if (discordConfig === undefined) throw new Error('Discord is not configured');
    const { shards, shard } = discordConfig;
    if (shards !== undefined && shard === undefined) {
      const { createShardedDiscordAdapter } = await import('./shards.js');
      return { adapter: createShardedDiscordAdapter({ config: { ...discordConfig, shards }, logger }), sharesOpsPort: false };
    }
    const { createDiscordAdapter } = await import('./client.js');
    return { adapter: createDiscordAdapter({ config: discordConfig, service, logger, reports }), sharesOpsPort: false };
  },
};
