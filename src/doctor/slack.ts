import { webApi } from '@slack/bolt';
import type { SlackConfig } from '../config.js';
import { describeError, fail, pass, skip, type CheckResult } from './check.js';
import type { SlackManifest } from './manifest.js';

const TIMEOUT_MS = 10_000;
const REINSTALL = 'then reinstall the app to the workspace (Slack app → OAuth & Permissions → Reinstall)';

/**
 * The Slack set-up, with the Web API client the bot uses and the same SLACK_API_URL: the bot token works, it was
 * granted the manifest's scopes, Socket Mode opens with the app token, and which slash command lore answers.
 */
export async function checkSlack(config: SlackConfig | undefined, manifest: SlackManifest | undefined): Promise<CheckResult[]> {
  if (config === undefined) return [skip('Slack', 'skipped, SLACK_BOT_TOKEN is not set')];
  const where = config.apiUrl === undefined ? 'Slack' : `Slack at SLACK_API_URL=${config.apiUrl}`;
  const results: CheckResult[] = [];

  const auth = await call(client(config.botToken, config), 'auth.test', where);
  if (!auth.ok) {
    results.push(fail('Slack bot token', auth.problem, auth.network ? networkFix(config) : `copy the Bot User OAuth Token (xoxb-…) from Slack app → OAuth & Permissions into SLACK_BOT_TOKEN, ${REINSTALL} if it was revoked`));
    results.push(skip('Slack scopes', 'skipped, needs a working bot token'));
  } else {
    const { user, team, team_id: teamId } = auth.result as webApi.AuthTestResponse;
    results.push(pass('Slack bot token', `valid, bot @${user ?? '?'} in ${team ?? '?'} (${teamId ?? '?'})`));
    results.push(scopes(auth.result.response_metadata?.scopes, manifest?.botScopes));
  }

  if (config.appToken === undefined) {
    results.push(skip('Slack Socket Mode', `skipped, HTTP mode (SLACK_APP_TOKEN is not set): Slack must reach http://<this host>:${config.port}/slack/events`));
  } else {
    const socket = await call(client(config.appToken, config), 'apps.connections.open', where);
    if (socket.ok) results.push(pass('Slack Socket Mode', 'reachable (apps.connections.open gave a connection URL)'));
    else {
      results.push(
        fail('Slack Socket Mode', socket.problem, socket.network ? networkFix(config) : 'turn Socket Mode on (Slack app → Socket Mode) and copy an app-level token with the connections:write scope (Basic Information → App-Level Tokens) into SLACK_APP_TOKEN'),
      );
    }
  }
  results.push(command(config.command, manifest?.command));
  return results;
}

function client(token: string, config: SlackConfig): webApi.WebClient {
  return new webApi.WebClient(token, {
    ...(config.apiUrl !== undefined && { slackApiUrl: config.apiUrl }),
    // One attempt, quickly: a check that retries for minutes looks like a hang.
    retryConfig: { retries: 0 },
    timeout: TIMEOUT_MS,
    rejectRateLimitedCalls: true,
    logLevel: webApi.LogLevel.ERROR,
  });
}

type CallOutcome = { ok: true; result: webApi.WebAPICallResult } | { ok: false; problem: string; network: boolean };

async function call(slack: webApi.WebClient, method: 'auth.test' | 'apps.connections.open', where: string): Promise<CallOutcome> {
  try {
    return { ok: true, result: await slack.apiCall(method) };
  } catch (error) {
    const coded = error as { code?: string; data?: { error?: string }; original?: { cause?: unknown } };
    if (coded.code === webApi.ErrorCode.PlatformError) return { ok: false, problem: `${where} refused ${method}: ${coded.data?.error ?? 'error'}`, network: false };
    // The request error wraps fetch's "fetch failed", whose cause says what happened (ECONNREFUSED, ENOTFOUND…).
    return { ok: false, problem: `could not reach ${where} (${describeError(coded.original?.cause ?? error)})`, network: true };
  }
}

function networkFix(config: SlackConfig): string {
  return config.apiUrl === undefined ? 'check this machine can reach https://slack.com' : 'check SLACK_API_URL (or unset it to use Slack itself)';
}

function scopes(granted: readonly string[] | undefined, wanted: readonly string[] | undefined): CheckResult {
  const name = 'Slack scopes';
  if (wanted === undefined) return skip(name, 'skipped, slack-manifest.yml could not be read');
  if (granted === undefined) return skip(name, 'skipped, Slack did not report the granted scopes');
  const missing = wanted.filter((scope) => !granted.includes(scope));
  if (missing.length === 0) return pass(name, `granted all ${wanted.length} of slack-manifest.yml (${wanted.join(', ')})`);
  return fail(
    name,
    `missing ${missing.join(', ')}`,
    `add ${missing.length === 1 ? 'it' : 'them'} under Slack app → OAuth & Permissions → Bot Token Scopes (or create the app from slack-manifest.yml), ${REINSTALL}`,
  );
}

/** Slack has no API to list an app's slash commands, so this says which one lore answers and where it is set. */
function command(current: string, manifest: string | undefined): CheckResult {
  if (manifest === undefined || current === manifest) return pass('Slack slash command', `lore answers ${current}, as slack-manifest.yml creates it`);
  return pass('Slack slash command', `lore answers ${current} (SLACK_COMMAND); the app's Slash Commands page must list ${current}, not the manifest's ${manifest}`);
}
