import { describe, expect, it } from 'vitest';
import { composeAnswer } from '../../src/answer/compose.js';
import { indexNotes } from '../../src/knowledge/build.js';
import { search } from '../../src/search/search.js';
import { htmlElementAt, markdownOfHtmlLine } from '../../src/knowledge/html-lines.js';
import { withoutMarkup } from '../../src/knowledge/markup.js';

describe('markdownOfHtmlLine', () => {
  it.each([
    ['a paragraph, its bold kept', '<p align="center">Releases are cut every <strong>Tuesday</strong>.</p>', 'Releases are cut every **Tuesday**.  '],
    ['a list item', '  <li>Freeze the branch at 10:00 UTC.</li>', '- Freeze the branch at 10:00 UTC.'],
    ['a list item left open, as HTML allows', '<li>Run the <code>smoke</code> suite', '- Run the `smoke` suite'],
    ['a term', '<dt>Release captain</dt>', '**Release captain**'],
    ['a definition with a link', '<dd>See <a href="https://wiki/rota">the rota</a>.</dd>', 'See [the rota](https://wiki/rota).  '],
    ['a heading', '<h2 id="rollback">Rolling back</h2>', '## Rolling back'],
    ['a line break and italics', '<p>First line<br/>and <em>second</em></p>', 'First line and *second*  '],
  ])('reads %s', (_, line, shown) => {
    expect(markdownOfHtmlLine(line)).toBe(shown);
  });

  it.each([
    ['two elements on one line', '<li>one</li><li>two</li>'],
    ['an element of no text', '<p><img src="flow.png" /></p>'],
    ['a heading left open', '<h2>Rolling back'],
    ['inline tags only', '<span>Deploys pause at 3pm.</span>'],
    ['Markdown', '- Freeze the branch.'],
  ])('leaves alone %s', (_, line) => {
    expect(markdownOfHtmlLine(line)).toBeUndefined();
  });

  it('keeps every line where it was, so a list written in HTML is a Markdown list on the same lines', () => {
    const text = ['# Release', '', '<ul>', '<li>Freeze the branch.</li>', '<li>Announce it in #releases.</li>', '</ul>'].join('\n');
    expect(withoutMarkup(text).split('\n')).toEqual(['# Release', '', '    ', '- Freeze the branch.', '- Announce it in #releases.', '     ']);
  });
});

describe('htmlElementAt', () => {
  it.each([
    ['a paragraph over two lines', ['<p>Releases are cut every <strong>Tuesday</strong>', 'after the freeze.</p>'], ['Releases are cut every **Tuesday**', 'after the freeze.  ']],
    ['a list item over two lines', ['<li>Announce the release in', '<code>#releases</code> once it is out.</li>'], ['- Announce the release in', '`#releases` once it is out.']],
    ['a paragraph whose tags have lines of their own', ['<p>', 'Hotfixes skip the freeze.', '</p>'], ['', 'Hotfixes skip the freeze.  ', '']],
    ['a term over two lines', ['<dt>Release', 'captain</dt>'], ['**Release', 'captain**']],
  ])('reads %s line by line', (_, lines, shown) => {
    expect(htmlElementAt(lines, 0)).toEqual({ end: lines.length - 1, lines: shown });
  });

  it.each([
    ['an element closed on its own line', ['<p>One line.</p>', 'Next.</p>']],
    ['an element never closed', ['<p>Releases are cut', 'every Tuesday.']],
    ['a close after a blank line', ['<p>Releases are cut', '', 'every Tuesday.</p>']],
    ['a list item with a list inside', ['<li>Parent', '<ul>', '<li>child</li>', '</ul>', '</li>']],
    ['a close with more after it', ['<li>One', 'more</li><li>two</li>']],
    ['an item holding code', ['<li>Run', '```html', '<b>x</b>', '```', '</li>']],
    ['Markdown', ['- Freeze', '  the branch.']],
  ])('leaves alone %s', (_, lines) => {
    expect(htmlElementAt(lines, 0)).toBeUndefined();
  });

  it('keeps every line where it was, with no tag left to quote', () => {
    const text = ['# Release', '', '<p>Releases are cut every', 'Tuesday by the captain.</p>', '', 'Next.'].join('\n');
    expect(withoutMarkup(text).split('\n')).toEqual(['# Release', '', 'Releases are cut every', 'Tuesday by the captain.  ', '', 'Next.']);
  });
});

