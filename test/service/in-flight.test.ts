import { describe, expect, it } from 'vitest';
import { InFlight, whenSlow } from '../../src/service/in-flight.js';
import { settlesWithin } from '../../src/settles-within.js';

const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('settlesWithin', () => {
  it('says whether a promise settles in time, rejections included, and never rejects', async () => {
    expect(await settlesWithin(after(5, 'x'), 200)).toBe(true);
    expect(await settlesWithin(after(200, 'x'), 5)).toBe(false);
    expect(await settlesWithin(Promise.reject(new Error('no')), 50)).toBe(true);
  });
});

describe('whenSlow', () => {
  it('runs nothing meanwhile when the work is quick', async () => {
    const meanwhile: string[] = [];
    expect(await whenSlow(after(5, 'answer'), 200, async () => void meanwhile.push('typing'))).toBe('answer');
    expect(meanwhile).toEqual([]);
  });

  it('runs and waits for `meanwhile` before the slow work’s result, which it then passes on', async () => {
    const order: string[] = [];
    const work = after(60, 'answer').then((value) => (order.push('answered'), value));
    const result = await whenSlow(work, 5, async () => void order.push('deferred'));
    expect(result).toBe('answer');
    expect(order).toEqual(['deferred', 'answered']);
  });

  it('rejects as the work does', async () => {
    await expect(whenSlow(Promise.reject(new Error('engine down')), 50, async () => undefined)).rejects.toThrow('engine down');
  });
});

describe('InFlight', () => {
  it('is idle once everything tracked has settled, failures included', async () => {
    const inFlight = new InFlight();
    void inFlight.track(after(20, 1));
    inFlight.track(Promise.reject(new Error('x'))).catch(() => undefined);
    expect(inFlight.size).toBe(2);
    expect(await inFlight.idle(1000)).toBe(true);
    expect(inFlight.size).toBe(0);
  });
});
