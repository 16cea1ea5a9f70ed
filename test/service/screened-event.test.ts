import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { screenEvent } from '../../src/service/screened-event.js';

describe('screenEvent', () => {
  it('lets the listeners already there hear only what is admitted, in their order, with all the arguments', () => {
    const emitter = new EventEmitter();
    const heard: string[] = [];
    emitter.on('message', (text: string, n: number) => heard.push(`first ${text} ${n}`));
    emitter.on('message', (text: string) => heard.push(`second ${text}`));
    emitter.on('other', () => heard.push('other'));
    screenEvent(emitter, 'message', (text) => text !== 'bad', () => undefined);
    emitter.emit('message', 'good', 1);
    emitter.emit('message', 'bad', 2);
    emitter.emit('other');
    expect(heard).toEqual(['first good 1', 'second good', 'other']);
    expect(emitter.listenerCount('message')).toBe(1);
  });

  it('hands a listener’s rejection to `failed` and still calls the others', async () => {
    const emitter = new EventEmitter();
    const failures: unknown[] = [];
    const heard: string[] = [];
    emitter.on('message', async () => Promise.reject(new Error('cannot handle')));
    emitter.on('message', () => heard.push('second'));
    screenEvent(emitter, 'message', () => true, (error) => failures.push(error));
    emitter.emit('message');
    await new Promise((resolve) => setImmediate(resolve));
    expect(heard).toEqual(['second']);
    expect(failures).toEqual([new Error('cannot handle')]);
  });
});
