import type { PlatformEntry } from '../types.js';
import { discord } from './discord/platform.js';
import { slack } from './slack/platform.js';

/** Every chat platform lore can serve, started in this order. A new platform is one folder and one line here. */
export const PLATFORMS: readonly PlatformEntry[] = [slack, discord];
