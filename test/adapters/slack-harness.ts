import type { SlackConfig } from '../../src/config.js';
import { createSlackAdapter, type SlackAdapter, type SlackAdapterOptions } from '../../src/adapters/slack/index.js';
import type { AskService } from '../../src/types.js';
import { FakeSlack, type RecordedCall } from '../fakes/slack-server.js';
import { httpDelivery, socketDelivery, type SlackDelivery } from '../fakes/slack-payloads.js';
import { captureLog, type CapturedLog } from './slack-fixtures.js';

export type SlackMode = 'http' | 'socket';
export const SIGNING_SECRET = 'test-signing-secret';

/** A real Bolt app (through createSlackAdapter) started against a fresh fake Slack. */
export interface Harness {
  fake: FakeSlack;
  adapter: SlackAdapter;
  deliver: SlackDelivery;
  log: CapturedLog;
  /** HTTP mode: the app's base URL. */
  baseUrl?: string;
  stop(): Promise<void>;
}

export async function startHarness(
  mode: SlackMode,
  service: AskService,
  overrides: Partial<SlackConfig> = {},
  extra: Pick<SlackAdapterOptions, 'reports' | 'webApi' | 'shared' | 'replay'> = {},
): Promise<Harness> {
  const fake = await FakeSlack.start();
  const log = captureLog();
  const config: SlackConfig = {
    botToken: 'xoxb-test-token',
    ...(mode === 'socket' ? { appToken: 'xapp-test-token' } : { signingSecret: SIGNING_SECRET }),
    apiUrl: fake.apiUrl,
    command: '/ask',
    port: 0,
    ...overrides,
  };
  const adapter = createSlackAdapter({ config, service, logger: log.logger, ...extra });
  await adapter.start();
  const baseUrl = mode === 'http' ? `http://127.0.0.1:${adapter.port}` : undefined;
  const deliver = baseUrl ? httpDelivery(fake, `${baseUrl}/slack/events`, SIGNING_SECRET) : socketDelivery(fake);
  return {
    fake,
    adapter,
    deliver,
    log,
    ...(baseUrl ? { baseUrl } : {}),
    async stop() {
      await adapter.stop();
      await fake.close();
    },
  };
}

interface BlockLike {
  type?: string;
  text?: { text?: string };
  elements?: { text?: string | { text?: string }; value?: string; action_id?: string }[];
}

function blocksOf(call: RecordedCall): BlockLike[] {
  return Array.isArray(call.args.blocks) ? (call.args.blocks as BlockLike[]) : [];
}

/** Every piece of mrkdwn/plain text the message would show: fallback text, sections, context, buttons. */
export function shownText(call: RecordedCall): string {
  const parts: string[] = [typeof call.args.text === 'string' ? call.args.text : ''];
  for (const block of blocksOf(call)) {
    if (block.text?.text) parts.push(block.text.text);
    for (const element of block.elements ?? []) {
      if (typeof element.text === 'string') parts.push(element.text);
      else if (element.text?.text) parts.push(element.text.text);
    }
  }
  return parts.join('\n');
}

export function sectionTexts(call: RecordedCall): string[] {
  return blocksOf(call).flatMap((block) => (block.type === 'section' && block.text?.text ? [block.text.text] : []));
}

export function buttons(call: RecordedCall): { actionId: string; value: string }[] {
  return blocksOf(call).flatMap((block) =>
    block.type === 'actions' ? (block.elements ?? []).map((element) => ({ actionId: element.action_id ?? '', value: element.value ?? '' })) : [],
  );
}

export function buttonValue(call: RecordedCall, actionId: string): string {
  const found = buttons(call).find((button) => button.actionId === actionId);
  if (!found) throw new Error(`no ${actionId} button in ${JSON.stringify(call.args.blocks)}`);
  return found.value;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
