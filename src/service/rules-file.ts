import { watchForChanges } from '../watch.js';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ConfigError } from '../errors.js';
import type { Logger } from '../logger.js';
import { NO_RULES, parseRules, type Rules } from './rules.js';

/** The channel rules currently in force, from lore.config.yml; a bad edit keeps the last good rules. */
export interface RulesSource {
  current(): Rules;
  /** Re-validates on every change to the file. Returns a function that stops watching. */
  watch(): Promise<() => Promise<void>>;
}

export interface RulesFileOptions {
  path: string;
  /** A missing file is an error (LORE_CONFIG named it); otherwise it means "no rules". */
  required: boolean;
  /** Notes folder, to warn about rule folders that hold nothing. */
  knowledgeDir: string;
  logger: Logger;
}

/** Loads the rules file at start-up. Throws a ConfigError naming the bad key, so lore does not start with rules it cannot read. */
export async function openRulesFile(options: RulesFileOptions): Promise<RulesSource> {
  const { path, logger } = options;
  let rules = await read(options).catch((error: unknown) => {
    if (error instanceof ConfigError) throw error;
    const orElse = options.required ? 'or unset LORE_CONFIG' : 'or remove it';
    throw new ConfigError(`${(error as Error).message} (fix ${path}, ${orElse} to answer everywhere)`, { cause: error });
  });
  describe(rules, options);

  const reload = async (): Promise<void> => {
    try {
      rules = await read(options);
      describe(rules, options);
    } catch (error) {
      logger.error({ file: path, problem: (error as Error).message }, 'lore.config.yml changed but is invalid; keeping the last good rules');
    }
  };

  return {
    current: () => rules,
    watch() {
      // The folder is watched rather than the file, so creating, replacing (editors, ConfigMaps) and deleting all count.
      return watchForChanges(dirname(path), reload, logger, {
        what: 'lore.config.yml',
        chokidar: { depth: 0, ignored: (candidate) => candidate !== path && candidate !== dirname(path) },
        accept: (changed) => changed === path,
      });
    },
  };
}

async function read({ path, required }: RulesFileOptions): Promise<Rules> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      if (!required) return NO_RULES;
      throw new ConfigError(`LORE_CONFIG names ${path}, which does not exist: create it, or unset LORE_CONFIG to answer everywhere.`);
    }
    throw new Error(`cannot read ${path}: ${(error as Error).message}`);
  }
  // An emptied file is far more likely a slip (a truncating save, a half-written ConfigMap) than "no rules";
  // answering everywhere is what deleting the file says.
  if (text.trim() === '') throw new Error(`${path} is empty`);
  return parseRules(text, basename(path));
}

function describe(rules: Rules, { path, knowledgeDir, logger }: RulesFileOptions): void {
  for (const [platform, platformRules] of Object.entries(rules)) {
    if (platformRules === undefined) continue;
    logger.info({ file: path, platform, dms: platformRules.dms, channels: platformRules.channels?.length ?? 'all' }, 'channel rules loaded');
    const folders = [...(platformRules.folders ?? []), ...(platformRules.channels ?? []).flatMap((c) => c.folders ?? [])];
    for (const folder of new Set(folders)) {
      if (!existsSync(join(knowledgeDir, folder))) logger.warn({ file: path, platform, folder }, 'a rule names a folder the knowledge does not have');
    }
  }
}
