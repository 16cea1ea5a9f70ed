import type { FeedbackConfig } from '../config.js';
import { asError } from '../errors.js';
import type { Logger } from '../logger.js';
import { gapsReport } from '../reports/gaps.js';
import type { AskService, FeedbackReports } from '../types.js';
import { createRecordingService, type RecordingService } from './recording-service.js';
import { FeedbackStore } from './store.js';

/** The window `/ask gaps` covers in chat. */
export const CHAT_GAPS_DAYS = 30;

/** The feedback store as `lore serve` uses it. */
export interface Feedback {
  /** The service that records every question and vote (call once). */
  record(service: AskService): RecordingService;
  /** The gap report for chat commands. */
  reports: FeedbackReports;
  /** Writes waiting and writes dropped, for metrics; zero before `record`. */
  backlog(): { queued: number; dropped: number };
  /** Writes what is queued and closes the database. */
  close(): Promise<void>;
}

/**
 * Opens the store named by LORE_DB. Undefined when LORE_DB=off, or (after one warning) when it cannot be opened:
 * lore then answers as usual and records nothing.
 */
export function openFeedback(config: FeedbackConfig, logger: Logger, now: () => number = Date.now): Feedback | undefined {
  if (config.path === undefined) return undefined;
  let store: FeedbackStore;
  try {
    store = FeedbackStore.open(config.path);
  } catch (error) {
    logger.warn({ err: asError(error) }, `${asError(error).message} Answers go out as usual; questions and votes are not recorded.`);
    return undefined;
  }
  logger.info({ path: config.path, retentionDays: config.retentionDays }, 'recording questions and votes');
  let recorder: RecordingService | undefined;
  return {
    record(service) {
      recorder ??= createRecordingService(service, { store, logger, retentionDays: config.retentionDays, now });
      return recorder;
    },
    reports: {
      async gaps(limit, channel) {
        recorder?.flush();
        return gapsReport((recorder?.store() ?? store).db, { since: now() - CHAT_GAPS_DAYS * 24 * 60 * 60 * 1000, limit, channel });
      },
    },
    backlog: () => recorder?.backlog() ?? { queued: 0, dropped: 0 },
    async close() {
      if (recorder) recorder.close();
      else store.close();
    },
  };
}
