import { describe, expect, it } from 'vitest';
import { toDiscordMarkdown } from '../../src/adapters/discord/markdown.js';
import { markdownToMrkdwn } from '../../src/adapters/slack/mrkdwn.js';
import { alignedTable, bulletMarker, wrapOutsideSpaces, type Cell } from '../../src/render/dialect.js';
import { parseNote } from '../../src/render/markdown.js';
import { markdownForTerminal } from '../../src/render/terminal-markdown.js';

const TAGS = { bold: (t: string) => `<b>${t}</b>`, dim: (t: string) => `<d>${t}</d>` };

/** The three dialects, each rendering a note with highlighted words. */
const DIALECTS = [
  ['Slack', (md: string, words: string[] = []) => markdownToMrkdwn(md, words)],
  ['Discord', (md: string, words: string[] = []) => toDiscordMarkdown(md, words)],
  ['the terminal', (md: string, words: string[] = []) => markdownForTerminal(md, words, TAGS).trim()],
] as const;

const NOTE = [
  'Deploys need **two** approvals.[^1] Roll back within ten minutes[^why].',
  '[^1]: Since the *2024* incident.',
  '[^why]: See the',
  '    rollback postmortem.',
  '',
  'A `[^x]` code span stays code.',
].join('\n');

/** What each dialect shows for NOTE with `rollback` highlighted. */
const EXPECTED: Record<(typeof DIALECTS)[number][0], string[]> = {
  Slack: [
    'Deploys need *two* approvals.[1] Roll back within ten minutes[why].',
    '',
    'A `[^x]` code span stays code.',
    '',
    '[1] Since the _2024_ incident.',
    '[why] See the *rollback* postmortem.',
  ],
  Discord: [
    'Deploys need **two** approvals.\\[1\\] Roll back within ten minutes\\[why\\].',
    'A `[^x]` code span stays code.',
    '',
    '\\[1\\] Since the *2024* incident.',
    '\\[why\\] See the **rollback** postmortem.',
  ],
  'the terminal': [
    'Deploys need <b>two</b> approvals.[1] Roll back within ten minutes[why].',
    'A [^x] code span stays code.',
    '',
    '[1] Since the 2024 incident.',
    '[why] See the <b>rollback</b> postmortem.',
  ],
};

describe.each(DIALECTS)('footnotes in %s', (name, render) => {
  it('show a reference as [label] and the definitions as a list after the text, not as written', () => {
    expect(render(NOTE, ['rollback']).split('\n')).toEqual(EXPECTED[name]);
  });

  it('show a reference whose definition was cut from the quote as [label], with no list', () => {
    const out = render('Two approvals.[^1]');
    expect(out).not.toContain('^');
    expect(out.replace(/\\/g, '')).toBe('Two approvals.[1]');
  });
});

describe('bulletMarker', () => {
  it('numbers ordered items and changes the bullet with the depth, starting over after three', () => {
    expect([0, 1, 2, 3].map((depth) => bulletMarker(false, 1, depth))).toEqual(['• ', '◦ ', '▪ ', '• ']);
    expect(bulletMarker(true, 7, 2)).toBe('7. ');
  });
});

describe('wrapOutsideSpaces', () => {
  it.each([
    ['bold', '*bold*'],
    [' bold ', ' *bold* '],
    ['\n two words\t', '\n *two words*\t'],
    ['   ', '   '],
    ['', ''],
  ])('wraps %j as %j', (text, expected) => {
    expect(wrapOutsideSpaces('*', text)).toBe(expected);
  });
});

describe('alignedTable', () => {
  const cellsOf = (markdown: string): Cell[][] => {
    const table = parseNote(markdown).find((token) => token.type === 'table');
    if (table?.type !== 'table') throw new Error('no table');
    return [table.header, ...table.rows].map((row) => row.map((cell) => cell.tokens));
  };

  it('pads each column to its widest cell, rules off the header, and shows cells as plain text', () => {
    expect(alignedTable(cellsOf('| name | **size** |\n|---|---|\n| a [link](https://x.y) | 1 |\n| b | 22 |'))).toEqual([
      'name   | size',
      '-------|-----',
      'a link | 1',
      'b      | 22',
    ]);
  });

  it('writes a header-only table without a rule', () => {
    expect(alignedTable(cellsOf('| a | b |\n|---|---|'))).toEqual(['a | b']);
  });
});

describe('renderMarkdown: Markdown marked would take seconds on', () => {
  it.each(DIALECTS)('shows a quote of lists nested thousands deep as its text in %s', (_name, render) => {
    const quote = `${'- '.repeat(4000)}zebra crossing`;
    const shown = render(quote, ['zebra']);
    expect(shown).toContain('zebra');
    expect(shown).toContain('- - -');
  });

  it.each(DIALECTS)('shows a paragraph thick with unclosed links and emphasis as its text in %s', (_name, render) => {
    const quote = `${'[a]('.repeat(1000)} zebra ${'*b '.repeat(300)}`;
    const shown = render(quote, ['zebra']);
    expect(shown).toContain('zebra');
    expect(shown.length).toBeGreaterThan(4000);
  });

  it.each(DIALECTS)('keeps the formatting of a quote of code full of brackets in %s', (_name, render) => {
    const quote = (lines: number) => `Run **this**:\n\n\`\`\`js\n${Array.from({ length: lines }, (_, i) => `  f(a[${i}], {b: [1, 2]}) // (x)`).join('\n')}\n\`\`\``;
    // Too short to be checked at all, so rendered as Markdown: the long one must begin the same way.
    const short = render(quote(2)).split('\n');
    const long = render(quote(40)).split('\n');
    expect(long.slice(0, 3)).toEqual(short.slice(0, 3));
    expect(long.length).toBeGreaterThan(40);
  });
});
