import type { Readable, Writable } from 'node:stream';
import { loadConfig, type Config } from '../config.js';
import { openLore, type Lore } from '../engine.js';
import { createLogger, type Logger, type LogLevel } from '../logger.js';
import type { ParsedArgs } from './args.js';

/** What a command may touch of the outside world; tests pass their own. */
export interface CliIO {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable;
  env: Record<string, string | undefined>;
  cwd: string;
}

export interface CommandContext {
  args: ParsedArgs;
  io: CliIO;
  config: Config;
  logger: Logger;
}

/** `defaultLevel` applies when LOG_LEVEL is unset; it may depend on the configuration (chat or terminal). */
export function commandContext(args: ParsedArgs, io: CliIO, defaultLevel: LogLevel | ((config: Config) => LogLevel)): CommandContext {
  const config = loadConfig(io.env, { knowledgeDir: args.knowledge }, io.cwd);
  const level = config.logLevel ?? (typeof defaultLevel === 'function' ? defaultLevel(config) : defaultLevel);
  const logger = createLogger({ level, pretty: io.stdout.isTTY === true, secrets: secretsOf(config) });
  return { args, io, config, logger };
}

/** Every token and signing secret in the configuration, so no log line can carry one. */
function secretsOf(config: Config): string[] {
  const { slack, discord } = config;
  return [slack?.botToken, slack?.appToken, slack?.signingSecret, discord?.token].filter((value): value is string => value !== undefined);
}

export function openEngine(context: CommandContext): Promise<Lore> {
  const { config, logger } = context;
  return openLore({
    knowledgeDir: config.knowledgeDir,
    maxNoteBytes: config.maxNoteBytes,
    knowledgeBaseUrl: config.knowledgeBaseUrl,
    logger: logger.child({ component: 'engine' }),
  });
}

export function writeLine(stream: Writable, text: string): void {
  stream.write(`${text}\n`);
}
