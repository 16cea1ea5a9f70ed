import { commandContext, openEngine, writeLine, type CliIO } from './context.js';
import type { ParsedArgs } from './args.js';

const PROBE_TIMEOUT_MS = 5000;

/**
 * `lore health`, for container health checks: in Slack HTTP mode it asks the running server's GET /healthz;
 * otherwise it checks that the knowledge folder indexes. Exit 0 healthy, 1 not.
 */
export async function healthCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const context = commandContext(args, io, 'error');
  const { slack } = context.config;
  if (slack !== undefined && slack.appToken === undefined) {
    const url = `http://127.0.0.1:${slack.port}/healthz`;
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
  writeLine(io.stdout, `ok: ${stats.files} files, ${stats.chunks} chunks in ${context.config.knowledgeDir}`);
  return 0;
}
