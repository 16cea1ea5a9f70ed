import { z } from 'zod';
import { resolve } from 'node:path';
import { ConfigError } from './errors.js';
import { LOG_LEVELS, type LogLevel } from './logger.js';
import { isPostgresUrl } from './store/sql.js';

/** Everything lore reads from its environment, validated once. This module is the only reader of `process.env`. */
export interface Config {
  /** Absolute path of the notes folder. */
  readonly knowledgeDir: string;
  /** Prefix for citation links, e.g. `https://github.com/acme/notes/blob/main/`. */
  readonly knowledgeBaseUrl?: string;
  /** Files larger than this are skipped with a warning. */
  readonly maxNoteBytes: number;
  /** Unset means: the command picks (quiet for the terminal, info for chat). */
  readonly logLevel?: LogLevel;
  /** Rebuild the index when notes change while serving. */
  readonly watch: boolean;
  readonly slack?: SlackConfig;
  readonly discord?: DiscordConfig;
  /** Questions one person may ask per minute; 0 turns the limit off. */
  readonly rateLimitPerMinute: number;
  /** Channel rules file (lore.config.yml); `required` when LORE_CONFIG names it explicitly. */
  readonly rulesFile: { readonly path: string; readonly required: boolean };
  /** The feedback store (questions and votes); `path` is undefined when LORE_DB=off. */
  readonly feedback: FeedbackConfig;
}

export interface FeedbackConfig {
  /** Absolute path of the SQLite file, created on first use; undefined with PostgreSQL or LORE_DB=off. */
  readonly path?: string;
  /** postgres:// URL: questions, votes, replay de-duplication and rate limits in PostgreSQL, shared by replicas. */
  readonly url?: string;
  /** Rows older than this many days are deleted. */
  readonly retentionDays: number;
}

export interface SlackConfig {
  readonly botToken: string;
  /** Socket Mode when set; HTTP mode with `signingSecret` otherwise. */
  readonly appToken?: string;
  readonly signingSecret?: string;
  /** Base URL of the Slack Web API, e.g. `https://slack.com/api/`. */
  readonly apiUrl?: string;
  /** Slash command name, with its leading `/`. */
  readonly command: string;
  /** Port for HTTP mode. */
  readonly port: number;
}

export interface DiscordConfig {
  readonly token: string;
  /** Base URL of the Discord REST API (discord.js `rest.api`), e.g. `https://discord.com/api`. */
  readonly apiUrl?: string;
  /** Register slash commands for this guild only (instant) instead of globally. */
  readonly guildId?: string;
  /** DISCORD_SHARDS: run under discord.js's ShardingManager, one process per shard; `auto` asks Discord how many. */
  readonly shards?: 'auto' | number;
  /** Set in a shard process that a ShardingManager started: which shard of how many it is. */
  readonly shard?: { readonly id: number; readonly count: number };
}

const optionalString = z
  .string()
  .transform((value) => value.trim())
  .optional()
  .transform((value) => (value === '' ? undefined : value));

// The variable's name is not in the message: every problem is printed after the name already.
const url = optionalString.refine((value) => value === undefined || /^https?:\/\/\S+$/.test(value), {
  error: (issue) => `must be an http(s) URL, for example https://example.com/, got "${String(issue.input)}"`,
});

const booleanFlag = (fallback: boolean) =>
  optionalString.transform((value, ctx) => {
    if (value === undefined) return fallback;
    if (/^(1|true|yes|on)$/i.test(value)) return true;
    if (/^(0|false|no|off)$/i.test(value)) return false;
    ctx.addIssue({ code: 'custom', message: 'must be true or false' });
    return z.NEVER;
  });

