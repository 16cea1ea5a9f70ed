import { loadConfig, type Config } from '../config.js';
import { environmentFailure, environmentResult, formatCheck, runChecks, summary, type CheckResult } from '../doctor/index.js';
import { ConfigError } from '../errors.js';
import { writeLine, type CliIO } from './context.js';
import type { ParsedArgs } from './args.js';

/** `lore doctor [--json]`: checks the set-up before going live, one line per check. Exit 0 only when no check failed. */
export async function doctorCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const results = await check(args, io);
  const ok = !results.some((r) => r.status === 'fail');
  if (args.json) {
    writeLine(io.stdout, JSON.stringify({ ok, checks: results }));
  } else {
    for (const result of results) writeLine(io.stdout, formatCheck(result));
    writeLine(io.stdout, summary(results));
  }
  return ok ? 0 : 1;
}

async function check(args: ParsedArgs, io: CliIO): Promise<CheckResult[]> {
  let config: Config;
  try {
    config = loadConfig(io.env, { knowledgeDir: args.knowledge }, io.cwd);
  } catch (error) {
    // Nothing else can be checked without a configuration.
    if (error instanceof ConfigError) return [environmentFailure(error.message)];
    throw error;
  }
  return [environmentResult(config), ...(await runChecks(config, io.cwd))];
}
