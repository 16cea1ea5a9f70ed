import { createConsoleAdapter } from '../adapters/console.js';
import { createGuardedService } from '../service/guarded.js';
import { createShutdown, serveUntilSignal } from '../service/lifecycle.js';
import { openRulesFile } from '../service/rules-file.js';
import { openFeedback } from '../store/feedback.js';
import type { ChatAdapter } from '../types.js';
import { commandContext, openEngine, type CliIO } from './context.js';
import type { ParsedArgs } from './args.js';

/**
 * `lore serve`: every chat adapter whose tokens are set, or the terminal chat when none are.
 * Resolves with the exit code once the adapters have stopped (a signal, or the end of piped input).
 */
export async function serveCommand(args: ParsedArgs, io: CliIO, signals: NodeJS.EventEmitter = process): Promise<number> {
  const context = commandContext(args, io, (config) => (config.slack || config.discord ? 'info' : 'warn'));
  const { config, logger } = context;
  const lore = await openEngine(context);
  const rules = await openRulesFile({ ...config.rulesFile, knowledgeDir: config.knowledgeDir, logger: logger.child({ component: 'rules' }) });
  // Recording sits inside the guard: refused questions are not gaps in the notes.
  const feedback = await openFeedback(config.feedback, logger.child({ component: 'feedback' }));
  const service = createGuardedService(feedback?.record(lore) ?? lore, {
    rules: rules.current,
    rateLimitPerMinute: config.rateLimitPerMinute,
    ...(feedback?.shared && { rateCounter: feedback.shared.limits }),
    logger: logger.child({ component: 'questions' }),
  });

  const adapters: ChatAdapter[] = [];
  if (config.slack) {
    const { createSlackAdapter } = await import('../adapters/slack/index.js');
    adapters.push(createSlackAdapter({ config: config.slack, service, logger, reports: feedback?.reports, replays: feedback?.shared?.replays }));
  }
  if (config.discord) {
    const { createDiscordAdapter } = await import('../adapters/discord/index.js');
    adapters.push(createDiscordAdapter({ config: config.discord, service, logger, reports: feedback?.reports }));
  }
  const terminal = adapters.length === 0;
  if (terminal) {
    adapters.push(
      createConsoleAdapter({ service, logger, input: io.stdin, output: io.stdout, interactive: Boolean(io.stdin.isTTY && io.stdout.isTTY) }),
    );
  }

  const watchers = config.watch ? [await lore.watch(), await rules.watch()] : [];
  if (feedback) watchers.push(feedback.close);
  const lifecycle = { service, adapters, watchers, logger };
  if (!terminal) return serveUntilSignal({ ...lifecycle, signals });

  const shutdown = createShutdown(lifecycle);
  const onSignal = (signal: string) => void shutdown(signal);
  signals.on('SIGINT', onSignal);
  signals.on('SIGTERM', onSignal);
  try {
    await adapters[0]?.start();
    await shutdown('input ended');
    return 0;
  } finally {
    signals.off('SIGINT', onSignal);
    signals.off('SIGTERM', onSignal);
  }
}
