import { describe, expect, it } from 'vitest';
import { composeAnswer } from '../../src/answer/compose.js';
import { indexNotes } from '../../src/knowledge/build.js';
import { search } from '../../src/search/search.js';
import { markdownOfHtmlLine } from '../../src/knowledge/html-lines.js';
import { withoutMarkup } from '../../src/knowledge/markup.js';

describe('markdownOfHtmlLine', () => {
  it.each([
    ['a paragraph, its bold kept', '<p align="center">Releases are cut every <strong>Tuesday</strong>.</p>', 'Releases are cut every **Tuesday**.'],
    ['a list item', '  <li>Freeze the branch at 10:00 UTC.</li>', '- Freeze the branch at 10:00 UTC.'],
    ['a list item left open, as HTML allows', '<li>Run the <code>smoke</code> suite', '- Run the `smoke` suite'],
    ['a term', '<dt>Release captain</dt>', '**Release captain**'],
    ['a definition with a link', '<dd>See <a href="https://wiki/rota">the rota</a>.</dd>', 'See [the rota](https://wiki/rota).'],
    ['a heading', '<h2 id="rollback">Rolling back</h2>', '## Rolling back'],
    ['a line break and italics', '<p>First line<br/>and <em>second</em></p>', 'First line and *second*'],
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
