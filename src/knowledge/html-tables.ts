/**
 * An HTML table written over many lines, as wiki exports and docs sites write them (`<tr>`, then one `<td>` a line),
 * read as the Markdown table it shows. Left as HTML, its tag-only lines are blanked and each cell is a line of its own,
 * so "who owns billing" quotes `<td>@payments</td>` without its row or the header that says it is the owner. Each row
 * is written on the line where it starts, the rule under the header on the line after the header's start, and the
 * lines between rows hold a lone `|`, which continues the table without a word of its own: every line keeps its
 * number, so a quoted row still cites the lines it was written on. A table with no room for that (its rows sharing a
 * line) is read as records instead, each on the line its row starts on.
 */

export const HTML_TABLE_OPEN = /^\s*<table\b[^>]*>/i;
const TABLE_CLOSE = /<\/table\s*>/i;
const TABLE_CLOSE_AND_AFTER = /<\/table\s*>[\s\S]*$/i;
const STOP = /^ {0,3}(?:#{1,6}\s|```|~~~)/;
/** How far a table may run before it is taken for a tag left unclosed. */
const MAX_TABLE_LINES = 2000;
const CONTINUATION = '|';
const TAGS_ONLY = /^\s*(?:<\/?(?:table|thead|tbody|colgroup|col)\b[^>]*>\s*)+$/i;

interface Row {
  line: number;
  cells: string[];
  /** Whether any of its cells is a `<th>`. */
  headed: boolean;
}

/**
 * The lines `lines[start..end]` read as a Markdown table, `end` being the line that closes the `<table>` opened on line
 * `start`, or as records (`asRecords`) where two rows share a line or the rule under the header finds no line of its
 * own; undefined where there is no such table or it has fewer than two rows.
 */
export function htmlTableAt(lines: readonly string[], start: number): { end: number; lines: string[] } | undefined {
  if (!HTML_TABLE_OPEN.test(lines[start] ?? '')) return undefined;
  let end = -1;
  const last = Math.min(lines.length, start + MAX_TABLE_LINES);
  for (let i = start; i < last; i++) {
    const line = lines[i] ?? '';
    if (i > start && (STOP.test(line) || HTML_TABLE_OPEN.test(line))) return undefined;
    if (TABLE_CLOSE.test(line)) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const rows = rowsOf(lines, start, end);
  if (rows === undefined || rows.length < 2) return undefined;
  const width = Math.max(...rows.map((row) => row.cells.length));
  // A table of two columns with no header cell is a list of names and values, as a wiki's info box is: each row
  // is read as its line "Location: 50 United Nations Plaza", not under its first row taken for a header.
  if (width === 2 && !rows[0]?.headed) return { end, lines: asRecords(rows, undefined, start, end) };
  const [header, ...body] = rows as [Row, ...Row[]];
  // A Markdown table needs a line for each row and one for the rule under its header: a table with no room for them
  // (its rows sharing a line, as a wiki export writes a whole table on one) is read as records instead.
  if (rows.some((row, i) => i > 0 && rows[i - 1]?.line === row.line)) return { end, lines: asRecords(body, header, start, end) };
  // The rule goes on the line after the header's; where the first row starts there (a table written one row a
  // line), the header goes up a line, onto the `<table>` or `<thead>` line above it, and the rule onto its own.
  const first = body[0]?.line ?? 0;
  if (first <= header.line + 1) {
    if (header.line <= start || !TAGS_ONLY.test(lines[header.line - 1] ?? '')) return { end, lines: asRecords(body, header, start, end) };
    header.line--;
  }
  const shown: string[] = [];
  const rowAt = new Map(body.map((row) => [row.line, row]));
  const lastRow = body.at(-1)?.line ?? header.line;
  for (let i = start; i <= end; i++) {
    const row = i === header.line ? header : rowAt.get(i);
    if (row) shown.push(markdownRow(row.cells, width));
    else if (i === header.line + 1) shown.push(`|${' --- |'.repeat(width)}`);
    else if (i > header.line && i < lastRow) shown.push(CONTINUATION);
    else shown.push('');
  }
  return { end, lines: shown };
}

/**
 * The table's lines, each holding the rows that start on it as records: every cell named by its column's header
 * ("Service: search, Owner: @discovery."), or, with no header, a row's first cell naming its second ("Location: 50
 * United Nations Plaza"). Each record ends a sentence, so that a long line of them is quoted by the record that answers.
 */
function asRecords(rows: readonly Row[], header: Row | undefined, start: number, end: number): string[] {
  const shown = Array.from({ length: end - start + 1 }, () => [] as string[]);
  for (const row of rows) shown[row.line - start]?.push(header ? recordOf(row, header) : nameAndValue(row));
  return shown.map((records) => {
    const said = records.filter(Boolean);
    return said.length > 1 ? said.map(endingSentence).join(' ') : (said[0] ?? '');
  });
}

function endingSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function recordOf(row: Row, header: Row): string {
  const fields = row.cells.map((cell, i) => (cell === '' ? '' : header.cells[i] ? `${header.cells[i]}: ${cell}` : cell)).filter(Boolean);
  const record = fields.join(', ').replace(/\\\|/g, '|');
  return record === '' ? record : endingSentence(record);
}

function nameAndValue(row: Row): string {
  return [row.cells[0]?.replace(/\s*:$/, ''), row.cells[1]].filter(Boolean).join(': ').replace(/\\\|/g, '|');
}

/** The rows of the table, each at the line its `<tr>` opens on. */
function rowsOf(lines: readonly string[], start: number, end: number): Row[] | undefined {
  const rows: Row[] = [];
  let row: Row | undefined;
  let cell: string[] | undefined;
  // HTML lets `</td>` and `</tr>` go unwritten: a cell ends where the next cell or row starts, too.
  const finishCell = () => {
    if (cell && row) row.cells.push(cellText(cell.join(' ')));
    cell = undefined;
  };
  const token = /<(\/?)(tr|td|th)\b[^>]*>/gi;
  for (let i = start; i <= end; i++) {
    const line = lines[i] ?? '';
    let at = 0;
    for (let match = token.exec(line); match !== null; match = token.exec(line)) {
      cell?.push(line.slice(at, match.index));
      at = match.index + match[0].length;
      const closing = match[1] === '/';
      const tag = (match[2] ?? '').toLowerCase();
      finishCell();
      if (tag === 'tr' && !closing) {
        row = { line: i, cells: [], headed: false };
        rows.push(row);
      } else if (tag === 'tr') row = undefined;
      else if (!closing) {
        if (!row) return undefined;
        if (tag === 'th') row.headed = true;
        cell = [];
      }
    }
    cell?.push(line.slice(at).replace(TABLE_CLOSE_AND_AFTER, ''));
  }
  finishCell();
  return rows.filter((r) => r.cells.length > 0);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** A cell's text as a Markdown cell holds it: tags gone, entities read, one line, its pipes escaped. */
function cellText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/&#(x[\da-f]{1,6}|\d{1,7});/gi, (entity, code: string) => fromCodePoint(code.startsWith('x') || code.startsWith('X') ? parseInt(code.slice(1), 16) : Number(code)) ?? entity)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\|/g, '\\|');
}

function fromCodePoint(code: number): string | undefined {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

function markdownRow(cells: readonly string[], width: number): string {
  const padded = Array.from({ length: width }, (_, i) => cells[i] ?? '');
  return `| ${padded.join(' | ')} |`;
}
