import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { didYouMean } from '../suggest.js';
import { PLATFORMS } from '../adapters/registry.js';
import type { Asker } from '../types.js';

/** Where a platform's bot may answer, and from which notes. */
export interface PlatformRules {
  /** Answer direct messages. */
  readonly dms: boolean;
  /** Only these channels (and their threads); undefined means every channel the bot is in. */
  readonly channels?: readonly ChannelRule[];
  /** Default note folders for this platform (DMs and channels without their own); undefined means all notes. */
  readonly folders?: readonly string[];
}

export interface ChannelRule {
  /** The platform's channel id (Slack `C…`, Discord snowflake). */
  readonly id: string;
  /** Shown (as #name) when telling someone where the bot can be used. */
  readonly name?: string;
  readonly folders?: readonly string[];
}

/** The validated lore.config.yml, by platform name (`slack`, `discord`, …). A missing platform has no restrictions. */
export type Rules = Readonly<Partial<Record<string, PlatformRules>>>;

export const NO_RULES: Rules = Object.freeze({});

/** What the rules say about one asker. */
export type Verdict = { allowed: true; folders?: string[] } | { allowed: false; text: string };

const CHANNEL_ID_EXAMPLE = 'e.g. C0123ABCD (Slack) or "123456789012345678" (Discord)';

const id = z.union(
  [
    z
      .string()
      .trim()
      .min(1, { error: 'must not be empty', abort: true })
      .refine((value) => /^[A-Za-z0-9]+$/.test(value), { error: (issue) => notAnId(String(issue.input)) }),
    z.bigint().transform(String),
  ],
  { error: `must be a channel id, ${CHANNEL_ID_EXAMPLE}` },
);

function notAnId(value: string): string {
  if (value.startsWith('#')) return `"${value}" is a channel name, not a channel id: use the id, ${CHANNEL_ID_EXAMPLE}, and put the name under name:`;
  return `"${value}" is not a channel id: use letters and digits only, ${CHANNEL_ID_EXAMPLE}`;
}

const folder = z
  .string({ error: 'must be a folder of the knowledge, e.g. infra/' })
  .transform((value) => value.trim().replace(/\\/g, '/').replace(/^(\.\/)+|^\/+|\/+$/g, ''))
  .refine((value) => value !== '', { error: 'must name a folder (use no folders key to allow all notes)' })
  .refine((value) => !value.split('/').includes('..'), { error: 'must stay inside the knowledge folder (no ..)' });

const folders = z.array(folder, { error: 'must be a list of folders, e.g. [infra/, runbooks/]' }).min(1, { error: 'must list at least one folder' });

// A bare id is shorthand for { id }; mapping it first lets a bad id report its own problem, not "must be one of".
const channel = z.preprocess(
  (value) => (typeof value === 'string' || typeof value === 'bigint' ? { id: value } : value),
  z.strictObject(
    { id, name: z.string({ error: 'must be text' }).transform((value) => value.trim().replace(/^#/, '')).optional(), folders: folders.optional() },
    { error: 'must be a channel id, or { id, name, folders }' },
  ),
);

const platform = z.strictObject(
  {
    dms: z.boolean({ error: 'must be true or false' }).default(true),
    channels: z.array(channel, { error: 'must be a list of channels' }).optional(),
    folders: folders.optional(),
  },
  { error: 'must be a mapping with dms, channels and folders' },
);

/** The platforms' names, the keys of lore.config.yml. */
const PLATFORM_NAMES: readonly string[] = PLATFORMS.map((platform) => platform.name);

const rulesSchema = z.strictObject(Object.fromEntries(PLATFORM_NAMES.map((name) => [name, platform.optional()])), {
  error: `must be a mapping with ${PLATFORM_NAMES.join(' and/or ')}`,
});

/** Parses and validates lore.config.yml text. Throws an Error whose message names every bad key. */
export function parseRules(text: string, source = 'lore.config.yml'): Rules {
  let data: unknown;
  try {
    // Discord ids are larger than JavaScript numbers hold exactly: read integers as bigints and keep every digit.
    // The parser's warnings are left out, as for front matter: the schema below says what is wrong, in one message.
    data = parseYaml(text, { intAsBigInt: true, logLevel: 'error' }) ?? {};
  } catch (error) {
    throw new Error(`${source} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = rulesSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = keyPath(issue.path);
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((name) => `${key ? `${key}.${name}` : name}: unknown key${suggestion(name, issue.path)}`).join('; ');
      }
      return `${key || '(top level)'}: ${issue.message}`;
    });
    throw new Error(`${source}: ${problems.join('; ')}`);
  }
  return Object.freeze(parsed.data);
}

/** The keys allowed where an unknown key was found: top level, a platform, or a channel. */
function suggestion(name: string, path: readonly PropertyKey[]): string {
  const keys = path.length === 0 ? [...PLATFORM_NAMES] : path.length === 1 ? ['dms', 'channels', 'folders'] : ['id', 'name', 'folders'];
  const meant = didYouMean(name, keys);
  return meant === undefined ? '' : ` (did you mean ${meant}?)`;
}

function keyPath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
}

/** Said to a question that does not say who asked: it cannot be checked against the rules, so it is not answered. */
export const NO_ASKER = "I can't tell who is asking or where, so I can't answer that. Please ask again.";

/**
 * Applies the rules to one asker: refused with a note saying where to ask, or allowed with the folders to search.
 * Without an asker nothing is known to check, so nothing is allowed; the terminal has no rules.
 */
export function judge(rules: Rules, asker: Asker | undefined): Verdict {
  if (asker === undefined) return { allowed: false, text: NO_ASKER };
  if (asker.platform === 'terminal') return { allowed: true };
  const platform: PlatformRules | undefined = rules[asker.platform];
  if (platform === undefined) return { allowed: true };
  const withFolders = (list: readonly string[] | undefined): Verdict => (list ? { allowed: true, folders: [...list] } : { allowed: true });
  if (asker.direct === true || asker.surface === 'dm') {
    return platform.dms ? withFolders(platform.folders) : { allowed: false, text: elsewhere(platform, "I don't answer direct messages here.") };
  }
  if (platform.channels === undefined) return withFolders(platform.folders);
  const rule = platform.channels.find((c) => c.id === asker.channelId || (asker.parentChannelId !== undefined && c.id === asker.parentChannelId));
  return rule ? withFolders(rule.folders ?? platform.folders) : { allowed: false, text: elsewhere(platform, "I don't answer questions in this channel.") };
}

function elsewhere(platform: PlatformRules, first: string): string {
  const names = (platform.channels ?? []).flatMap((c) => (c.name ? [`#${c.name}`] : []));
  const where = names.length > 0 ? `Ask me in ${list(names)}` : platform.channels?.length ? 'Ask me in a channel I am set up for' : '';
  const dm = platform.dms ? 'send me a direct message' : '';
  const rest = [where, dm].filter(Boolean);
  if (rest.length === 0) return first;
  const sentence = rest.join(', or ');
  return `${first} ${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1) ?? ''}`;
}
