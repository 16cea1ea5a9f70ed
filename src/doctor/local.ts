import { constants, existsSync, statSync } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative } from 'node:path';
import type { Config } from '../config.js';
import { openLore } from '../engine.js';
import { silentLogger } from '../logger.js';
import { NOTE_KINDS } from '../knowledge/load.js';
import { parseRules, type PlatformRules } from '../service/rules.js';
import { openDatabase } from '../store/db.js';
import { openSqlClient } from '../store/open.js';
import { redactUrl } from '../store/sql.js';
import { describeError, fail, pass, skip, type CheckResult } from './check.js';

/** How a path is shown: relative to the working folder when inside it (`knowledge/`, `data/lore.db`), else as is. */
export type ShowPath = (path: string) => string;

export function pathShower(cwd: string): ShowPath {
  return (path) => {
    const inside = relative(cwd, path);
    return inside === '' ? '.' : inside.startsWith('..') || isAbsolute(inside) ? path : inside;
  };
}

/** The notes folder builds an index; the skipped notes are listed with the reason. */
export async function checkNotes(config: Config, show: ShowPath): Promise<CheckResult> {
  const name = 'Notes';
  if (config.git && !existsSync(config.git.cloneDir)) return skip(name, `not cloned yet: lore serve (or lore ask) clones ${show(config.git.cloneDir)}/ on first start`);
  if (config.git?.path !== undefined && !statSync(config.knowledgeDir, { throwIfNoEntry: false })?.isDirectory()) {
    return fail(name, `KNOWLEDGE_GIT_PATH is ${config.git.path}, but the clone in ${show(config.git.cloneDir)}/ has no such folder`, 'set KNOWLEDGE_GIT_PATH to a folder of the repository, or unset it to serve the whole repository');
  }
  try {
    const lore = await openLore({ knowledgeDir: config.knowledgeDir, maxNoteBytes: config.maxNoteBytes, logger: silentLogger() });
    const { files, chunks, skipped } = lore.stats();
    const skippedText = skipped.length > 0 ? `; ${skipped.length} skipped:` : '';
    return pass(
      name,
      `${show(config.knowledgeDir)}/ indexes: ${files} file${files === 1 ? '' : 's'}, ${chunks} chunks${skippedText}`,
      skipped.map((s) => `skipped ${s.file}: ${s.reason}`),
    );
  } catch (error) {
    return fail(name, describeError(error), `set KNOWLEDGE_DIR (or pass --knowledge DIR) to a folder of ${NOTE_KINDS} notes`);
  }
}

/** lore.config.yml parses and only names folders the notes have. */
export async function checkRulesFile(config: Config, show: ShowPath): Promise<CheckResult> {
  const name = 'Channel rules';
  const { required } = config.rulesFile;
  const path = show(config.rulesFile.path);
  let text: string;
  try {
    text = await readFile(config.rulesFile.path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      if (!required) return pass(name, `no ${path}, so lore answers in every channel and direct message`);
      return fail(name, `LORE_CONFIG names ${path}, which does not exist`, 'create that file, or unset LORE_CONFIG');
    }
    return fail(name, `cannot read ${path}: ${describeError(error)}`, 'make the file readable, or unset LORE_CONFIG');
  }
  try {
    const rules = parseRules(text, path);
    const parts = Object.entries(rules).flatMap(([platform, rule]) => (rule === undefined ? [] : [`${platform}: ${describePlatform(rule)}`]));
    return pass(name, `${path} is valid${parts.length > 0 ? ` (${parts.join('; ')})` : ''}`, missingFolders(rules, config.knowledgeDir));
  } catch (error) {
    return fail(name, describeError(error), `edit ${path} (its keys: docs/running.md)`);
  }
}

function describePlatform(rule: PlatformRules): string {
  const channels = rule.channels === undefined ? 'every channel' : `${rule.channels.length} channel${rule.channels.length === 1 ? '' : 's'}`;
  return `${channels}, direct messages ${rule.dms ? 'on' : 'off'}`;
}

function missingFolders(rules: ReturnType<typeof parseRules>, knowledgeDir: string): string[] {
  const folders = Object.values(rules).flatMap((rule) => [...(rule?.folders ?? []), ...(rule?.channels ?? []).flatMap((c) => c.folders ?? [])]);
  return [...new Set(folders)].filter((folder) => !existsSync(join(knowledgeDir, folder))).map((folder) => `warning: the notes have no folder ${folder}`);
}

/** The feedback database opens and takes a write lock; a database not created yet needs a folder lore can create it in. */
export async function checkDatabase(config: Config, show: ShowPath): Promise<CheckResult> {
  const name = 'Database';
  const { path, url } = config.feedback;
  if (url !== undefined) return checkPostgres(url);
  if (path === undefined) return skip(name, 'skipped, LORE_DB=off: no questions or votes are recorded');
  const fix = 'set LORE_DB to a file in a folder lore may write to (or LORE_DB=off to record nothing)';
  if (!existsSync(path)) {
    const folder = nearestExisting(dirname(path));
    if (!statSync(folder).isDirectory()) return fail(name, `cannot create ${show(path)}: ${show(folder)} is a file, not a folder`, fix);
    try {
      await access(folder, constants.W_OK);
    } catch {
      return fail(name, `cannot create ${show(path)}: ${show(folder)} is not writable`, fix);
    }
    return pass(name, `${show(path)} will be created on the first question (${show(folder)}/ is writable)`);
  }
  try {
    const db = openDatabase(path);
    try {
      // A write lock is refused on a read-only file, where merely opening it would succeed.
      db.exec('BEGIN IMMEDIATE; ROLLBACK;');
    } finally {
      db.close();
    }
    return pass(name, `${show(path)} is writable`);
  } catch (error) {
    const reason = error instanceof Error && error.cause !== undefined ? describeError(error.cause) : describeError(error);
    return fail(name, `${show(path)} is not writable: ${reason}`, fix);
  }
}

/** PostgreSQL answers, and lore may create or update its tables there. */
async function checkPostgres(url: string): Promise<CheckResult> {
  const name = 'Database';
  try {
    const sql = await openSqlClient(url, silentLogger());
    await sql.close();
    return pass(name, `PostgreSQL at ${redactUrl(url)} answers and has lore's tables`);
  } catch (error) {
    const reason = error instanceof Error && error.cause !== undefined ? describeError(error.cause) : describeError(error);
    return fail(name, `PostgreSQL at ${redactUrl(url)}: ${reason}`, 'check that PostgreSQL runs there and that the user in LORE_DB may create tables');
  }
}

function nearestExisting(path: string): string {
  let current = path;
  while (!existsSync(current) && dirname(current) !== current) current = dirname(current);
  return current;
}
