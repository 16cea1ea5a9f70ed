import { describe, expect, it } from 'vitest';
import { ANSI, renderText } from '../../src/render/text.js';
import { markdownForTerminal } from '../../src/render/terminal-markdown.js';
import type { Answer } from '../../src/types.js';

const TAGS = { bold: (t: string) => `<b>${t}</b>`, dim: (t: string) => `<d>${t}</d>` };

describe('notes on the terminal', () => {
  it('renders bold, nested lists, links, headings, code and tables without their Markdown markers', () => {
    const md = [
      '- **Fargate-hosted worker nodes**',
      '  - Runs containers in a `fully managed` way',
      '    - Not for daemon sets',
      '1. Announce the [window](https://example.com/w) in #ops',
      '',
      '## Steps *now*',
      '',
      '```sh',
      'echo **not bold**',
      '```',
    ].join('\n');
    expect(markdownForTerminal(md, ['daemon'], TAGS).split('\n')).toEqual([
      '• <b>Fargate-hosted worker nodes</b>',
      '  ◦ Runs containers in a fully managed way',
      '    ▪ Not for <b>daemon</b> sets',
      '1. Announce the window (https://example.com/w) in #ops',
      '<b>Steps now</b>',
      '    <d>echo **not bold**</d>',
    ]);
  });

  it('keeps the indent of a code block that starts the quote, and does not mark words in link labels', () => {
    expect(markdownForTerminal('```\nx\n```', [], TAGS)).toBe('    <d>x</d>');
    expect(markdownForTerminal('[deploy docs](https://example.com) before you deploy', ['deploy'], TAGS)).toBe(
      'deploy docs (https://example.com) before you <b>deploy</b>',
    );
  });

  it('gives the interactive chat ANSI bold and no raw ** beside it; strips terminal controls from the note', () => {
    const answer: Answer = {
      question: 'q',
      found: true,
      text: '',
      quote: ['Run **the \u001b[2Jrollback** for deamon sets.'],
      highlights: ['deamon'],
      citations: [{ file: 'ops.md', startLine: 1, endLine: 1, section: '', snippet: '', score: 1 }],
      lookedFor: [],
    };
    const shown = renderText(answer, ANSI);
    expect(shown).toContain('\u001b[1mthe rollback\u001b[22m');
    expect(shown).toContain('\u001b[1mdeamon\u001b[22m sets');
    expect(shown).not.toContain('**');
    expect(shown).not.toContain('\u001b[2J');
  });
});

describe('a quote longer than a terminal shows', () => {
  it('is rendered up to a few screens, cut at a line, with a mark where it was cut', () => {
    const line = '`'.repeat(40_000);
    const answer: Answer = {
      question: 'q',
      found: true,
      text: '',
      quote: ['First line.', line, 'Last line.'],
      highlights: [],
      citations: [{ file: 'ops.md', startLine: 1, endLine: 3, section: '', snippet: '', score: 1 }],
      lookedFor: [],
    };
    const [quote] = renderText(answer, ANSI).split('\n\n');
    expect(quote).toBe('First line.\n…');
    const alone = renderText({ ...answer, quote: [line] }, ANSI).split('\n\n')[0] ?? '';
    expect(alone.length).toBeLessThan(10_000);
    expect(alone.endsWith('…')).toBe(true);
  });
});

describe('an answer that found nothing for want of confidence, at a terminal', () => {
  it("shows the closest note's lines under the sentence, stripped of terminal controls, then the other closest notes", () => {
    const answer: Answer = {
      question: 'q',
      found: false,
      text: "I couldn't find an answer in the notes.",
      quote: [],
      highlights: [],
      citations: [
        { file: 'net.md', startLine: 117, endLine: 121, section: 'Networking', snippet: '* each task gets its own **ENI**\u001b[2J', score: 2 },
        { file: 'b.md', startLine: 1, endLine: 2, section: '', snippet: 'other', score: 1 },
      ],
      lookedFor: [],
      reason: 'low-confidence',
    };
    const lines = renderText(answer).split('\n');
    expect(lines).toEqual([
      "I couldn't find an answer in the notes.",
      '',
      'Closest lines (they may not answer it): net.md › Networking · L117–121',
      '  * each task gets its own **ENI**',
      '',
      'Closest notes:',
      '  - b.md · L1–2',
    ]);
    expect(renderText(answer, ANSI)).toContain('\u001b[1mENI\u001b[22m');
  });
});
