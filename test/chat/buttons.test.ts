import { describe, expect, it } from 'vitest';
import { buttonId, decodeButtonValue, encodeButtonValue, parseButtonId } from '../../src/chat/buttons.js';
import type { ShownAnswer } from '../../src/chat/shown.js';
import type { Answer } from '../../src/types.js';

const answer: Answer = { question: 'how?', found: false, text: 'Not found.', quote: [], highlights: [], citations: [], lookedFor: [] };
const shown = (citation?: string): ShownAnswer => ({
  id: '0123456789abcdef',
  reply: { kind: 'answer', visibility: 'private', answer, examples: [], share: true, vote: { question: 'how?', ...(citation !== undefined && { citation }) } },
  echoQuestion: false,
  votes: new Map(),
});

describe('roomy button values', () => {
  it('round-trip and stay under the limit even when JSON escaping doubles the question', () => {
    const value = { answerId: 'abc', question: 'how?', citation: 'a.md · L1' };
    expect(decodeButtonValue(encodeButtonValue(value, 2000))).toEqual(value);
    const quoted = encodeButtonValue({ answerId: 'abc', question: '"\\'.repeat(3000) }, 2000);
    expect(quoted.length).toBeLessThanOrEqual(2000);
    expect(decodeButtonValue(quoted)?.answerId).toBe('abc');
  });

  it.each([['not json'], ['null'], ['{"id":1,"q":""}'], [undefined]])('reads %s as nothing', (raw) => {
    expect(decodeButtonValue(raw)).toBeUndefined();
  });
});

describe('short button ids', () => {
  it('name the shown answer and its citation, and read back', () => {
    expect(buttonId('up', shown('a.md:3-5'), 100)).toBe('lore:vote:up:0123456789abcdef:a.md:3-5');
    expect(parseButtonId(buttonId('down', shown('a.md:3-5'), 100))).toEqual({ vote: 'down', answerId: '0123456789abcdef', citation: 'a.md:3-5' });
    expect(parseButtonId(buttonId('share', shown(), 100))).toEqual({ share: '0123456789abcdef' });
  });

  it('write `-` for an answer without a citation, and stay within the limit', () => {
    expect(buttonId('up', shown(), 100)).toBe('lore:vote:up:0123456789abcdef:-');
    expect(buttonId('up', shown(`${'x'.repeat(200)}.md:1-2`), 100)).toHaveLength(100);
  });

  it('read the citation alone from buttons of older versions, and nothing from ids lore did not write', () => {
    expect(parseButtonId('lore:vote:up:aws-containers.md#L40-41')).toEqual({ vote: 'up', citation: 'aws-containers.md#L40-41' });
    expect(parseButtonId('someone-else:up')).toBeUndefined();
  });
});