describe('a page exported from a wiki as HTML lines', () => {
  const page = [
    '# Release process',
    '',
    '<p>Releases are cut every <strong>Tuesday</strong> by the release captain.</p>',
    '',
    '<ul>',
    '<li>Freeze the branch at 10:00 UTC.</li>',
    '<li>Run the smoke suite against staging.</li>',
    '<li>Announce the release in #releases.</li>',
    '</ul>',
    '',
    '<dl>',
    '<dt>Release captain</dt>',
    '<dd>The engineer on the rotation who cuts the branch and owns the rollout.</dd>',
    '</dl>',
  ].join('\n');
  const { index } = indexNotes([{ file: 'wiki/release.md', text: page }]);
  const ask = (question: string) => composeAnswer(question, search(index, question, { limit: 16 }), index, { top: 3 }).citations[0];

  it('quotes the line that answers, as Markdown, not the HTML block around it', () => {
    const announce = ask('where do we announce the release');
    expect(announce?.snippet).toBe('- Announce the release in #releases.');
    expect([announce?.startLine, announce?.endLine]).toEqual([8, 8]);
    expect(ask('when are releases cut')?.snippet).toBe('Releases are cut every **Tuesday** by the release captain.');
  });

  it('reads a term and its definition as a bold line heading the text under it', () => {
    const captain = ask('what is a release captain');
    expect(captain?.snippet).toBe('The engineer on the rotation who cuts the branch and owns the rollout.');
    expect(captain?.section).toBe('Release process › Release captain');
  });
});

describe('a page whose HTML elements run on over lines', () => {
  const page = ['# Hotfixes', '', '<p>Hotfixes skip the release freeze', 'and ship the <em>same day</em>.</p>', '', '<ul>', '<li>Page the release captain', 'before you merge.</li>', '</ul>'].join('\n');
  const { index } = indexNotes([{ file: 'wiki/hotfix.md', text: page }]);
  const ask = (question: string) => composeAnswer(question, search(index, question, { limit: 16 }), index, { top: 3 }).citations[0];

  it('quotes the text without its closing tag, citing the lines it was written on', () => {
    const freeze = ask('do hotfixes skip the freeze');
    expect(freeze?.snippet).toBe('Hotfixes skip the release freeze\nand ship the *same day*.');
    expect([freeze?.startLine, freeze?.endLine]).toEqual([3, 4]);
    expect(ask('who do i page before i merge')?.snippet).toBe('- Page the release captain\nbefore you merge.');
  });
});

describe('a page of HTML paragraphs on consecutive lines, as wiki exports write them', () => {
  const page = [
    '# Releases',
    '',
    '<p>Deploys happen on Tuesdays after the standup.</p>',
    '<p>Rollbacks are done with <code>deploy rollback</code> by the on-call engineer.</p>',
    '<p>The changelog lives in the releases channel.</p>',
  ].join('\n');
  const { index } = indexNotes([{ file: 'wiki/releases.md', text: page }]);
  const ask = (question: string) => composeAnswer(question, search(index, question, { limit: 16 }), index, { top: 3 }).citations[0];

  it('quotes the paragraph that answers alone, not the lines of the others beside it', () => {
    const rollback = ask('how do i roll back');
    expect(rollback?.snippet).toBe('Rollbacks are done with `deploy rollback` by the on-call engineer.');
    expect([rollback?.startLine, rollback?.endLine]).toEqual([4, 4]);
    expect(ask('where is the changelog')?.snippet).toBe('The changelog lives in the releases channel.');
  });
});
