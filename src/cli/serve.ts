import { resolve } from 'node:path';
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
  // A shard process started by the ShardingManager below answers its Discord shard only.
  const shardProcess = config.discord?.shard !== undefined;
  if (config.slack && !shardProcess) {
    const { createSlackAdapter } = await import('../adapters/slack/index.js');
    adapters.push(createSlackAdapter({ config: config.slack, service, logger, reports: feedback?.reports, replays: feedback?.shared?.replays }));
  }
  if (config.discord) {
    const { shards } = config.discord;
    if (shards !== undefined && !shardProcess) {
      const { createShardedDiscordAdapter } = await import('../adapters/discord/shards.js');
      adapters.push(createShardedDiscordAdapter({ config: { ...config.discord, shards }, logger, script: shardScript() }));
    } else {
      const { createDiscordAdapter } = await import('../adapters/discord/index.js');
      adapters.push(createDiscordAdapter({ config: config.discord, service, logger, reports: feedback?.reports }));
    }
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

/** What each Discord shard process runs: this same CLI (built, or through tsx in development), `serve`. */
function shardScript(): { file: string; execArgv: string[]; args: string[] } {
  return { file: resolve(process.argv[1] ?? 'dist/cli.js'), execArgv: process.execArgv, args: ['serve'] };
}
