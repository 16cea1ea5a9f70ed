import type { webApi } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import type { InFlight } from '../../service/in-flight.js';
import type { AskService, FeedbackReports } from '../../types.js';
import type { AnswerStore } from './answer-store.js';
import type { ThreadMemory } from './thread-memory.js';
import type { ReplayGuard } from '../../store/shared-state.js';

/** What every Slack listener needs, created once per adapter. */
export interface ListenerDeps {
  service: AskService;
  logger: Logger;
  answers: AnswerStore;
  threads: ThreadMemory;
  /** Slash command name, with its leading `/`. */
  command: string;
  /** Listener runs not finished yet; stop() waits for them so the last answers still get posted. */
  handlers: InFlight;
  /** Recognises Slack's redeliveries and replays (event_id, trigger_id), across replicas when shared. */
  replays: ReplayGuard;
  /** Stored feedback, for `/ask gaps`; without it "gaps" is asked like any question. */
  reports?: FeedbackReports;
}

export type SlackClient = webApi.WebClient;

/** `/ask`, `/ask help` and an empty mention all mean "show me how to use this". */
export function wantsHelp(question: string): boolean {
  return question === '' || /^(help|\?)$/i.test(question);
}
