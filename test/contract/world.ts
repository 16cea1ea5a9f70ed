import { fileURLToPath } from 'node:url';
import { openLore, type Lore } from '../../src/engine.js';
import { silentLogger } from '../../src/logger.js';
import { createGuardedService, type GuardedService } from '../../src/service/guarded.js';
import { parseRules } from '../../src/service/rules.js';
import type { Answer, AnswerSubject, AskContext, AskService, FeedbackReports, KnowledgeGap, VoteRecord } from '../../src/types.js';

/** What every platform's contract run shares: the real engine over a few notes, behind the real guard. */

export const NOTES = fileURLToPath(new URL('./notes/', import.meta.url));
/** Questions one person may ask per minute in the contract runs. */
export const RATE_LIMIT = 4;
export const SLACK_ALLOWED = 'C0000001';
export const SLACK_CLOSED = 'C0CLOSED1';
export const DISCORD_ALLOWED = '510000000000000001';

const RULES = parseRules(`slack:\n  channels: [${SLACK_ALLOWED}]\ndiscord:\n  channels: ["${DISCORD_ALLOWED}"]\n`);

export const GAP: KnowledgeGap = {
  question: 'how do I rotate the vpn keys?',
  variants: ['vpn key rotation?'],
  count: 3,
  unanswered: 3,
  downvotes: 0,
  closest: [{ file: 'on-call.md', times: 2 }],
  lastAt: new Date('2026-11-20T10:00:00Z'),
};

/** The engine, with every question and vote it is handed kept for the assertions, and the answers shown kept as a store would (across restarts). */
export interface World {
  service: GuardedService;
  asked: { question: string; context: AskContext }[];
  votes: VoteRecord[];
  reports: FeedbackReports;
}

let lore: Promise<Lore> | undefined;

export async function world(): Promise<World> {
  const engine = await (lore ??= openLore({ knowledgeDir: NOTES }));
  const asked: World['asked'] = [];
  const votes: VoteRecord[] = [];
  const shown = new Map<string, AnswerSubject>();
  const watched: AskService = {
    ask: async (question: string, context: AskContext = {}): Promise<Answer> => {
      asked.push({ question, context });
      return engine.ask(question, context);
    },
    examples: (count, context) => engine.examples(count, context),
    suggest: (prefix, limit, context) => engine.suggest(prefix, limit, context),
    stats: () => engine.stats(),
    recordVote: (vote) => void votes.push(vote),
    answers: { save: (id, subject) => void shown.set(id, subject), find: async (id) => shown.get(id) },
  };
  const service = createGuardedService(watched, { logger: silentLogger(), rules: () => RULES, rateLimitPerMinute: RATE_LIMIT });
  const reports: FeedbackReports = { gaps: async () => [GAP] };
  return { service, asked, votes, reports };
}
