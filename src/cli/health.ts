import { PLATFORMS } from '../adapters/registry.js';
import { commandContext, openEngine, writeLine, type CliIO } from './context.js';
import type { ParsedArgs } from './args.js';

const PROBE_TIMEOUT_MS = 5000;

/**
 * `lore health`, for container health checks: asks the running `lore serve` for GET /readyz on HEALTH_PORT (or PORT)
 * whenever it serves the ops endpoints, that is with a chat platform configured or HEALTH_PORT set. Otherwise (the
 * terminal chat) it checks that the knowledge folder indexes. Exit 0 healthy, 1 not.
 */
export async function healthCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const context = commandContext(args, io, 'error');
  const { config } = context;
  const chat = PLATFORMS.some((platform) => platform.configured(config));
  if (chat || config.healthPort !== undefined) {
    const url = `http://127.0.0.1:${config.healthPort ?? config.port}/readyz`;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
      const body = await response.text();
      if (response.ok) return writeLine(io.stdout, `ok: ${url} ${body}`), 0;
      writeLine(io.stderr, `lore: ${url} answered ${response.status} ${body}`);
    } catch (error) {
      writeLine(io.stderr, `lore: ${url} did not answer (${(error as Error).message}); is lore serve running?`);
    }
    return 1;
  }
  const stats = (await openEngine(context)).stats();
  writeLine(io.stdout, `ok: ${stats.files} files, ${stats.chunks} chunks in ${config.knowledgeDir}`);
  return 0;
}
