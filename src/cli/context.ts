import type { Readable, Writable } from 'node:stream';
import { loadConfig, type Config } from '../config.js';
import { openLore, type Lore } from '../engine.js';
import { createLogger, type Logger, type LogLevel } from '../logger.js';
import { urlSecrets } from '../source/git/redact.js';
import { GitSource } from '../source/git/source.js';
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
  const { slack, discord, git } = config;
  return [slack?.botToken, slack?.appToken, slack?.signingSecret, discord?.token, git?.webhookSecret, ...(git ? urlSecrets(git.url) : [])].filter(
    (value): value is string => value !== undefined,
  );
}

/** The engine, for a one-off command: on the clone of KNOWLEDGE_GIT_URL as it is (cloned first if there is none). */
export async function openEngine(context: CommandContext): Promise<Lore> {
  return (await openEngineAndSource(context, { update: false })).lore;
}

/**
 * The engine and, when the notes come from git, their source: `onChange` is where the source hands new commits
 * over (set it before polling starts).
 */
export async function openEngineAndSource(context: CommandContext, options: { update?: boolean } = {}): Promise<{ lore: Lore; source?: GitSource }> {
  const { config, logger } = context;
  let lore: Lore | undefined;
  let source: GitSource | undefined;
  if (config.git) {
    source = new GitSource({
      config: config.git,
      logger: logger.child({ component: 'git' }),
      onChange: async (change) => lore?.applyChanges(change),
    });
    await source.open(options);
  }
  lore = await openLore({
    knowledgeDir: config.knowledgeDir,
    maxNoteBytes: config.maxNoteBytes,
    knowledgeBaseUrl: config.knowledgeBaseUrl,
    logger: logger.child({ component: 'engine' }),
    datedCitations: true,
    staleAfterDays: config.staleAfterDays,
    rerank: config.rerank.mode,
    rerankCacheFile: config.rerank.cacheFile,
  });
  return { lore, source };
}

export function writeLine(stream: Writable, text: string): void {
  stream.write(`${text}\n`);
}
