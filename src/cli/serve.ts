import { createConsoleAdapter } from '../adapters/console.js';
import { gitWebhookRoute, startGitWebhookServer } from '../source/git/mount.js';
import { createGuardedService } from '../service/guarded.js';
import { createShutdown, serveUntilSignal } from '../service/lifecycle.js';
import { openRulesFile } from '../service/rules-file.js';
import { openFeedback } from '../store/feedback.js';
import type { ChatAdapter } from '../types.js';
import { createGitWebhookHandler, type RequestHandler } from '../source/git/webhook.js';
import { commandContext, openEngineAndSource, type CliIO } from './context.js';
import type { ParsedArgs } from './args.js';

/**
 * `lore serve`: every chat adapter whose tokens are set, or the terminal chat when none are.
 * Resolves with the exit code once the adapters have stopped (a signal, or the end of piped input).
 */
export async function serveCommand(args: ParsedArgs, io: CliIO, signals: NodeJS.EventEmitter = process): Promise<number> {
  const context = commandContext(args, io, (config) => (config.slack || config.discord ? 'info' : 'warn'));
  const { config, logger } = context;
  const { lore, source } = await openEngineAndSource(context);
  const rules = await openRulesFile({ ...config.rulesFile, knowledgeDir: config.knowledgeDir, logger: logger.child({ component: 'rules' }) });
  // Recording sits inside the guard: refused questions are not gaps in the notes.
  const feedback = openFeedback(config.feedback, logger.child({ component: 'feedback' }));
  const service = createGuardedService(feedback?.record(lore) ?? lore, {
    rules: rules.current,
    rateLimitPerMinute: config.rateLimitPerMinute,
    logger: logger.child({ component: 'questions' }),
  });

  const webhookSecret = config.git?.webhookSecret;
  const webhook: RequestHandler | undefined =
    source && webhookSecret
      ? createGitWebhookHandler({ secret: webhookSecret, onPush: () => void source.requestSync(), branch: () => source.branch(), logger: logger.child({ component: 'git-webhook' }) })
      : undefined;
  const slackHttp = config.slack !== undefined && config.slack.appToken === undefined;

  const adapters: ChatAdapter[] = [];
  if (config.slack) {
    const { createSlackAdapter } = await import('../adapters/slack/index.js');
    // In Slack HTTP mode the webhook shares Slack's port; otherwise it gets a server of its own below.
    const routes = webhook && slackHttp ? [gitWebhookRoute(webhook, logger)] : [];
    adapters.push(createSlackAdapter({ config: config.slack, service, logger, reports: feedback?.reports, routes }));
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

  // Notes from git change when a fetch brings a commit, not when files in the clone change.
  const watchers = config.watch ? [...(source ? [] : [await lore.watch()]), await rules.watch()] : [];
  if (source) {
    source.startPolling();
    watchers.push(() => source.stop());
    if (webhook && !slackHttp) {
      const server = await startGitWebhookServer(webhook, { port: config.git?.webhookPort ?? 3000, logger: logger.child({ component: 'git-webhook' }) });
      watchers.push(server.close);
    }
  }
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
