import { describe, expect, it } from 'vitest';
import { cutAtLine, cutText } from '../../src/chat/truncate.js';
import { escapeMrkdwn, markdownToMrkdwn } from '../../src/adapters/slack/mrkdwn.js';
import { dedent } from '../../src/render/markdown.js';
import { renderAnswer, renderReply } from '../../src/adapters/slack/render.js';
import { voteSubject } from '../../src/chat/votes.js';
import { citationLabel } from '../../src/chat/wording.js';
import { questionFromSlack } from '../../src/adapters/slack/slack-text.js';
import type { ShownAnswer } from '../../src/chat/shown.js';
import { Conversation } from '../../src/chat/conversation.js';
import { silentLogger } from '../../src/logger.js';
import type { Answer, AskService, Citation } from '../../src/types.js';

describe('markdownToMrkdwn', () => {
  it.each([
    ['**bold** and __strong__', '*bold* and *strong*'],
    ['*em* and _em_', '_em_ and _em_'],
    ['~~gone~~', '~gone~'],
    ['[docs](https://example.com/a?b=1&c=2)', '<https://example.com/a?b=1&amp;c=2|docs>'],
    ['[a > b](https://example.com/x|y)', '<https://example.com/x%7Cy|a &gt; b>'],
    ['[relative](./other.md) and [js](javascript:alert(1))', 'relative and js'],
    ['see https://example.com/x now', 'see <https://example.com/x> now'],
    ['mail ops@example.com', 'mail <mailto:ops@example.com|ops@example.com>'],
    ['`a <b> & c`', '`a &lt;b&gt; &amp; c`'],
    ['```sh\nif [ $a < 1 ]; then\n```', '```\nif [ $a &lt; 1 ]; then\n```'],
    ['## Heading **bold** inside', '*Heading bold inside*'],
    ['- one\n  - two\n    - three\n- four', '• one\n    ◦ two\n        ▪ three\n• four'],
    ['3. c\n4. d', '3. c\n4. d'],
    ['- [x] done\n- [ ] todo', '• ☑ done\n• ☐ todo'],
    ['> quoted **text**', '> quoted *text*'],
    ['| a | b |\n|---|---|\n| 1 | 2 |', '*a* │ *b*\n1 │ 2'],
    ['<div>raw & html</div>', '&lt;div&gt;raw &amp; html&lt;/div&gt;'],
    ['ping <!channel> <!here> <@U123> <!subteam^S1|@ops>', 'ping &lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;!subteam^S1|@ops&gt;'],
    ['tell @channel and @here, not me@here.com', 'tell @\u2060channel and @\u2060here, not <mailto:me@here.com|me@here.com>'],
    ['![diagram](https://example.com/d.png)', '<https://example.com/d.png|diagram>'],
    ['[ref][1]\n\n[1]: https://example.com/ref', '<https://example.com/ref|ref>'],
    ['first\n\nsecond', 'first\n\nsecond'],
    ['line one  \nline two', 'line one\nline two'],
    ['AT&amp;T &copy; &#8594; &bogus;', 'AT&amp;T © → &amp;bogus;'],
    ['- a `code span\n  over lines`\n  and more', '• a `code span over lines`\n  and more'],
  ])('%j → %j', (markdown, expected) => {
    expect(markdownToMrkdwn(markdown)).toBe(expected);
  });

  it('marks highlighted words in bold, whole words only, case-insensitively', () => {
    expect(markdownToMrkdwn('Fargate runs pods; fargates and Fargate-hosted too.', ['fargate'])).toBe(
      '*Fargate* runs pods; fargates and *Fargate*-hosted too.',
    );
  });

  it('marks a run of highlighted words as one bold span', () => {
    expect(markdownToMrkdwn('- Deamon sets and stateful apps', ['Deamon', 'sets', 'apps'])).toBe('• *Deamon sets* and stateful *apps*');
  });

  it('does not mark inside code, links or text that is already bold', () => {
    const out = markdownToMrkdwn('**EKS nodes** and `EKS` and [EKS docs](https://example.com) and EKS', ['EKS']);
    expect(out).toBe('*EKS nodes* and `EKS` and <https://example.com|EKS docs> and *EKS*');
  });

  it('does not mark a highlighted word inside an angle-bracket span', () => {
    expect(markdownToMrkdwn('tell <!channel> in channel', ['channel'])).toBe('tell &lt;!channel&gt; in *channel*');
  });

  it('treats highlight words as text, not patterns, and escapes them', () => {
    expect(markdownToMrkdwn('use c++ or a<b', ['c++', 'a<b', '.*'])).toBe('use *c++* or *a&lt;b*');
  });

  it('reads a quote cut from inside a nested list as a list, not as code', () => {
    const quote = ['      - **1 node per pod**', '        - Deamon sets', '  - Control plane is **NOT** free'].join('\n');
    expect(markdownToMrkdwn(quote)).toBe('• *1 node per pod*\n    ◦ Deamon sets\n• Control plane is *NOT* free');
  });
});

