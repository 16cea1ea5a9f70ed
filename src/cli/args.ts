import { parseArgs } from 'node:util';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { parseSince } from '../reports/since.js';
import { didYouMean } from '../suggest.js';

export const COMMANDS = ['ask', 'index', 'serve', 'check', 'health', 'gaps', 'stats', 'stale', 'doctor', 'discord:register'] as const;
export type CommandName = (typeof COMMANDS)[number];

export const USAGE = `lore: answers questions from your team's Markdown notes, with citations.

Usage:
  lore ask "question"        answer one question (no question: one per line from stdin)
  lore index                 build the index and print what it holds
  lore serve                 start Slack/Discord when their tokens are set, else a terminal chat
  lore check                 verify every note's front-matter queries find that note first
  lore health                exit 0 if healthy: asks the server's /readyz (HEALTH_PORT or PORT), else the notes index
  lore gaps                  questions the notes did not answer (or got 👎), grouped, most asked first
  lore stats                 questions per day and surface, share answered, votes, most and never cited notes
  lore stale                 notes cited most lately whose cited lines are oldest (notes in git): worth a review
  lore doctor                check the set-up (notes, lore.config.yml, database, Slack, Discord) before going live
  lore discord:register      register the /ask command with Discord without starting the bot

Options:
  --knowledge DIR   notes folder (default: KNOWLEDGE_DIR or ./knowledge)
  --json            ask: print JSON (one object per line in stdin mode); index/check/gaps/stats/stale/doctor: JSON
  --top N           ask: number of citations, 1-10 (default 3)
  --since SPAN      gaps/stats/stale: how far back, e.g. 12h, 30d, 2w (default 30d)
  -h, --help        show this help
  -v, --version     show the version`;

export interface ParsedArgs {
  command?: CommandName;
  question?: string;
  knowledge?: string;
  json: boolean;
  top?: number;
  /** gaps/stats: the window in milliseconds. */
  since?: number;
  help: boolean;
  version: boolean;
}

const OPTIONS = {
  knowledge: { type: 'string' },
  json: { type: 'boolean', default: false },
  top: { type: 'string' },
  since: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;

const topSchema = z.coerce.number().int().min(1).max(10);

/** Parses argv (without node and the script). Throws UsageError for anything it does not know. */
export function parseCliArgs(argv: string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: OPTIONS,
    });
  } catch (error) {
    throw new UsageError(parseError(error));
  }
  const { values, positionals } = parsed;
  const [name, ...rest] = positionals;
  if (name !== undefined && !(COMMANDS as readonly string[]).includes(name)) throw new UsageError(`Unknown command "${name}".${meant(name, COMMANDS)}`);
  const command = name as CommandName | undefined;
  if (command !== 'ask' && rest.length > 0) throw new UsageError(`"${command ?? 'lore'}" takes no arguments, got "${rest.join(' ')}".`);
  if (values.top !== undefined && command !== 'ask') throw new UsageError('--top goes with "ask".');
  let top: number | undefined;
  if (values.top !== undefined) {
    const result = topSchema.safeParse(values.top);
    if (!result.success) throw new UsageError(`--top must be a whole number from 1 to 10, got "${values.top}".`);
    top = result.data;
  }
  const since = values.since === undefined ? undefined : sinceOption(values.since, command);
  if (values.knowledge !== undefined && values.knowledge.trim() === '') throw new UsageError('--knowledge needs a folder.');
  return {
    command,
    question: rest.length > 0 ? rest.join(' ') : undefined,
    knowledge: values.knowledge,
    json: values.json ?? false,
    top,
    since,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}

function sinceOption(value: string, command: CommandName | undefined): number {
  if (command !== 'gaps' && command !== 'stats' && command !== 'stale') throw new UsageError('--since goes with "gaps", "stats" or "stale".');
  const ms = parseSince(value);
  if (ms === undefined) throw new UsageError(`--since must be a number then h, d or w (12h, 30d, 2w), got "${value}".`);
  return ms;
}

/** Node's parseArgs messages, rewritten in one short sentence (its unknown-option text ends on an unbalanced quote). */
function parseError(error: unknown): string {
  const { code, message } = error as { code?: string; message: string };
  const option = /'(-[^' ]+)/.exec(message)?.[1];
  if (option === undefined) return message;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const known = Object.keys(OPTIONS).map((name) => `--${name}`);
    return `Unknown option ${option}.${meant(option, known)}`;
  }
  if (/argument missing/.test(message)) return `${option} needs a value, e.g. ${option} ${option === '--knowledge' ? 'notes/' : option === '--since' ? '30d' : '3'}.`;
  if (/does not take an argument/.test(message)) return `${option} takes no value.`;
  return message;
}

function meant(word: string, candidates: readonly string[]): string {
  const match = didYouMean(word, candidates);
  return match === undefined ? '' : ` Did you mean ${match}?`;
}
