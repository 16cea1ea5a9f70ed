import type { Config } from '../config.js';
import { describeError, fail, pass, type CheckResult } from './check.js';
import { checkDiscord } from './discord.js';
import { checkGitSource } from './git.js';
import { checkDatabase, checkNotes, checkRulesFile, pathShower } from './local.js';
import { readSlackManifest, type SlackManifest } from './manifest.js';
import { checkRerank } from './rerank.js';
import { checkSlack } from './slack.js';

export { formatCheck, summary, type CheckResult } from './check.js';

/** Every check of a valid configuration, in the order a newcomer sets lore up: notes, rules, database, Slack, Discord. */
export async function runChecks(config: Config, cwd: string): Promise<CheckResult[]> {
  const show = pathShower(cwd);
  const results = [
    ...(config.git ? [await checkGitSource(config)] : []),
    await checkNotes(config, show),
    ...optional(await checkRerank(config, show)),
    await checkRulesFile(config, show),
    await checkDatabase(config, show),
  ];
  let manifest: SlackManifest | undefined;
  if (config.slack !== undefined) {
    try {
      manifest = await readSlackManifest();
    } catch (error) {
      results.push(fail('Slack manifest', `cannot read slack-manifest.yml: ${describeError(error)}`, 'reinstall lore: the manifest ships next to package.json'));
    }
  }
  results.push(...(await checkSlack(config.slack, manifest)));
  results.push(...(await checkDiscord(config.discord)));
  return results;
}

function optional(result: CheckResult | undefined): CheckResult[] {
  return result ? [result] : [];
}

/** The line for the environment itself (variables and .env). */
export function environmentResult(config: Config): CheckResult {
  const platforms = [config.slack && (config.slack.appToken ? 'Slack (Socket Mode)' : 'Slack (HTTP mode)'), config.discord && 'Discord'].filter(Boolean);
  return pass('Environment', `valid; ${platforms.length > 0 ? `chat on ${platforms.join(' and ')}` : 'no chat tokens, so lore serve runs a terminal chat'}`);
}

export function environmentFailure(message: string): CheckResult {
  const [first, ...rest] = message.split('\n');
  return { ...fail('Environment', first?.replace(/:$/, '') ?? message, 'fix the variables below (in .env or the environment), then run lore doctor again'), details: rest.map((line) => line.trim()) };
}
