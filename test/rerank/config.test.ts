import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

const load = (env: Record<string, string>) => loadConfig(env, {}, '/srv/lore');

describe('the LORE_RERANK setting', () => {
  it('is off by default, with the vectors kept in the data folder', () => {
    expect(load({}).rerank).toEqual({ mode: 'off', cacheFile: '/srv/lore/data/section-vectors.bin' });
  });

  it.each([
    ['encoder', 'encoder'],
    [' Encoder ', 'encoder'],
    ['off', 'off'],
    ['', 'off'],
  ])('reads %j as %s', (value, mode) => {
    expect(load({ LORE_RERANK: value }).rerank.mode).toBe(mode);
  });

  it('keeps the vectors beside the SQLite file when LORE_DB moves it', () => {
    expect(load({ LORE_DB: '/var/lib/lore/lore.db' }).rerank.cacheFile).toBe('/var/lib/lore/section-vectors.bin');
  });

  it('names the values it takes', () => {
    expect(() => load({ LORE_RERANK: 'bert' })).toThrow(/LORE_RERANK: must be off \(the default\) or encoder .*got "bert"/);
  });
});
