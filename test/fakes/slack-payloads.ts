import { randomUUID } from 'node:crypto';
import type { FakeSlack } from './slack-server.js';

/**
 * Payloads as Slack sends them (Events API callbacks, slash commands, block_actions), and the two ways
 * Slack delivers them: signed HTTP requests or Socket Mode envelopes, behind one `SlackDelivery` seam so
 * one test suite can run against both.
 */

let clock = 1_700_000_000;
/** A fresh, increasing Slack message timestamp. */
export function nextTs(): string {
  clock += 1;
  return `${clock}.000200`;
}

/** Slack gives every slash command and click its own trigger id. */
function triggerId(): string {
  return `${clock}.${randomUUID()}`;
}

export interface MessageFields {
  text: string;
  channel?: string;
  user?: string;
  ts?: string;
  thread_ts?: string;
  [key: string]: unknown;
}

export function appMention(fake: FakeSlack, fields: MessageFields): Record<string, unknown> {
  const ts = fields.ts ?? nextTs();
  return { type: 'app_mention', user: 'UASKER01', channel: 'C0000001', team: fake.teamId, event_ts: ts, ...fields, ts };
}

export function directMessage(fields: MessageFields): Record<string, unknown> {
  const ts = fields.ts ?? nextTs();
  return { type: 'message', channel_type: 'im', user: 'UASKER01', channel: 'D0000001', event_ts: ts, ...fields, ts };
}

export function eventCallback(fake: FakeSlack, event: Record<string, unknown>, eventId = `Ev${randomUUID().slice(0, 8).toUpperCase()}`): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: fake.teamId,
    api_app_id: 'A0000001',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: fake.teamId, user_id: fake.botUserId, is_bot: true, is_enterprise_install: false }],
  };
}

export function slashCommand(fake: FakeSlack, command: string, text: string, user = 'UASKER01'): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: fake.teamId,
    team_domain: 'fake',
    channel_id: 'C0000001',
    channel_name: 'general',
    user_id: user,
    user_name: 'asker',
    command,
    text,
    api_app_id: 'A0000001',
    is_enterprise_install: 'false',
    response_url: fake.responseUrl(),
    trigger_id: triggerId(),
  };
}

export interface ButtonClick {
  actionId: string;
  value: string;
  user?: string;
  channel?: string;
  /** The clicked message's ts; omitted for ephemeral messages, which Slack does not include. */
  messageTs?: string;
}

export function blockAction(fake: FakeSlack, click: ButtonClick): Record<string, unknown> {
  const channel = click.channel ?? 'C0000001';
  const ephemeral = click.messageTs === undefined;
  return {
    type: 'block_actions',
    team: { id: fake.teamId, domain: 'fake' },
    user: { id: click.user ?? 'UASKER01', username: 'asker', team_id: fake.teamId },
    api_app_id: 'A0000001',
    token: 'legacy-verification-token',
    container: ephemeral
      ? { type: 'message', message_ts: nextTs(), channel_id: channel, is_ephemeral: true }
      : { type: 'message', message_ts: click.messageTs, channel_id: channel, is_ephemeral: false },
    trigger_id: triggerId(),
    channel: { id: channel, name: 'general' },
    ...(ephemeral ? {} : { message: { type: 'message', ts: click.messageTs, user: fake.botUserId, text: 'answer', blocks: [] } }),
    response_url: fake.responseUrl(),
    actions: [{ type: 'button', action_id: click.actionId, block_id: 'lore_actions', value: click.value, action_ts: nextTs(), text: { type: 'plain_text', text: 'x' } }],
  };
}

/** "Ask lore about this message" used on someone's message: a message shortcut, with a response_url. */
export function messageShortcut(fake: FakeSlack, fields: { text: string; user?: string; channel?: string; callbackId?: string }): Record<string, unknown> {
  const channel = fields.channel ?? 'C0000001';
  const ts = nextTs();
  return {
    type: 'message_action',
    callback_id: fields.callbackId ?? 'lore_ask_about_message',
    token: 'legacy-verification-token',
    action_ts: ts,
    trigger_id: triggerId(),
    response_url: fake.responseUrl(),
    team: { id: fake.teamId, domain: 'fake' },
    user: { id: fields.user ?? 'UASKER01', name: 'asker', team_id: fake.teamId },
    channel: { id: channel, name: 'general' },
    message_ts: ts,
    message: { type: 'message', user: 'UOTHER01', ts, text: fields.text },
  };
}

/** How a test hands a payload to the app; every method resolves once the app acknowledged it. */
export interface SlackDelivery {
  event(body: Record<string, unknown>, options?: { retryNum?: number }): Promise<void>;
  /** Resolves with what the ack carried (HTTP response body, or the socket ack payload) and how long it took. */
  command(fields: Record<string, string>): Promise<{ ackMs: number; ack: unknown }>;
  action(payload: Record<string, unknown>): Promise<void>;
}

export function httpDelivery(fake: FakeSlack, url: string, signingSecret: string): SlackDelivery {
  const expectOk = (status: number, what: string): void => {
    if (status !== 200) throw new Error(`app answered ${status} to ${what}`);
  };
  return {
    async event(body, options = {}) {
      const headers = options.retryNum ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' } : undefined;
      const { status } = await fake.postSigned(url, JSON.stringify(body), 'application/json', { signingSecret, ...(headers ? { headers } : {}) });
      expectOk(status, 'an event');
    },
    async command(fields) {
      const started = performance.now();
      const { status, body } = await fake.postSigned(url, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', { signingSecret });
      expectOk(status, 'a slash command');
      return { ackMs: performance.now() - started, ack: body };
    },
    async action(payload) {
      const form = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
      const { status } = await fake.postSigned(url, form, 'application/x-www-form-urlencoded', { signingSecret });
      expectOk(status, 'a button click');
    },
  };
}

export function socketDelivery(fake: FakeSlack): SlackDelivery {
  return {
    async event(body, options = {}) {
      const id = fake.sendEnvelope('events_api', body, options.retryNum ? { retryAttempt: options.retryNum, retryReason: 'timeout' } : {});
      await fake.waitForAck(id);
    },
    async command(fields) {
      const started = performance.now();
      const ack = await fake.waitForAck(fake.sendEnvelope('slash_commands', fields));
      return { ackMs: performance.now() - started, ack };
    },
    async action(payload) {
      await fake.waitForAck(fake.sendEnvelope('interactive', payload));
    },
  };
}
