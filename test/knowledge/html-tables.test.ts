import { describe, expect, it } from 'vitest';
import { htmlTableAt } from '../../src/knowledge/html-tables.js';

const ownersTable = [
  '<table>',
  '<tr>',
  '<th>Service</th>',
  '<th>Owner</th>',
  '</tr>',
  '<tr>',
  '<td>billing</td>',
  '<td>@payments</td>',
  '</tr>',
  '<tr>',
  '<td>search</td>',
  '<td>@platform</td>',
  '</tr>',
  '</table>',
];

describe('htmlTableAt', () => {
  it('writes each row on the line its <tr> opens on, the rule under the header, and keeps every line', () => {
    const table = htmlTableAt(ownersTable, 0);
    expect(table?.end).toBe(13);
    expect(table?.lines).toEqual([
      '',
      '| Service | Owner |',
      '| --- | --- |',
      '|',
      '|',
      '| billing | @payments |',
      '|',
      '|',
      '|',
      '| search | @platform |',
      '',
      '',
      '',
      '',
    ]);
  });

  it('reads cells as text: tags gone, entities read, pipes escaped, a cell over several lines joined', () => {
    const lines = [
      '<table class="wrapped"><colgroup><col /></colgroup>',
      '<thead>',
      '<tr><th>Step</th>',
      '<th>Who</th></tr>',
      '</thead>',
      '<tbody>',
      '<tr>',
      '<td>Run <code>make a|b</code> &amp; wait</td>',
      '<td><a href="/people/ana">Ana</a><br/>&#64;ana',
      '</td>',
      '</tr>',
      '</tbody>',
      '</table>',
    ];
    const table = htmlTableAt(lines, 0);
    expect(table?.lines[2]).toBe('| Step | Who |');
    expect(table?.lines[3]).toBe('| --- | --- |');
    expect(table?.lines[6]).toBe('| Run make a\\|b & wait | Ana @ana |');
    expect(table?.lines).toHaveLength(lines.length);
  });

  it('reads cells whose closing tags are left out', () => {
    const lines = ['<table>', '<tr>', '<th>Service', '<th>Owner', '<tr>', '<td>billing', '<td>@payments', '</table>'];
    expect(htmlTableAt(lines, 0)?.lines.filter((line) => /\w/.test(line))).toEqual(['| Service | Owner |', '| billing | @payments |']);
  });

  it('writes a table of one row a line with its header on the line above, where that line holds only tags', () => {
    const lines = ['<table>', '<tr><th>Service</th><th>Owner</th></tr>', '<tr><td>billing</td><td>@payments</td></tr>', '<tr><td>search</td><td>@platform</td></tr>', '</table>'];
    expect(htmlTableAt(lines, 0)?.lines).toEqual(['| Service | Owner |', '| --- | --- |', '| billing | @payments |', '| search | @platform |', '']);
  });

  it('reads a table of two columns with no header cell as lines of a name and its value, as an info box shows them', () => {
    const lines = ['<table>', '  <tr>', '    <td><strong>Location</strong></td>', '    <td>50 United Nations Plaza<br />Suite #5685</td>', '  </tr>', '  <tr>', '    <td>Seats:</td>', '    <td>Room #5685, fifth floor</td>', '  </tr>', '</table>'];
    expect(htmlTableAt(lines, 0)?.lines).toEqual(['', 'Location: 50 United Nations Plaza Suite #5685', '', '', '', 'Seats: Room #5685, fifth floor', '', '', '', '']);
  });

  it('reads a table written on one line as records, each cell named by its header and each record a sentence', () => {
    const lines = ['<table><tr><th>Service</th><th>Owner</th></tr><tr><td>billing</td><td>@payments</td></tr><tr><td>search</td><td>@discovery</td></tr></table>'];
    expect(htmlTableAt(lines, 0)).toEqual({ end: 0, lines: ['Service: billing, Owner: @payments. Service: search, Owner: @discovery.'] });
  });

  it('writes each record on the line its row starts on, where rows share some lines', () => {
    const lines = ['<table>', '<tr><th>A</th><th>B</th></tr><tr><td>1</td><td></td></tr>', '<tr><td>x|y</td><td>done.</td></tr>', '</table>'];
    expect(htmlTableAt(lines, 0)?.lines).toEqual(['', 'A: 1.', 'A: x|y, B: done.', '']);
  });

  it('reads a table with no line for the rule under its header as records', () => {
    const lines = ['<table><tr><th>A</th><th>B</th></tr>', '<tr><td>1</td><td>2</td></tr>', '</table>'];
    expect(htmlTableAt(lines, 0)?.lines).toEqual(['', 'A: 1, B: 2.', '']);
  });

  it('reads an info box written on one line as names and values, a sentence each', () => {
    const lines = ['<table><tr><td>Location</td><td>50 United Nations Plaza</td></tr><tr><td>Seats:</td><td>Room 5685</td></tr></table>'];
    expect(htmlTableAt(lines, 0)?.lines).toEqual(['Location: 50 United Nations Plaza. Seats: Room 5685.']);
  });

  it.each([
    ['a table never closed', ['<table>', '<tr>', '<td>a</td>', '</tr>', '<tr>', '<td>b</td>']],
    ['a table cut by a heading before it closes', ['<table>', '<tr>', '<th>A</th>', '</tr>', '## Next', '<tr>', '<td>1</td>', '</tr>', '</table>']],
    ['a table of one row', ['<table>', '<tr>', '<td>a</td>', '<td>b</td>', '</tr>', '</table>']],
    ['a line that is no table', ['<tablet>', '</table>']],
  ])('leaves alone %s', (_, lines) => {
    expect(htmlTableAt(lines, 0)).toBeUndefined();
  });
});
