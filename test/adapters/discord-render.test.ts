import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/adapters/discord/limits.js';
import { cutAtLine, cutText } from '../../src/chat/truncate.js';
import { escapeDiscord, toDiscordMarkdown } from '../../src/adapters/discord/markdown.js';
import { renderEmbed, renderPlainText } from '../../src/adapters/discord/render.js';
import { citationLabel } from '../../src/chat/wording.js';
import type { Answer, Citation } from '../../src/types.js';

describe('toDiscordMarkdown', () => {
  it.each([
    ['keeps bold, italics, strike and inline code', 'Use **bold**, *it*, ~~old~~ and `npm start`', 'Use **bold**, *it*, ~~old~~ and `npm start`'],
    ['turns headings into bold lines', '## Deploying', '**Deploying**'],
    ['keeps nested bullets with their indentation', '- a\n  - b\n    - c', '- a\n  - b\n    - c'],
    ['numbers ordered lists from their start', '3. three\n4. four', '3. three\n4. four'],
    ['shows task boxes', '- [x] done\n- [ ] todo', '- ☑ done\n- ☐ todo'],
    ['keeps fenced code with its language, unescaped', '```ts\nconst a_b = 1 * 2;\n```', '```ts\nconst a_b = 1 * 2;\n```'],
    ['keeps links as masked links', 'See [the docs](https://example.com/a_b)', 'See [the docs](https://example.com/a_b)'],
    ['drops links that are not http(s)', 'See [local](./other.md)', 'See local'],
    ['escapes markup characters in plain text', 'snake_case and 2*3 | pipes', 'snake\\_case and 2\\*3 \\| pipes'],
    ['escapes mention syntax so it shows as text', 'ping <@123> and <@&456> or <#789>', 'ping \\<@123\\> and \\<@&456\\> or \\<\\#789\\>'],
    ['quotes block quotes', '> careful\n> now', '> careful\n> now'],
    ['renders tables as aligned code', '| a | bb |\n|---|---|\n| 1 | 2 |', '```\na | bb\n--|---\n1 | 2\n```'],
    ['removes indentation shared by every line of a quote cut from a nested list', '    - deep\n      - deeper', '- deep\n  - deeper'],
    ['keeps a hard line break', 'one  \ntwo', 'one\ntwo'],
    ['decodes character references before escaping', 'AT&amp;T &lt;@123&gt;', 'AT&T \\<@123\\>'],
  ])('%s', (_name, markdown, expected) => {
    expect(toDiscordMarkdown(markdown)).toBe(expected);
  });

  it('bolds highlighted whole words, case-insensitively, but not inside code, links or bold text', () => {
    const markdown = 'Fargate runs pods; **fargate** too. `fargate` [fargate](https://x.example) fargates';
    expect(toDiscordMarkdown(markdown, ['fargate', 'Pods'])).toBe(
      '**Fargate** runs **pods**; **fargate** too. `fargate` [fargate](https://x.example) fargates',
    );
  });

  it('neutralises a ``` inside code so the block cannot be closed early', () => {
    expect(toDiscordMarkdown('~~~\na ``` b\n~~~')).toBe('```\na `\u200b`` b\n```');
  });

  it('escapes @everyone-adjacent markup but leaves the words readable', () => {
    expect(escapeDiscord('# not a heading\n- not a list\n> not a quote')).toBe('\\# not a heading\n\\- not a list\n\\> not a quote');
  });
});

