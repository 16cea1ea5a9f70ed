import { LoreError, asError } from '../errors.js';
import { createConsoleAdapter } from '../adapters/console.js';
import { PLATFORMS } from '../adapters/registry.js';
import { memoryRateLimitCounter, memoryReplayGuard } from '../chat/shared-state.js';
import { addLoreChecks, trackConnection } from '../ops/checks.js';
import { createMetrics } from '../ops/metrics.js';
import { createOpsServer } from '../ops/server.js';
import { registerStoreMetrics } from '../store/metrics.js';
import { createGuardedService } from '../service/guarded.js';
import { createShutdown, serveUntilSignal } from '../service/lifecycle.js';
import { openRulesFile } from '../service/rules-file.js';
import { openFeedback } from '../store/feedback.js';
import type { ChatAdapter } from '../types.js';
import { createGitWebhookHandler, mountGitWebhook, type RequestHandler } from '../source/git/webhook.js';
import { commandContext, openEngineAndSource, type CliIO } from './context.js';
import type { ParsedArgs } from './args.js';

/**
 * `lore serve`: every chat adapter whose tokens are set, or the terminal chat when none are; with the ops endpoints
 * (/healthz, /readyz, /metrics) on HEALTH_PORT, or PORT (the Slack port in HTTP mode). Resolves with the exit code
 * once the adapters have stopped (a signal, or the end of piped input).
 */
export async function serveCommand(args: ParsedArgs, io: CliIO, signals: NodeJS.EventEmitter = process): Promise<number> {
  const context = commandContext(args, io, (config) => (PLATFORMS.some((platform) => platform.configured(config)) ? 'info' : 'warn'));
  const { config, logger } = context;
  const { lore, source } = await openEngineAndSource(context);
  const rules = await openRulesFile({ ...config.rulesFile, knowledgeDir: config.knowledgeDir, logger: logger.child({ component: 'rules' }) });
  // Recording sits inside the guard: refused questions are not gaps in the notes.
  const feedback = await openFeedback(config.feedback, logger.child({ component: 'feedback' }));
  const metrics = createMetrics();
  metrics.observe({ index: () => lore.stats(), ...(feedback && { store: () => feedback.counts().writes }) });
  metrics.indexBuildSeconds.observe(lore.stats().buildMs / 1000);
  lore.onBuild((ms) => metrics.indexBuildSeconds.observe(ms / 1000));
  if (feedback) registerStoreMetrics(metrics.registry, feedback);
  const ops = createOpsServer({ metrics, logger: logger.child({ component: 'ops' }) });
  // Shared by the replicas when the store is PostgreSQL; this process's memory otherwise.
  const shared = {
    replay: feedback?.shared?.replays ?? memoryReplayGuard(),
    rateLimit: feedback?.shared?.limits ?? memoryRateLimitCounter(),
  };
  const service = createGuardedService(feedback?.record(lore) ?? lore, {
    rules: rules.current,
    rateLimitPerMinute: config.rateLimitPerMinute,
    rateLimit: shared.rateLimit,
    logger: logger.child({ component: 'questions' }),
    metrics,
  });

  const webhookSecret = config.git?.webhookSecret;
  const webhook: RequestHandler | undefined =
    source && webhookSecret
      ? createGitWebhookHandler({ secret: webhookSecret, onPush: () => void source.requestSync(), branch: () => source.branch(), logger: logger.child({ component: 'git-webhook' }) })
      : undefined;
  if (webhook) mountGitWebhook(ops, webhook);
  if (source) ops.addReadinessCheck('notes from git', () => source.readiness());

  const adapters: ChatAdapter[] = [];
  let sharesPort = false;
  const child = PLATFORMS.find((platform) => platform.childProcess?.(config));
  for (const platform of child ? [child] : PLATFORMS) {
    if (!platform.configured(config)) continue;
    const made = await platform.create({ config, service, logger, reports: feedback?.reports, ops, replay: shared.replay });
    sharesPort ||= made.sharesOpsPort;
    adapters.push(trackConnection(made.adapter));
  }
  const terminal = adapters.length === 0;
  if (terminal) {
    adapters.push(
      trackConnection(createConsoleAdapter({ service, logger, input: io.stdin, output: io.stdout, interactive: Boolean(io.stdin.isTTY && io.stdout.isTTY) })),
    );
  }
  addLoreChecks(ops, { stats: () => lore.stats(), adapters });
  // The terminal chat serves the ops endpoints only when asked to (HEALTH_PORT) or for the git webhook; chat
  // deployments always do.
  const opsPort = sharesPort || child ? undefined : (config.healthPort ?? (terminal && !webhook ? undefined : config.port));
  if (opsPort !== undefined) {
    const port = await ops.listen(opsPort).catch((error: unknown) => {
      const variable = config.healthPort === undefined ? 'PORT' : 'HEALTH_PORT';
      throw new LoreError('ADAPTER_START_FAILED', `The ops endpoints could not listen on port ${opsPort} (${asError(error).message}): free it, or set ${variable} to another port.`, { cause: error });
    });
    logger.info({ port }, 'serving /healthz, /readyz and /metrics');
  }

  // Notes from git change when a fetch brings a commit, not when files in the clone change.
  const watchers = config.watch ? [...(source ? [] : [await lore.watch()]), await rules.watch()] : [];
  if (source) {
    source.startPolling();
    watchers.push(() => source.stop());
  }
  if (feedback) watchers.push(feedback.close);
  watchers.push(() => ops.close(), () => lore.close());
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
