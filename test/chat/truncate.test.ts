import { describe, expect, it } from 'vitest';
import { cutAtLine } from '../../src/chat/truncate.js';

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
