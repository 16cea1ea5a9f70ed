import { describe, expect, it } from 'vitest';
import { DISCORD } from '../../src/adapters/discord/markdown.js';
import { MRKDWN } from '../../src/adapters/slack/mrkdwn.js';
import { GAPS_FOOTER } from '../../src/chat/wording.js';
import {
  QUESTION_ECHO,
  answerParts,
  citationLink,
  citationWithAge,
  gapsReport,
  questionEcho,
  quoteFor,
  renderReply,
  type ReplyRenderer,
} from '../../src/render/chat-parts.js';
import type { Answer, Citation, KnowledgeGap } from '../../src/types.js';

const gap: KnowledgeGap = {
  question: 'who owns <!here> *billing*?',
  variants: ['billing owner'],
  count: 3,
  unanswered: 2,
  downvotes: 1,
  closest: [{ file: 'team/billing.md', times: 2 }],
  lastAt: new Date('2026-03-04T10:00:00Z'),
};

describe('the gaps report in each dialect', () => {
  it('writes the same parts with Slack markup, escaping the asked question', () => {
    const report = gapsReport([gap, gap], MRKDWN);
    expect(report.heading).toMatch(/^\*Top 2 knowledge gaps in this channel\*: questions/);
    expect(report.gaps).toHaveLength(2);
    expect(report.gaps[0]).toBe(
      [
        '*1.* who owns &lt;!here&gt; *billing*?',
        '3 times: 2 unanswered, 1 👎 · last 2026-03-04',
        '_Also asked as:_ “billing owner”',
        '_Closest notes:_ `team/billing.md` (2×)',
      ].join('\n'),
    );
    expect(report.footer).toBe(GAPS_FOOTER);
  });

  it('writes the same parts with Discord markup, escaping the asked question', () => {
    expect(gapsReport([gap], DISCORD).heading).toMatch(/^\*\*Top 1 knowledge gap in this channel\*\*: questions/);
    const lines = gapsReport([gap, gap], DISCORD).gaps[1]?.split('\n');
    expect(lines?.[0]).toBe('**2.** who owns <!here\\> \\*billing\\*?');
    expect(lines?.[3]).toBe('*Closest notes:* `team/billing.md` (2×)');
    expect(gapsReport([gap], DISCORD).footer).toBe(GAPS_FOOTER);
  });
});

describe('quoteFor', () => {
  const answer = (quote: string[]): Answer => ({ question: 'q', found: true, text: quote.join('\n'), quote, highlights: ['b'], citations: [], lookedFor: [] });

  it('renders only the lines that fit and says when some were left out', () => {
    const quote = Array.from({ length: 100 }, (_, i) => `- item ${i} b`);
    const out = quoteFor(answer(quote), (markdown, highlights) => `${highlights.join()}:${markdown}`, 50);
    expect(out.length).toBeLessThanOrEqual(50);
    expect(out.startsWith('b:- item 0 b\n')).toBe(true);
    expect(out.endsWith('\n…')).toBe(true);
  });

  it('shows an ellipsis rather than nothing when the quote renders empty', () => {
    expect(quoteFor(answer(['[x]: https://example.com']), () => '', 50)).toBe('…');
  });
});

describe('answerParts', () => {
  const cite = (file: string, extra: Partial<Citation> = {}): Citation => ({ file, section: '', startLine: 1, endLine: 2, snippet: '', score: 1, ...extra });
  const writing = (quoteMax: number) => ({ dialect: MRKDWN, markdown: (markdown: string) => `[${markdown}]`, quoteMax });
  const base: Answer = { question: 'q?', found: true, text: 'a <b>', quote: ['x', 'y'], highlights: [], citations: [], lookedFor: ['a_b'] };

  it('writes a found answer: its quote cut to the room given, its source and the other notes linked with their age', () => {
    const changed = new Date(Date.now() - 100 * 24 * 3600 * 1000).toISOString();
    const source = cite('a.md', { url: 'https://h/a', changed });
    const quote = Array.from({ length: 50 }, (_, i) => `line ${i}`);
    const parts = answerParts({ ...base, quote, citations: [source, cite('<b>.md')] }, ['ignored'], writing(40));
    expect(parts.found?.citation).toBe(source);
    expect(parts.found?.quote.length).toBeLessThanOrEqual(40);
    expect(parts.found?.quote.startsWith('[line 0\nline 1')).toBe(true);
    expect(parts.found?.source).toBe('<https://h/a|a.md · L1–2> _(updated 3 months ago)_');
    expect(parts.more).toEqual(['&lt;b&gt;.md · L1–2']);
    expect(parts.layout.more.title).toBe('See also');
    expect(parts.examples).toEqual([]);
    expect(parts.lookedFor).toEqual(['a_b']);
  });

  it('writes an answer that found nothing: its sentence, the closest notes and the examples, all escaped in the dialect', () => {
    const parts = answerParts({ ...base, found: false, citations: [cite('near.md')] }, ['why <x>?'], writing(100));
    expect(parts.found).toBeUndefined();
    expect(parts.text).toBe('a &lt;b&gt;');
    expect(parts.layout.more.title).toBe('Closest notes');
    expect(parts.more).toEqual(['near.md · L1–2']);
    const inDiscord = answerParts({ ...base, found: false }, ['why <x>?'], { ...writing(100), dialect: DISCORD });
    expect(inDiscord).toMatchObject({ examples: ['why <x\\>?'], lookedFor: ['a\\_b'] });
  });

  it("writes the closest note's lines in the dialect, cut at a line, when nothing was found for want of confidence", () => {
    const long = Array.from({ length: 60 }, (_, i) => `line ${i} <x>`).join('\n');
    const parts = answerParts({ ...base, found: false, reason: 'low-confidence', citations: [cite('near <1>.md', { snippet: long }), cite('b.md')] }, [], writing(100));
    expect(parts.closest?.citation).toBe('near &lt;1&gt;.md · L1–2');
    // Set as a block quote in the dialect, each line after its prefix.
    expect(parts.closest?.lines.startsWith('> [line 0 <x>\n> line 1')).toBe(true);
    expect(parts.closest?.lines.split('\n').every((line) => line.startsWith('> '))).toBe(true);
    expect(parts.closest?.lines.replace(/^> /gm, '').length).toBeLessThanOrEqual(400);
    expect(parts.more).toEqual(['b.md · L1–2']);
    expect(answerParts({ ...base, found: false, citations: [cite('near.md', { snippet: 'x' })] }, [], writing(100)).closest).toBeUndefined();
  });

  it('escapes the warning that the quoted lines are old', () => {
    const old = cite('a.md', { stale: true, changed: '2020-01-01T00:00:00Z' });
    const parts = answerParts({ ...base, citations: [old] }, [], { ...writing(100), dialect: DISCORD });
    expect(parts.stale).toMatch(/may be out of date/);
    expect(answerParts({ ...base, citations: [cite('a.md')] }, [], writing(100)).stale).toBeUndefined();
  });
});

