import { describe, expect, it } from 'vitest';
import { cutAtLine, cutBetween } from '../../src/chat/truncate.js';

const code = (open: string, close: string) => ['intro', open, ...Array.from({ length: 60 }, (_, i) => `code line ${i}`), close, 'after'].join('\n');

describe('cutAtLine closes every fence kind with its own kind', () => {
  it.each([
    ['```', '```'],
    ['~~~', '~~~'],
    ['````ts', '````'],
    ['~~~~', '~~~~'],
  ])('%s … %s', (open, close) => {
    const out = cutAtLine(code(open, close), 200);
    expect(out.length).toBeLessThanOrEqual(200);
    const closer = open.replace(/[a-z]+$/, '');
    expect(out.endsWith(`\n${closer}\n…`)).toBe(true);
  });

  it('treats a shorter or other-kind fence inside a block as code, not as its end', () => {
    const text = ['~~~~', 'a', '```', 'b', '~~~', ...Array.from({ length: 40 }, (_, i) => `c${i}`), '~~~~'].join('\n');
    expect(cutAtLine(text, 60).endsWith('\n~~~~\n…')).toBe(true);
  });

  it('adds no closer when the cut falls after a closed block', () => {
    const text = ['~~~', 'x', '~~~', ...Array.from({ length: 40 }, (_, i) => `plain line ${i}`)].join('\n');
    const out = cutAtLine(text, 80);
    expect(out.match(/~~~/g)).toHaveLength(2);
    expect(out.endsWith('\n…')).toBe(true);
  });
});

describe('cutBetween keeps a head and a tail and cuts what is between them', () => {
  const body = Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n');

  it('cuts the body at a line to the room the head and tail leave', () => {
    const out = cutBetween('HEAD', body, 'TAIL', 100);
    expect(out.length).toBeLessThanOrEqual(100);
    expect(out.startsWith('HEAD\nline 0\n')).toBe(true);
    expect(out.endsWith('\n…\nTAIL')).toBe(true);
  });

  it('leaves out empty pieces without blank lines, and keeps what fits as it is', () => {
    expect(cutBetween('HEAD', '', 'TAIL', 100)).toBe('HEAD\nTAIL');
    expect(cutBetween('', 'short', '', 100)).toBe('short');
    expect(cutBetween('HEAD', 'a\nb', '', 100)).toBe('HEAD\na\nb');
  });
});