describe('cutAtLine / cutText', () => {
  it('returns short text unchanged', () => {
    expect(cutAtLine('a\nb', 10)).toBe('a\nb');
  });

  it('cuts at a line boundary and ends with an ellipsis line', () => {
    const text = Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n');
    const cut = cutAtLine(text, 40);
    expect(cut.length).toBeLessThanOrEqual(40);
    expect(cut.endsWith('\n…')).toBe(true);
    for (const line of cut.split('\n').slice(0, -1)) expect(text.split('\n')).toContain(line);
  });

  it('closes a code block left open by the cut', () => {
    const text = ['intro', '```', ...Array.from({ length: 40 }, (_, i) => `code ${i}`), '```'].join('\n');
    const cut = cutAtLine(text, 60);
    expect(cut.length).toBeLessThanOrEqual(60);
    expect(cut.match(/```/g)).toHaveLength(2);
    expect(cut.endsWith('```\n…')).toBe(true);
  });

  it('cuts a single over-long line at a word boundary', () => {
    const cut = cutAtLine('word '.repeat(100), 23);
    expect(cut).toBe('word word word word…');
    expect(cutText('abcdefghij', 5)).toBe('abcd…');
  });

  it.each([1, 2, 10, 100, 999])('never exceeds the limit (%i)', (max) => {
    const text = Array.from({ length: 300 }, (_, i) => `${'x'.repeat(i % 37)} ${i}`).join('\n');
    expect(cutAtLine(text, max).length).toBeLessThanOrEqual(max);
  });
});

const citation = (file: string, start: number, end: number, section = '', url?: string): Citation => ({
  file,
  startLine: start,
  endLine: end,
  section,
  snippet: '',
  score: 1,
  ...(url && { url }),
});

function found(quote: string[], citations: Citation[]): Answer {
  return { question: 'q', found: true, text: quote.join('\n'), quote, highlights: [], citations, lookedFor: ['q'] };
}

describe('render', () => {
  it('labels a citation as file › section · L12–18 (one line: L12)', () => {
    expect(citationLabel(citation('a.md', 12, 18, 'Deploy › Rollback'))).toBe('a.md › Deploy › Rollback · L12–18');
    expect(citationLabel(citation('a.md', 3, 3))).toBe('a.md · L3');
  });

  it('links the title when the citation has a URL and lists see-also as links', () => {
    const embed = renderEmbed(found(['x'], [citation('a.md', 1, 2, 'S', 'https://h/a.md#L1'), citation('b_c.md', 5, 6, '', 'https://h/b')]));
    expect(embed.url).toBe('https://h/a.md#L1');
    expect(embed.fields).toEqual([{ name: 'See also', value: '[b\\_c.md · L5–6](https://h/b)' }]);
  });

  it('keeps a huge answer with long citations within every embed limit', () => {
    const quote = Array.from({ length: 2000 }, (_, i) => `- line ${i} ${'word '.repeat(i % 20)}`);
    const long = 'deep/'.repeat(100);
    const answer = found(quote, [citation(`${long}a.md`, 1, 9, 'S '.repeat(300)), citation(`${long}b.md`, 1, 2), citation(`${long}c.md`, 3, 4)]);
    answer.lookedFor = Array.from({ length: 500 }, (_, i) => `term${i}`);
    const embed = renderEmbed(answer);
    expect(embed.title?.length).toBeLessThanOrEqual(LIMITS.title);
    expect(embed.description?.length).toBeLessThanOrEqual(LIMITS.description);
    expect(embed.footer?.text.length).toBeLessThanOrEqual(LIMITS.footer);
    for (const field of embed.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    const total =
      (embed.title?.length ?? 0) +
      (embed.description?.length ?? 0) +
      (embed.footer?.text.length ?? 0) +
      (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(embed.description?.endsWith('\n…')).toBe(true);
  });

  it('keeps the plain-text fallback within 2,000 characters with the citation first', () => {
    const quote = Array.from({ length: 500 }, (_, i) => `- item ${i}`);
    const text = renderPlainText(found(quote, [citation('a.md', 1, 500, 'S', 'https://h/a.md'), citation('b.md', 1, 1)]));
    expect(text.length).toBeLessThanOrEqual(LIMITS.content);
    expect(text.startsWith('**a.md › S · L1–500** <https://h/a.md>\n- item 0')).toBe(true);
    expect(text.endsWith('See also: b.md · L1')).toBe(true);
  });

  it('shortens a long source label in the plain-text fallback as it does the other labels, keeping its bold closed and its link', () => {
    const long = `${'deep/'.repeat(60)}a.md`;
    const text = renderPlainText(found(['x'], [citation(long, 1, 2, '', 'https://h/a.md')]));
    const head = text.split('\n')[0] ?? '';
    expect(head).toMatch(/^\*\*deep\/.*…\*\* <https:\/\/h\/a\.md>$/);
    expect(head).toBe(`**${cutText(citationLabel(citation(long, 1, 2)), 200)}** <https://h/a.md>`);
  });

  it("quotes the closest note's lines in a field, and in the text, when nothing was found for want of confidence", () => {
    const near = { ...citation('net.md', 117, 121, 'Networking'), snippet: 'each task gets its own **ENI**' };
    const weak: Answer = { question: 'x', found: false, text: "I couldn't find an answer.", quote: [], highlights: [], citations: [near, citation('b.md', 1, 2)], lookedFor: ['x'], reason: 'low-confidence' };
    const embed = renderEmbed(weak);
    expect(embed.fields?.map((f) => f.name)).toEqual(['Closest lines (they may not answer it)', 'Closest notes']);
    expect(embed.fields?.[0]?.value).toBe('net.md › Networking · L117–121\n> each task gets its own **ENI**');
    expect(embed.fields?.[1]?.value).toBe('b.md · L1–2');
    const text = renderPlainText(weak);
    expect(text).toContain('Closest lines (they may not answer it): net.md › Networking · L117–121\n> each task gets its own **ENI**');
  });

  it('says what was looked for when nothing was found', () => {
    const answer: Answer = {
      question: 'x',
      found: false,
      text: "I couldn't find *x*.",
      quote: [],
      highlights: [],
      citations: [citation('near.md', 1, 2)],
      lookedFor: ['x'],
      reason: 'no-match',
    };
    const embed = renderEmbed(answer, ['How do I deploy?']);
    expect(embed.description).toBe("I couldn't find \\*x\\*.");
    expect(embed.fields?.map((f) => f.name)).toEqual(['Closest notes', 'Try asking']);
    expect(embed.footer?.text).toBe("Searched your team's notes · looked for: x");
  });
});