describe('questionEcho', () => {
  it('tells the asker alone what they asked, in bold in the dialect, and escapes the question', () => {
    expect(questionEcho('is <!here> ok?', 'private', '<@U1>', MRKDWN)).toBe('*You asked:* is &lt;!here&gt; ok?');
    expect(questionEcho('is *this* ok?', 'private', undefined, DISCORD)).toBe('**You asked:** is \\*this\\* ok?');
  });

  it('says who asked on a public answer, or someone when the platform cannot name them', () => {
    expect(questionEcho('ok?', 'public', '<@U1>', MRKDWN)).toBe('<@U1> asked: ok?');
    expect(questionEcho('ok?', 'public', undefined, MRKDWN)).toBe('Someone asked: ok?');
  });

  it('shows only the start of a long question', () => {
    const echo = questionEcho('x'.repeat(2 * QUESTION_ECHO), 'public', undefined, MRKDWN);
    expect(echo.length).toBeLessThanOrEqual('Someone asked: '.length + QUESTION_ECHO);
    expect(echo.endsWith('…')).toBe(true);
  });
});

describe('citationLink', () => {
  const citation = { file: 'ops/a_b.md', section: 'Deploy', startLine: 3, endLine: 4, url: 'https://notes.example.com/a?x=1&y=(2)' };

  it('links the label in each dialect, escaped for it', () => {
    expect(citationLink(citation, MRKDWN)).toBe('<https://notes.example.com/a?x=1&amp;y=(2)|ops/a_b.md › Deploy · L3–4>');
    expect(citationLink(citation, DISCORD)).toBe('[ops/a\\_b.md › Deploy · L3–4](https://notes.example.com/a?x=1&y=(2%29)');
  });

  it('says how long ago the lines changed, where that is known, in each dialect', () => {
    const changed = new Date(Date.now() - 100 * 24 * 3600 * 1000).toISOString();
    expect(citationWithAge({ ...citation, changed }, MRKDWN)).toBe(`${citationLink(citation, MRKDWN)} _(updated 3 months ago)_`);
    expect(citationWithAge({ ...citation, changed }, DISCORD)).toBe(`${citationLink(citation, DISCORD)} *(updated 3 months ago)*`);
    expect(citationWithAge(citation, DISCORD)).toBe(citationLink(citation, DISCORD));
  });

  it('leaves a label without a web address unlinked', () => {
    expect(citationLink({ ...citation, url: 'javascript:alert(1)' }, MRKDWN)).toBe('ops/a_b.md › Deploy · L3–4');
    expect(citationLink({ file: 'ops/a_b.md', section: 'Deploy', startLine: 3, endLine: 4 }, DISCORD)).toBe('ops/a\\_b.md › Deploy · L3–4');
  });
});

describe('renderReply', () => {
  const named: ReplyRenderer<string> = {
    answer: (reply) => `answer to ${reply.answer.question}`,
    help: (text, examples) => `help ${text} ${examples.join('|')}`,
    gaps: (gaps) => `${gaps.length} gaps`,
    note: (text, problem) => `note ${text} ${problem}`,
  };

  it('hands each kind of reply to the renderer for it, with what that kind carries', () => {
    const answer = { question: 'q?', found: true, text: '', quote: [], highlights: [], citations: [], lookedFor: [] } satisfies Answer;
    expect(renderReply({ kind: 'answer', visibility: 'public', answer, examples: [], share: false, vote: { question: 'q?' } }, named)).toBe('answer to q?');
    expect(renderReply({ kind: 'help', visibility: 'private', text: 'ask', examples: ['a', 'b'] }, named)).toBe('help ask a|b');
    expect(renderReply({ kind: 'gaps', visibility: 'private', gaps: [gap] }, named)).toBe('1 gaps');
    expect(renderReply({ kind: 'note', visibility: 'private', text: 'sorry', problem: true }, named)).toBe('note sorry true');
    expect(renderReply({ kind: 'note', visibility: 'private', text: 'no' }, named)).toBe('note no false');
  });
});
