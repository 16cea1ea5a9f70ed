import type { PlatformEntry } from '../../types.js';

export const slack: PlatformEntry = {
  name: 'slack',
  configured: (config) => config.slack !== undefined,
  async create({ config, service, logger, reports, ops, replay }) {
    const slackConfig = config.slack;
    if (slackConfig === undefined) throw new Error('Slack is not configured');
    const { createSlackAdapter } = await import('./index.js');
    // In HTTP mode the ops endpoints share the Slack port unless HEALTH_PORT puts them elsewhere.
    const shares = slackConfig.appToken === undefined && (config.healthPort === undefined || config.healthPort === slackConfig.port);
    const adapter = createSlackAdapter({ config: slackConfig, service, logger, reports, replay, ...(shares && { shared: ops }) });
    return { adapter, sharesOpsPort: shares };
  },
};
