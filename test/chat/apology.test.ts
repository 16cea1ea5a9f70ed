import { describe, expect, it } from 'vitest';
import { apologyFor, sendOrApologize } from '../../src/chat/apology.js';
import { APOLOGY } from '../../src/chat/wording.js';
import { capturingLogger } from '../capturing-logger.js';

describe('sendOrApologize', () => {
  it('sends, and apologises for nothing when sending works', async () => {
    const { logger, lines } = capturingLogger();
    const apologies: string[] = [];
    await sendOrApologize(logger, 'posting failed', async (text) => apologies.push(text), async () => 'sent');
    expect(apologies).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('logs a failed send and says sorry in the shared words', async () => {
    const { logger, lines } = capturingLogger();
    const apologies: string[] = [];
    await sendOrApologize(logger, 'posting failed', async (text) => apologies.push(text), () => Promise.reject(new Error('boom')));
    expect(apologies).toEqual([APOLOGY]);
    expect(lines).toEqual([expect.objectContaining({ level: 50, msg: 'posting failed', err: expect.objectContaining({ message: 'boom' }) })]);
  });

  it('logs a failed apology too, and never throws', async () => {
    const { logger, lines } = capturingLogger();
    const failing = sendOrApologize(logger, 'posting failed', () => Promise.reject(new Error('still down')), () => Promise.reject(new Error('boom')));
    await expect(failing).resolves.toBeUndefined();
    expect(lines.map((line) => line.msg)).toEqual(['posting failed', 'posting the apology failed too']);
  });
});

describe('apologyFor', () => {
  it('apologises as visibly as the reply would have been shown', () => {
    const help = apologyFor({ kind: 'help', visibility: 'public', text: 'ask', examples: [] }, APOLOGY);
    expect(help).toEqual({ kind: 'note', visibility: 'public', text: APOLOGY, problem: true });
    const note = apologyFor({ kind: 'note', visibility: 'private', text: 'no' }, 'sorry');
    expect(note).toEqual({ kind: 'note', visibility: 'private', text: 'sorry', problem: true });
  });

  it('apologises to the asker alone in place of silence', () => {
    expect(apologyFor({ kind: 'silent' }, 'sorry').visibility).toBe('private');
  });
});
