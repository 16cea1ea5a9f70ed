import { z } from 'zod';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from './errors.js';
import { DISCORD_TOKEN_WHERE } from './fix-it.js';
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
  /** Notes cloned from a git repository; when set, `knowledgeDir` is the clone's work tree. */
  readonly git?: GitSourceConfig;
  /** Cited lines last changed longer ago than this many days get a gentle note that they may be out of date. */
  readonly staleAfterDays: number;
  /**
   * LORE_RERANK: `encoder` re-orders the first sections of each answer by a sentence encoder; `off` (default) does
   * not. `cacheFile` keeps the sections' vectors between runs, in lore's data folder.
   */
  readonly rerank: { readonly mode: 'off' | 'encoder'; readonly cacheFile: string };
  /** HEALTH_PORT: where GET /healthz, /readyz and /metrics listen; unset means PORT (shared with Slack in HTTP mode). */
  readonly healthPort?: number;
  /** PORT (default 3000): Slack HTTP mode's port, and the ops endpoints' when HEALTH_PORT is unset. */
  readonly port: number;
}

export interface GitSourceConfig {
  /** https, ssh (`ssh://…` or `git@host:path`) or file URL; may carry a token (`https://user:token@host/…`). */
  readonly url: string;
  /** Undefined means: the remote's default branch (its HEAD). */
  readonly branch?: string;
  /** Seconds between fetches; 0 turns polling off (the webhook, if any, still triggers fetches). */
  readonly intervalSeconds: number;
  /** Private key for ssh URLs, passed to ssh through GIT_SSH_COMMAND. */
  readonly sshKeyPath?: string;
  /**
   * KNOWLEDGE_GIT_KNOWN_HOSTS: a known_hosts file; when set, ssh trusts only the host keys in it. Undefined keeps ssh's
   * own known_hosts, where a host never seen is accepted on first use.
   */
  readonly knownHostsPath?: string;
  /** Shared secret of the push webhook (GitHub signature or GitLab token), served at POST /hooks/git on the ops port; undefined turns the webhook off. */
  readonly webhookSecret?: string;
  /** Folder the repository is cloned into, inside lore's data folder. */
  readonly cloneDir: string;
  /**
   * KNOWLEDGE_GIT_PATH: the folder of the repository that holds the notes (`docs/runbooks`, no leading or trailing
   * slash); undefined means the whole repository. Citations name files relative to it.
   */
  readonly path?: string;
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
  // 0 picks any free port, which only tests want; lore health cannot find that one.
  HEALTH_PORT: optionalString.transform((value, ctx) => {
    if (value === undefined) return undefined;
    const port = Number(value);
    if (Number.isInteger(port) && port >= 0 && port <= 65535) return port;
    ctx.addIssue({ code: 'custom', message: `must be a port number from 1 to 65535, got "${value}"` });
    return z.NEVER;
  }),
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
  KNOWLEDGE_GIT_URL: optionalString.refine((v) => v === undefined || isGitUrl(v), {
    // The value itself is not echoed: it may carry a token.
    message: 'must be an https, ssh or file URL of a git repository, e.g. https://github.com/acme/notes.git, git@github.com:acme/notes.git or file:///srv/notes.git',
  }),
  KNOWLEDGE_GIT_BRANCH: optionalString.refine((v) => v === undefined || isBranchName(v), {
    error: (issue) => `must be a branch name such as main or docs/live, got "${String(issue.input)}"`,
  }),
  KNOWLEDGE_GIT_PATH: optionalString.refine((v) => v === undefined || isRepositoryFolder(v), {
    error: (issue) => `must be a folder inside the repository such as docs or handbook/runbooks (relative, no ..), got "${String(issue.input)}"`,
  }),
  KNOWLEDGE_GIT_INTERVAL: wholeNumber(60, 86_400),
  KNOWLEDGE_GIT_SSH_KEY: optionalString,
  KNOWLEDGE_GIT_KNOWN_HOSTS: optionalString.refine((v) => v === undefined || !/[\r\n\0]/.test(v), {
    message: 'must be the path of a known_hosts file, e.g. /run/secrets/known_hosts (make one with: ssh-keyscan github.com > known_hosts, then check the fingerprint)',
  }),
  KNOWLEDGE_GIT_WEBHOOK_SECRET: optionalString.refine((v) => v === undefined || v.length >= 16, {
    message: 'must be at least 16 characters long (generate one with: openssl rand -hex 32)',
  }),
  STALE_AFTER_DAYS: positiveInt(365, 36_500),
  LORE_RERANK: optionalString.transform((value, ctx) => {
    const mode = value?.toLowerCase() ?? 'off';
    if (mode === 'off' || mode === 'encoder') return mode;
    ctx.addIssue({ code: 'custom', message: `must be off (the default) or encoder (re-rank answers with a sentence encoder), got "${value}"` });
    return z.NEVER;
  }),
});

/** https, ssh (URL or scp-like `user@host:path`) or file: the transports lore lets git use. */
export function isGitUrl(value: string): boolean {
  if (/^(https|ssh|file):\/\/\S+$/i.test(value)) return true;
  return /^[\w.-]+@[\w.-]+:(?!\/\/)\S+$/.test(value);
}

