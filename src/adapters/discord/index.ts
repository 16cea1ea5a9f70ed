export { createDiscordAdapter, type DiscordAdapterOptions } from './client.js';
export { registerDiscordCommands } from './commands.js';
