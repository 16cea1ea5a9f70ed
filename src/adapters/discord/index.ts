export { createDiscordAdapter, type DiscordAdapterOptions } from './client.js';
export { BOT_PERMISSIONS, inviteUrl } from './commands.js';
