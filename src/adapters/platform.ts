import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { ReplayGuard } from '../chat/shared-state.js';
import type { SharedRoutes } from '../ops/server.js';
import type { AskService, ChatAdapter, FeedbackReports } from '../types.js';

/** What `lore serve` hands every platform. */
export interface PlatformDeps {
  config: Config;
  service: AskService;
  logger: Logger;
  reports?: FeedbackReports;
  /** The ops endpoints, for a platform that serves HTTP itself and shares its port with them. */
  ops: SharedRoutes;
  /** Where event ids are claimed, to drop redeliveries and replays. */
  replay: ReplayGuard;
}

/** One chat platform: whether the environment configures it, and how to build its adapter (loaded only when used). */
export interface PlatformEntry {
  readonly name: string;
  configured(config: Config): boolean;
  /**
   * True in a child process this platform started (a Discord shard): that process runs this platform alone and
   * leaves the ops endpoints to its parent.
   */
  childProcess?(config: Config): boolean;
  create(deps: PlatformDeps): Promise<{ adapter: ChatAdapter; sharesOpsPort: boolean }>;
}
