import { createConsoleAdapter } from '../adapters/console.js';
import { asError, LoreError } from '../errors.js';
import type { ChatAdapter } from '../types.js';
import { commandContext, openEngine, type CliIO } from './context.js';
import type { ParsedArgs } from './args.js';

/** In-flight answers get this long to finish on shutdown. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * `lore serve`: every chat adapter whose tokens are set, or the terminal chat when none are.
 * Resolves with the exit code once the adapters have stopped (a signal, or the end of piped input).
 */
export async function serveCommand(args: ParsedArgs, io: CliIO, signals: NodeJS.EventEmitter = process): Promise<number> {
  const chat = Boolean(io.env.SLACK_BOT_TOKEN || io.env.DISCORD_TOKEN);
  const context = commandContext(args, io, chat ? 'info' : 'warn');
  const { config, logger } = context;
  const lore = await openEngine(context);

  const adapters: ChatAdapter[] = [];
  if (config.slack) {
    const { createSlackAdapter } = await import('../adapters/slack/index.js');
    adapters.push(createSlackAdapter({ config: config.slack, service: lore, logger }));
  }
  if (config.discord) {
    const { createDiscordAdapter } = await import('../adapters/discord/index.js');
    adapters.push(createDiscordAdapter({ config: config.discord, service: lore, logger }));
  }
  const terminal = adapters.length === 0;
  if (terminal) {
    adapters.push(
      createConsoleAdapter({ service: lore, logger, input: io.stdin, output: io.stdout, interactive: Boolean(io.stdin.isTTY && io.stdout.isTTY) }),
    );
  }

  const stopWatching = config.watch ? await lore.watch() : undefined;
  let stopping: Promise<void> | undefined;
  const stop = (reason: string) =>
    (stopping ??= (async () => {
      logger.info({ reason }, 'shutting down');
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
      await Promise.race([Promise.allSettled(adapters.map((adapter) => adapter.stop())), timeout]);
      await stopWatching?.();
    })());
  const onSignal = (signal: string) => void stop(signal);
  signals.on('SIGINT', onSignal);
  signals.on('SIGTERM', onSignal);

  try {
    if (terminal) {
      await adapters[0]?.start();
      await stop('input ended');
      return 0;
    }
    for (const adapter of adapters) {
      try {
        await adapter.start();
        logger.info({ adapter: adapter.name }, 'adapter started');
      } catch (error) {
        await stop('start-up failed');
        throw error instanceof LoreError ? error : new LoreError('ADAPTER_START_FAILED', `${adapter.name} could not start: ${asError(error).message}`, { cause: error });
      }
    }
    await new Promise<void>((resolve) => {
      const done = () => void stop('signal').then(resolve);
      signals.once('SIGINT', done);
      signals.once('SIGTERM', done);
    });
    return 0;
  } finally {
    signals.off('SIGINT', onSignal);
    signals.off('SIGTERM', onSignal);
  }
}
