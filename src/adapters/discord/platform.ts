import type { PlatformEntry } from '../platform.js';

export const discord: PlatformEntry = {
  name: 'discord',
  configured: (config) => config.discord !== undefined,
  async create({ config, service, logger, reports }) {
    if (config.discord === undefined) throw new Error('Discord is not configured');
    const { createDiscordAdapter } = await import('./index.js');
    return { adapter: createDiscordAdapter({ config: config.discord, service, logger, reports }), sharesOpsPort: false };
  },
};
