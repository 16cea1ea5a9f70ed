import { describe, expect, it } from 'vitest';
import { answerButtons, layoutAnswer } from '../../src/chat/layout.js';
import type { Answer, Citation } from '../../src/types.js';

const cite = (file: string, extra: Partial<Citation> = {}): Citation => ({ file, section: '', startLine: 1, endLine: 2, snippet: '', score: 1, ...extra });
const answer = (overrides: Partial<Answer>): Answer => ({ question: 'q?', found: true, text: 'x', quote: ['x'], highlights: [], citations: [], lookedFor: ['rollback'], ...overrides });

describe('layoutAnswer', () => {
  it('shows a found answer with its source, the other citations as see-also, no examples, and what it looked for', () => {
    const layout = layoutAnswer(answer({ citations: [cite('a.md'), cite('b.md')] }), ['ignored?']);
    expect(layout).toEqual({ source: cite('a.md'), more: { title: 'See also', citations: [cite('b.md')] }, examples: [], lookedFor: ['rollback'] });
  });

  it('shows the closest notes and examples when nothing was found, and the words looked for only when the sentence does not name them', () => {
    const notFound = answer({ found: false, text: "I couldn't find anything.", citations: [cite('near.md')] });
    expect(layoutAnswer(notFound, ['how to deploy?'])).toEqual({ more: { title: 'Closest notes', citations: [cite('near.md')] }, examples: ['how to deploy?'], lookedFor: ['rollback'] });
    expect(layoutAnswer({ ...notFound, text: "I couldn't find RollBack." }).lookedFor).toEqual([]);
  });

  it("shows the closest note's own lines when nothing was found for want of confidence, and lists the others", () => {
    const near = cite('net.md', { snippet: 'each task gets its own **ENI**' });
    const weak = answer({ found: false, text: "I couldn't find an answer in the notes.", citations: [near, cite('b.md')], reason: 'low-confidence' });
    expect(layoutAnswer(weak)).toMatchObject({ closest: near, more: { title: 'Closest notes', citations: [cite('b.md')] } });
    // No lines to show, or no match at all: the closest notes are only listed.
    expect(layoutAnswer({ ...weak, citations: [cite('net.md'), cite('b.md')] }).closest).toBeUndefined();
    expect(layoutAnswer({ ...weak, reason: 'no-match' })).toMatchObject({ more: { citations: [near, cite('b.md')] } });
    expect(layoutAnswer({ ...weak, reason: 'no-match' }).closest).toBeUndefined();
  });

  it('warns when the quoted lines are old', () => {
    const old = answer({ citations: [cite('a.md', { stale: true, changed: '2020-01-01T00:00:00Z' })] });
    expect(layoutAnswer(old).stale).toMatch(/may be out of date/);
  });
});

describe('answerButtons', () => {
  it('offers Share first, as the main button, only where sharing is offered; the votes always, with their emoji', () => {
    expect(answerButtons(true).map((button) => [button.action, button.primary])).toEqual([
      ['share', true],
      ['up', false],
      ['down', false],
    ]);
    expect(answerButtons(false).map((button) => `${button.emoji} ${button.label}`)).toEqual(['👍 Helpful', '👎 Not helpful']);
  });
});
