export { createDiscordAdapter, type DiscordAdapterOptions } from './client.js';
export { BOT_PERMISSIONS, inviteUrl, registerDiscordCommands } from './commands.js';