function isBranchName(value: string): boolean {
  return /^[\w.\/-]+$/.test(value) && !value.startsWith('-') && !value.startsWith('/') && !value.endsWith('/') && !value.endsWith('.lock') && !value.includes('..') && !value.includes('//');
}

/** A relative folder without `..`, `.git` or backslashes; `./docs/` and `docs` are the same folder. */
function isRepositoryFolder(value: string): boolean {
  if (value.startsWith('/') || value.includes('\\') || value.includes('\u0000')) return false;
  const parts = repositoryFolderParts(value);
  return parts.length > 0 && parts.every((part) => part !== '..' && part.toLowerCase() !== '.git');
}

function repositoryFolderParts(value: string): string[] {
  return value.split('/').filter((part) => part !== '' && part !== '.');
}

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
    problems.push(`  DISCORD_GUILD_ID is set without DISCORD_TOKEN: set DISCORD_TOKEN to the bot token (${DISCORD_TOKEN_WHERE}).`);
  }

  const gitOnly = ['KNOWLEDGE_GIT_BRANCH', 'KNOWLEDGE_GIT_PATH', 'KNOWLEDGE_GIT_SSH_KEY', 'KNOWLEDGE_GIT_KNOWN_HOSTS', 'KNOWLEDGE_GIT_WEBHOOK_SECRET'] as const;
  if (!e.KNOWLEDGE_GIT_URL) {
    for (const name of gitOnly) if (e[name]) problems.push(`  ${name} is set without KNOWLEDGE_GIT_URL: set KNOWLEDGE_GIT_URL to the notes repository, or unset ${name}.`);
  } else if (overrides.knowledgeDir) {
    // KNOWLEDGE_DIR is only a default (.env.example and the Docker image set it); --knowledge is asked for explicitly.
    problems.push('  --knowledge and KNOWLEDGE_GIT_URL are both given: the notes come from one place; drop --knowledge or unset KNOWLEDGE_GIT_URL.');
  }

  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);

  const gitPath = e.KNOWLEDGE_GIT_PATH === undefined ? undefined : repositoryFolderParts(e.KNOWLEDGE_GIT_PATH).join('/');
  const baseUrl = e.KNOWLEDGE_BASE_URL === undefined || e.KNOWLEDGE_BASE_URL.endsWith('/') ? e.KNOWLEDGE_BASE_URL : `${e.KNOWLEDGE_BASE_URL}/`;
  const dataDir = e.LORE_DB !== undefined && e.LORE_DB.toLowerCase() !== 'off' ? dirname(resolve(cwd, e.LORE_DB)) : resolve(cwd, 'data');
  const git: GitSourceConfig | undefined = e.KNOWLEDGE_GIT_URL
    ? {
        url: e.KNOWLEDGE_GIT_URL,
        branch: e.KNOWLEDGE_GIT_BRANCH,
        intervalSeconds: e.KNOWLEDGE_GIT_INTERVAL,
        sshKeyPath: e.KNOWLEDGE_GIT_SSH_KEY === undefined ? undefined : resolve(cwd, e.KNOWLEDGE_GIT_SSH_KEY),
        knownHostsPath: e.KNOWLEDGE_GIT_KNOWN_HOSTS === undefined ? undefined : resolve(cwd, e.KNOWLEDGE_GIT_KNOWN_HOSTS),
        webhookSecret: e.KNOWLEDGE_GIT_WEBHOOK_SECRET,
        cloneDir: join(dataDir, 'notes-git'),
        ...(gitPath !== undefined && { path: gitPath }),
      }
    : undefined;
  return Object.freeze({
    knowledgeDir: git ? join(git.cloneDir, git.path ?? '') : resolve(cwd, overrides.knowledgeDir ?? e.KNOWLEDGE_DIR ?? 'knowledge'),
    // KNOWLEDGE_BASE_URL addresses the repository; citations name files inside KNOWLEDGE_GIT_PATH, so links add it.
    knowledgeBaseUrl: baseUrl === undefined || gitPath === undefined ? baseUrl : `${baseUrl}${gitPath.split('/').map(encodeURIComponent).join('/')}/`,
    maxNoteBytes: e.MAX_NOTE_BYTES,
    logLevel: e.LOG_LEVEL,
    watch: e.WATCH,
    slack: slack && Object.freeze(slack),
    discord: discord && Object.freeze(discord),
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    rulesFile: Object.freeze({ path: resolve(cwd, e.LORE_CONFIG ?? 'lore.config.yml'), required: e.LORE_CONFIG !== undefined }),
    ...(e.HEALTH_PORT !== undefined && { healthPort: e.HEALTH_PORT }),
    port: e.PORT,
    feedback: Object.freeze({
      path: e.LORE_DB?.toLowerCase() === 'off' || (e.LORE_DB !== undefined && isPostgresUrl(e.LORE_DB)) ? undefined : resolve(cwd, e.LORE_DB ?? 'data/lore.db'),
      url: e.LORE_DB !== undefined && isPostgresUrl(e.LORE_DB) ? e.LORE_DB : undefined,
      retentionDays: e.LORE_DB_RETENTION_DAYS,
    }),
    git: git && Object.freeze(git),
    staleAfterDays: e.STALE_AFTER_DAYS,
    rerank: Object.freeze({ mode: e.LORE_RERANK, cacheFile: join(dataDir, 'section-vectors.bin') }),
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
