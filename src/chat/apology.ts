import { asError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Reply } from './turn.js';
import { APOLOGY } from './wording.js';

/**
 * Sends a reply with `send`; when that fails, logs the failure with `failure` as its message and says sorry through
 * `apologize` (where the reply would have gone, as the platform allows), whose own failure is logged too. Never
 * throws: a handler that cannot answer one message apologises where it can and the bot keeps serving, on every
 * platform alike.
 */
export async function sendOrApologize(log: Logger, failure: string, apologize: (apology: string) => Promise<unknown>, send: () => Promise<unknown>): Promise<void> {
  try {
    await send();
  } catch (error) {
    log.error({ err: asError(error) }, failure);
    await apologize(APOLOGY).catch((apologyError: unknown) => log.error({ err: asError(apologyError) }, 'posting the apology failed too'));
  }
}

/** An apology in place of `reply`, as a note as visible as that reply would have been (only to the asker after silence). */
export function apologyFor(reply: Reply, text: string): Extract<Reply, { kind: 'note' }> {
  return { kind: 'note', visibility: reply.kind === 'silent' ? 'private' : reply.visibility, text, problem: true };
}