/** A whole number from `min` to `max`, or `fallback` when unset. */
const wholeNumber = (fallback: number, max: number, min = 0) =>
  optionalString.transform((value, ctx) => {
    if (value === undefined) return fallback;
    const number = Number(value);
    if (!Number.isInteger(number) || number < min || number > max) {
      ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}, got "${value}"` });
      return z.NEVER;
    }
    return number;
  });

const positiveInt = (fallback: number, max: number) => wholeNumber(fallback, max, 1);

const envSchema = z.object({
  KNOWLEDGE_DIR: optionalString,
  KNOWLEDGE_BASE_URL: url,
  MAX_NOTE_BYTES: positiveInt(2 * 1024 * 1024, 1024 * 1024 * 1024),
  LOG_LEVEL: optionalString.pipe(z.enum(LOG_LEVELS).optional()),
  WATCH: booleanFlag(true),
  RATE_LIMIT_PER_MINUTE: wholeNumber(10, 10_000),
  LORE_CONFIG: optionalString,
  LORE_DB: optionalString.refine((v) => v === undefined || isPostgresUrl(v) || !/^[a-z][a-z0-9+.-]*:\/\//i.test(v), {
    message: 'must be a file path such as ./data/lore.db, a PostgreSQL URL such as postgres://lore:secret@db:5432/lore, or off to record nothing',
  }).refine((v) => v === undefined || !isPostgresUrl(v) || hasHost(v), {
    message: 'is not a valid PostgreSQL URL: postgres://user:password@host:5432/database (percent-encode special characters in the password)',
  }),
  LORE_DB_RETENTION_DAYS: positiveInt(90, 36_500),
  SLACK_BOT_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xoxb-'), {
    message: 'must be a bot token starting with xoxb- (Slack app → OAuth & Permissions → Bot User OAuth Token)',
  }),
  SLACK_APP_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xapp-'), {
    message: 'must be an app-level token starting with xapp- (Slack app → Basic Information → App-Level Tokens, scope connections:write)',
  }),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_API_URL: url,
  SLACK_COMMAND: optionalString.refine((v) => v === undefined || /^\/[a-z0-9_-]{1,31}$/.test(v), {
    message: 'must look like /ask: a slash then up to 31 lowercase letters, digits, - or _',
  }),
  PORT: positiveInt(3000, 65535),
  DISCORD_TOKEN: optionalString,
  DISCORD_API_URL: url,
  DISCORD_SHARDS: optionalString.transform((value, ctx) => {
    if (value === undefined || value.toLowerCase() === 'auto') return value?.toLowerCase() as 'auto' | undefined;
    const number = Number(value);
    if (Number.isInteger(number) && number >= 1 && number <= 10_000) return number;
    ctx.addIssue({ code: 'custom', message: `must be auto or a whole number of shards from 1 to 10000, got "${value}"` });
    return z.NEVER;
  }),
  // Set by discord.js's ShardingManager in the processes it starts.
  SHARDING_MANAGER: optionalString,
  SHARDS: optionalString,
  SHARD_COUNT: optionalString,
  DISCORD_GUILD_ID: optionalString.refine((v) => v === undefined || /^\d{5,25}$/.test(v), {
    message: 'must be a numeric server id (Discord → right-click the server → Copy Server ID)',
  }),
});

type Env = Record<string, string | undefined>;

/** A PostgreSQL URL names its server: a host, or a socket folder in `?host=`. */
function hasHost(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  return parsed.hostname !== '' || parsed.searchParams.has('host');
}

export interface ConfigOverrides {
  knowledgeDir?: string;
}

/** Reads and validates the environment. Throws a ConfigError naming every bad variable and how to fix it. */
export function loadConfig(env: Env = process.env, overrides: ConfigOverrides = {}, cwd = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || 'environment'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const problems: string[] = [];

  let slack: SlackConfig | undefined;
  if (e.SLACK_BOT_TOKEN) {
    if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
      problems.push(
        '  SLACK_BOT_TOKEN is set without SLACK_APP_TOKEN or SLACK_SIGNING_SECRET: set SLACK_APP_TOKEN (xapp-…) for Socket Mode, or SLACK_SIGNING_SECRET for HTTP mode.',
      );
    }
    slack = {
      botToken: e.SLACK_BOT_TOKEN,
      appToken: e.SLACK_APP_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      apiUrl: e.SLACK_API_URL,
      command: e.SLACK_COMMAND ?? '/ask',
      port: e.PORT,
    };
  } else if (e.SLACK_APP_TOKEN || e.SLACK_SIGNING_SECRET) {
    problems.push('  SLACK_BOT_TOKEN is required when SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is set: copy the Bot User OAuth Token (xoxb-…).');
  }

  const shard = e.SHARDING_MANAGER === 'true' && /^\d+$/.test(e.SHARDS ?? '') && /^\d+$/.test(e.SHARD_COUNT ?? '')
    ? { id: Number(e.SHARDS), count: Number(e.SHARD_COUNT) }
    : undefined;
  const discord: DiscordConfig | undefined = e.DISCORD_TOKEN
    ? {
        token: e.DISCORD_TOKEN,
        apiUrl: e.DISCORD_API_URL,
        guildId: e.DISCORD_GUILD_ID,
        ...(e.DISCORD_SHARDS !== undefined && { shards: e.DISCORD_SHARDS }),
        ...(shard && { shard: Object.freeze(shard) }),
      }
    : undefined;
  if (!e.DISCORD_TOKEN && e.DISCORD_GUILD_ID) {
    problems.push('  DISCORD_GUILD_ID is set without DISCORD_TOKEN: set DISCORD_TOKEN to the bot token (Developer Portal → Bot → Reset Token).');
  }

  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);

  const baseUrl = e.KNOWLEDGE_BASE_URL;
  return Object.freeze({
    knowledgeDir: resolve(cwd, overrides.knowledgeDir ?? e.KNOWLEDGE_DIR ?? 'knowledge'),
    knowledgeBaseUrl: baseUrl === undefined || baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`,
    maxNoteBytes: e.MAX_NOTE_BYTES,
    logLevel: e.LOG_LEVEL,
    watch: e.WATCH,
    slack: slack && Object.freeze(slack),
    discord: discord && Object.freeze(discord),
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    rulesFile: Object.freeze({ path: resolve(cwd, e.LORE_CONFIG ?? 'lore.config.yml'), required: e.LORE_CONFIG !== undefined }),
    feedback: Object.freeze({
      path: e.LORE_DB?.toLowerCase() === 'off' || (e.LORE_DB !== undefined && isPostgresUrl(e.LORE_DB)) ? undefined : resolve(cwd, e.LORE_DB ?? 'data/lore.db'),
      url: e.LORE_DB !== undefined && isPostgresUrl(e.LORE_DB) ? e.LORE_DB : undefined,
      retentionDays: e.LORE_DB_RETENTION_DAYS,
    }),
  });
}

/** Loads `.env` from the working folder when there is one; real environment variables win. */
export function loadDotEnv(path = resolve(process.cwd(), '.env')): boolean {
  try {
    process.loadEnvFile(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new ConfigError(`Could not read ${path}: ${(error as Error).message}`, { cause: error });
  }
}
