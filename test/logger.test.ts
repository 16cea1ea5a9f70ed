import { describe, expect, it } from 'vitest';
import { consoleStyle } from '../src/logger.js';
import { capturingLogger } from './capturing-logger.js';

describe('consoleStyle', () => {
  it('joins console-style parts into one message at its level, with an Error among them as err', () => {
    const { logger, lines } = capturingLogger();
    const log = consoleStyle(logger);
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    log.warn('socket', { attempt: 2 }, new Error('closed'));
    log.debug('plain', 7, circular);
    expect(lines).toEqual([
      expect.objectContaining({ level: 40, msg: 'socket {"attempt":2} closed', err: expect.objectContaining({ message: 'closed' }) }),
      expect.objectContaining({ level: 20, msg: 'plain 7 [object Object]' }),
    ]);
  });
});