describe('dedent', () => {
  it('shifts by the smallest indent seen so far', () => {
    expect(dedent('    a\n      b\n  c\n    d')).toBe('a\n  b\nc\n  d');
  });
});

describe('escapeMrkdwn', () => {
  it('escapes &, <, > and defuses broadcasts', () => {
    expect(escapeMrkdwn('<!everyone> & @everyone > 1')).toBe('&lt;!everyone&gt; &amp; @\u2060everyone &gt; 1');
  });
});

describe('limits', () => {
  const lines = Array.from({ length: 200 }, (_, i) => `• line ${i} with some words`).join('\n');

  it('leaves short text alone', () => {
    expect(cutAtLine('a\nb', 10)).toBe('a\nb');
  });

  it('cuts at a line boundary and ends with …', () => {
    const out = cutAtLine(lines, 3000);
    expect(out.length).toBeLessThanOrEqual(3000);
    expect(out.endsWith('\n…')).toBe(true);
    for (const line of out.split('\n').slice(0, -1)) expect(line).toMatch(/^• line \d+ with some words$/);
  });

  it('closes a code fence left open by the cut', () => {
    const code = `intro\n\`\`\`\n${Array.from({ length: 100 }, (_, i) => `code line ${i}`).join('\n')}\n\`\`\``;
    const out = cutAtLine(code, 300);
    expect(out.length).toBeLessThanOrEqual(300);
    expect(out.endsWith('```\n…')).toBe(true);
    expect((out.match(/```/g) ?? []).length % 2).toBe(0);
  });

  it('cuts a single long line without splitting a link or an entity', () => {
    const text = `${'word '.repeat(10)}<https://example.com/very/long|label> &amp; more`;
    for (let max = 20; max < text.length; max += 1) {
      const out = cutText(text, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out.endsWith('…')).toBe(true);
      expect(out).not.toMatch(/<[^>]*$/);
      expect(out).not.toMatch(/&[a-z]*…$/);
    }
  });
});

describe('questionFromSlack', () => {
  it.each([
    ['<@UBOT1> how do we deploy?', 'how do we deploy?'],
    ['<@UBOT1|lore>   what   about <#C123|ops>?', 'what about #ops?'],
    ['<!channel> <!here|here> and <@U999|bob> &amp; <https://x.y|the docs> &lt;3', '@channel @here and @bob & the docs <3'],
    ['<mailto:a@b.c|a@b.c> <https://x.y/z>', 'a@b.c https://x.y/z'],
    ['<@UBOT1> :thinking_face: does fargate support daemonsets? :pray::skin-tone-2:', 'does fargate support daemonsets?'],
    ['<@U999> asked: is the ECS control plane free :eyes:?', 'asked: is the ECS control plane free ?'],
    ['arn:aws:iam::123:role at 10:30:45', 'arn:aws:iam::123:role at 10:30:45'],
  ])('%j → %j', (text, expected) => {
    expect(questionFromSlack(text, 'UBOT1')).toBe(expected);
  });
});

const citation = (overrides: Partial<Citation> = {}): Citation => ({
  file: 'ops/deploys.md',
  startLine: 12,
  endLine: 18,
  section: 'Deploys › Rollback',
  snippet: 'x',
  score: 1,
  ...overrides,
});

const answer = (overrides: Partial<Answer> = {}): Answer => ({
  question: 'how do I roll back?',
  found: true,
  text: 'Run **rollback**.',
  quote: ['Run **rollback**.'],
  highlights: ['rollback'],
  citations: [citation({ url: 'https://notes.example.com/ops/deploys.md#L12-L18' }), citation({ file: 'a.md', startLine: 3, endLine: 3, section: '' })],
  lookedFor: ['roll back'],
  ...overrides,
});

interface Shown extends Partial<Omit<ShownAnswer, 'reply' | 'id'>> {
  audience?: 'public' | 'private';
}

const shown = (a: Answer, { audience = 'public', ...overrides }: Shown = {}): ShownAnswer => ({
  id: 'id1',
  reply: { kind: 'answer', visibility: audience, answer: a, examples: [], share: audience === 'private', vote: voteSubject(a) },
  echoQuestion: false,
  votes: new Map(),
  ...overrides,
});

function texts(blocks: unknown[]): string[] {
  return JSON.stringify(blocks).match(/"text":"(?:[^"\\]|\\.)*"/g) ?? [];
}

describe('renderAnswer', () => {
  it('renders quote, linked citation, see also, looked-for and vote buttons', () => {
    const { blocks, text } = renderAnswer(shown(answer()));
    const all = JSON.stringify(blocks);
    expect(all).toContain('Run *rollback*.');
    expect(all).toContain('<https://notes.example.com/ops/deploys.md#L12-L18|ops/deploys.md › Deploys › Rollback · L12–18>');
    expect(all).toContain('See also: a.md · L3');
    expect(all).toContain('Looked for: roll back');
    expect(all).toContain('lore_vote_up');
    expect(all).not.toContain('lore_share');
    expect(text).toContain('ops/deploys.md › Deploys › Rollback · L12–18');
  });

  it('offers sharing on private answers and says who asked on shared ones', () => {
    expect(JSON.stringify(renderAnswer(shown(answer(), { audience: 'private', echoQuestion: true })).blocks)).toContain('lore_share');
    const shared = JSON.stringify(renderAnswer(shown(answer(), { askedBy: 'U123ABC', echoQuestion: true })).blocks);
    expect(shared).toContain('<@U123ABC> asked: how do I roll back?');
    const forged = JSON.stringify(renderAnswer(shown(answer(), { askedBy: '!channel', echoQuestion: true })).blocks);
    expect(forged).toContain('Someone asked:');
    expect(forged).not.toContain('<!channel');
  });

  it('lists the closest notes when nothing was found, and nothing when there are none', () => {
    const notFound = answer({ found: false, text: "I couldn't find <that>.", quote: [], highlights: [], reason: 'no-match' });
    const withClosest = JSON.stringify(renderAnswer(shown(notFound)).blocks);
    expect(withClosest).toContain("I couldn't find &lt;that&gt;.");
    expect(withClosest).toContain('*Closest notes:*\\n• <https://notes.example.com');
    expect(JSON.stringify(renderAnswer(shown({ ...notFound, citations: [] })).blocks)).not.toContain('Closest notes');
    expect(withClosest).toContain('Looked for: roll back');
    const named = renderAnswer(shown({ ...notFound, text: "I couldn't find it. I looked for: roll back." })).blocks;
    expect(JSON.stringify(named)).not.toContain('Looked for: roll back');
  });

  it("quotes the closest note's lines under an answer that found nothing for want of confidence", () => {
    const near = citation({ snippet: 'Use **awsvpc** mode <now>\neach task gets its own ENI' });
    const weak = answer({ found: false, text: "I couldn't find an answer in the notes.", quote: [], highlights: [], reason: 'low-confidence', citations: [near, citation({ file: 'a.md', startLine: 3, endLine: 3, section: '' })] });
    const blocks = JSON.stringify(renderAnswer(shown(weak)).blocks);
    expect(blocks).toContain('*Closest lines (they may not answer it):* ops/deploys.md › Deploys › Rollback · L12–18');
    expect(blocks).toContain('\\n> Use *awsvpc* mode &lt;now&gt;\\n> each task gets its own ENI');
    expect(blocks).toContain('*Closest notes:*\\n• a.md · L3');
    expect(JSON.stringify(renderAnswer(shown({ ...weak, reason: 'no-match' })).blocks)).not.toContain('Closest lines');
  });

  it('stays within Slack limits for huge quotes, long lines and long questions', () => {
    const huge = answer({
      question: 'q'.repeat(5000),
      quote: [`${'x&'.repeat(4000)}`, ...Array.from({ length: 400 }, (_, i) => `- item ${i} <!here>`)],
      highlights: ['item'],
    });
    for (const audience of ['private', 'public'] as const) {
      const { blocks, text } = renderAnswer(shown(huge, { audience, echoQuestion: true }));
      expect(blocks.length).toBeLessThanOrEqual(50);
      for (const t of texts(blocks)) expect(JSON.parse(`{${t}}`).text.length).toBeLessThanOrEqual(3000);
      expect(text.length).toBeLessThanOrEqual(3000);
      expect(JSON.stringify(blocks)).not.toContain('<!here');
    }
  });

  it('shows the vote tally on public answers and the own vote on private ones', () => {
    const votes = new Map([['U1', 'up' as const], ['U2', 'up' as const], ['U3', 'down' as const]]);
    expect(JSON.stringify(renderAnswer(shown(answer(), { votes })).blocks)).toContain('Feedback: 👍 2  ·  👎 1');
    expect(JSON.stringify(renderAnswer(shown(answer(), { audience: 'private', votes: new Map([['U1', 'down']]) })).blocks)).toContain(
      'You voted 👎',
    );
  });
});

describe('citationLabel', () => {
  it('formats file › section · lines', () => {
    expect(citationLabel(citation())).toBe('ops/deploys.md › Deploys › Rollback · L12–18');
    expect(citationLabel(citation({ section: '', startLine: 5, endLine: 5 }))).toBe('ops/deploys.md · L5');
  });
});

describe('renderHelp', () => {
  it('escapes example questions', () => {
    const help = renderReply({ kind: 'help', visibility: 'private', text: 'Ask me.', examples: ['a <b> & `c`?'] }, { conversation: new Conversation({ service: {} as AskService, logger: silentLogger() }), command: '/ask' }, { echo: false });
    expect(JSON.stringify(help.blocks)).toContain("`/ask a &lt;b&gt; &amp; 'c'?`");
  });
});
