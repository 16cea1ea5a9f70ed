import type { FeedbackConfig } from '../config.js';
import { asError } from '../errors.js';
import type { Logger } from '../logger.js';
import { gapsReport } from '../reports/gaps.js';
import type { AskService, FeedbackReports } from '../types.js';
import { postgresClient } from './postgres-client.js';
import { postgresSharedState, type SharedState, type SharedStateCounts } from './postgres-shared-state.js';
import { createRecordingService, type RecordingService } from './recording-service.js';
import { redactUrl, type SqlClient } from './sql.js';
import { FeedbackStore } from './store.js';
import type { WriteCounts } from './write-queue.js';

/** The window `/ask gaps` covers in chat. */
export const CHAT_GAPS_DAYS = 30;

/** Shared-state calls sit on the answer path: they get their own few connections and give up quickly. */
const SHARED_STATE_POOL = { max: 4, connectTimeoutMs: 1000, statementTimeoutMs: 1000 };

/** The feedback store as `lore serve` uses it. */
export interface Feedback {
  /** The service that records every question and vote (call once). */
  record(service: AskService): RecordingService;
  /** The gap report for chat commands. */
  reports: FeedbackReports;
  /** With PostgreSQL: replay de-duplication and rate limits shared by every replica. */
  shared?: SharedState;
  /** Writes queued, written, dropped, and the shared state's fallbacks: for the log and /metrics. */
  counts(): { writes: WriteCounts; shared?: SharedStateCounts };
  /** Writes what is queued and closes the database. */
  close(): Promise<void>;
}

/**
 * Opens the store named by LORE_DB (an SQLite file, or PostgreSQL with a postgres:// URL). Undefined when
 * LORE_DB=off, or (after one warning) when it cannot be opened: lore then answers as usual and records nothing.
 */
export async function openFeedback(config: FeedbackConfig, logger: Logger, now: () => number = Date.now): Promise<Feedback | undefined> {
  const location = config.url ?? config.path;
  if (location === undefined) return undefined;
  let store: FeedbackStore;
  try {
    store = await FeedbackStore.open(location, logger);
  } catch (error) {
    const alone = config.url === undefined ? '' : ' Until lore restarts with PostgreSQL reachable, this replica also de-duplicates Slack retries and counts rate limits on its own.';
    logger.warn({ err: asError(error) }, `${asError(error).message} Answers go out as usual; questions and votes are not recorded.${alone}`);
    return undefined;
  }
  let sharedSql: SqlClient | undefined;
  let shared: SharedState | undefined;
  if (config.url !== undefined) {
    sharedSql = postgresClient(config.url, logger, SHARED_STATE_POOL);
    shared = postgresSharedState(sharedSql, logger.child({ component: 'shared-state' }), now);
  }
  logger.info(
    { store: store.sql.dialect, location: config.url === undefined ? config.path : redactUrl(config.url), retentionDays: config.retentionDays, shared: shared !== undefined },
    'recording questions and votes',
  );
  let recorder: RecordingService | undefined;
  const idle: WriteCounts = { queued: 0, written: 0, dropped: 0, waiting: false };
  return {
    record(service) {
      recorder ??= createRecordingService(service, { store, logger, retentionDays: config.retentionDays, now });
      return recorder;
    },
    reports: {
      async gaps(limit, channel) {
        await recorder?.flush();
        return gapsReport((recorder?.store() ?? store).sql, { since: now() - CHAT_GAPS_DAYS * 24 * 60 * 60 * 1000, limit, channel });
      },
    },
    ...(shared && { shared }),
    counts: () => ({ writes: recorder?.counts() ?? idle, ...(shared && { shared: shared.counts() }) }),
    async close() {
      if (recorder) await recorder.close();
      else await store.close();
      await sharedSql?.close();
    },
  };
}
