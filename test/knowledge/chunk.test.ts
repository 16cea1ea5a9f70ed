import { describe, expect, it } from 'vitest';
import { chunkNote, type ChunkDraft } from '../../src/knowledge/chunk.js';
import { decodeNote } from '../../src/knowledge/load.js';
import { parseNote } from '../../src/knowledge/markdown.js';

const MAX_CHARS = 900;

function chunk(text: string): ChunkDraft[] {
  return chunkNote(text, parseNote(text).blocks);
}

/** Line range and section of each chunk: what citations are made of. */
function outline(chunks: ChunkDraft[]): { lines: [number, number]; section: string[] }[] {
  return chunks.map((c) => ({ lines: [c.startLine, c.endLine], section: c.section }));
}

/** A whole chunk's text is exactly its lines of the note (trailing white space trimmed). */
function expectTextIsItsLines(text: string, chunks: ChunkDraft[]): void {
  const lines = text.split('\n');
  for (const c of chunks) {
    expect(c.text, `chunk ${c.startLine}-${c.endLine}`).toBe(lines.slice(c.startLine - 1, c.endLine).join('\n').replace(/\s+$/, ''));
  }
}

/** `length` characters of plain sentences, ending with a full stop. */
function prose(length: number, seed = 'Fargate tasks run in their own isolated environment'): string {
  let out = '';
  let n = 0;
  while (out.length < length) out += `${seed} number ${++n}. `;
  return `${out.slice(0, length - 1).trimEnd()}.`.padEnd(length, '.');
}

describe('chunkNote: headings', () => {
  it('makes no chunk for headings without a body and keeps the heading path of the next body', () => {
    const text = ['# Title', '', '## Empty', '## Also empty', '', '## Filled', '', 'Body text here.', ''].join('\n');
    const chunks = chunk(text);
    expect(outline(chunks)).toEqual([{ lines: [8, 8], section: ['Title', 'Filled'] }]);
    expect(chunks[0]?.text).toBe('Body text here.');
  });

  it('reads setext headings (=== and ---) as levels 1 and 2', () => {
    const text = ['Guide', '=====', '', 'Intro paragraph.', '', 'Details', '-------', '', 'Detail paragraph.', ''].join('\n');
    const chunks = chunk(text);
    expect(outline(chunks)).toEqual([
      { lines: [4, 4], section: ['Guide'] },
      { lines: [9, 9], section: ['Guide', 'Details'] },
    ]);
    expectTextIsItsLines(text, chunks);
  });

  it('pops deeper headings when a shallower one comes', () => {
    const text = ['# A', '## A1', 'one', '### A1x', 'two', '## A2', 'three', '# B', 'four'].join('\n');
    expect(outline(chunk(text))).toEqual([
      { lines: [3, 3], section: ['A', 'A1'] },
      { lines: [5, 5], section: ['A', 'A1', 'A1x'] },
      { lines: [7, 7], section: ['A', 'A2'] },
      { lines: [9, 9], section: ['B'] },
    ]);
  });

  it('takes an emphasis-only paragraph for a heading of what follows it, until the next one', () => {
    const text = [
      '# Ops', //                                   1
      '', //                                        2
      '**Backups**', //                             3
      '', //                                        4
      'Nightly snapshots are kept for 7 days.', //  5
      '', //                                        6
      '*Restores*', //                              7
      '', //                                        8
      'Ask the on-call engineer to restore.', //    9
      '', //                                        10
      '## Next', //                                 11
      '', //                                        12
      'Something else.', //                         13
    ].join('\n');
    const chunks = chunk(text);
    expect(outline(chunks)).toEqual([
      { lines: [5, 5], section: ['Ops', 'Backups'] },
      { lines: [9, 9], section: ['Ops', 'Restores'] },
      { lines: [13, 13], section: ['Ops', 'Next'] },
    ]);
    expect(chunks.some((c) => c.text.includes('**Backups**'))).toBe(false);
  });

  it('takes a bold first line for the heading of the lines under it, with no blank line between', () => {
    const text = [
      '## Troubleshooting', //                                              1
      '', //                                                                2
      '**`port is already allocated` when starting compose**', //          3
      'Something else is on 5433. `lsof -i :5433` finds it.', //           4
      '', //                                                                5
      '**Why are tests slow on Mondays?**', //                             6
      'The weekly reindex runs then.', //                                   7
      '', //                                                                8
      '**Lock your screen before leaving it.** Press Control + Shift', //  9
      'and Power.', //                                                      10
    ].join('\n');
    const chunks = chunk(text);
    expect(outline(chunks)).toEqual([
      { lines: [4, 4], section: ['Troubleshooting', 'port is already allocated when starting compose'] },
      // A bold lead-in that the line goes on from is no heading: that paragraph stays under the one above.
      { lines: [7, 10], section: ['Troubleshooting', 'Why are tests slow on Mondays?'] },
    ]);
    expect(new Set(chunks.map((c) => c.unit)).size).toBe(2);
  });
});

describe('chunkNote: a FAQ of "Q: … / A: …" pairs', () => {
  it('gives each pair a chunk and a section of its own, however short, as a heading would', () => {
    const text = [
      'TEAM FAQ', //                                                    1
      '(answered once in #ask-team)', //                                2
      '', //                                                            3
      'Q: Can I bring a dog to the office?', //                         4
      'A: Only on Fridays, and only in the ground-floor room.', //     5
      '', //                                                            6
      'Q: How long is the notice period?', //                           7
      'A: One month in the first year, three months after that.', //   8
      '', //                                                            9
      'Question: Where do visitors park, and who books', //            10
      'the space for them?', //                                         11
      'A: In the back yard; reception books it.', //                   12
      '', //                                                            13
      'A follow-up paragraph of the last answer.', //                  14
    ].join('\n');
    const chunks = chunk(text);
    expect(outline(chunks).map((c) => c.lines)).toEqual([
      [1, 2],
      [4, 5],
      [7, 8],
      [10, 14],
    ]);
    expect(new Set(chunks.map((c) => c.unit)).size).toBe(4);
    expectTextIsItsLines(text, chunks);
  });

  it('still packs short paragraphs that open with no "Q:" label', () => {
    const text = ['Quick notes.', '', 'Queue: the PAY queue.', '', 'Questions go to #help.'].join('\n');
    expect(outline(chunk(text)).map((c) => c.lines)).toEqual([[1, 5]]);
  });
});

describe('chunkNote: front matter and line ends', () => {
  it('leaves YAML front matter out of the chunks and numbers the lines after it as in the file', () => {
    const text = ['---', 'title: Notes', 'tags: [a, b]', '---', '', '# Heading', '', 'Paragraph line.', ''].join('\n');
    const parsed = parseNote(text);
    expect(parsed.frontMatter).toBe('title: Notes\ntags: [a, b]');
    const chunks = chunkNote(text, parsed.blocks);
    expect(outline(chunks)).toEqual([{ lines: [8, 8], section: ['Heading'] }]);
    expect(chunks[0]?.text).toBe('Paragraph line.');
  });

  it('numbers a body line that directly follows the closing --- as that line', () => {
    const text = ['---', 'title: x', '---', 'First line of the body.', 'Second line.'].join('\n');
    const chunks = chunk(text);
    expect(outline(chunks)).toEqual([{ lines: [4, 5], section: [] }]);
    expect(chunks[0]?.text).toBe('First line of the body.\nSecond line.');
  });

  it('does not take a --- rule in the middle of a note for front matter', () => {
    const text = ['Before the rule.', '', '---', '', 'After the rule.'].join('\n');
    const parsed = parseNote(text);
    expect(parsed.frontMatter).toBeUndefined();
    expect(outline(chunkNote(text, parsed.blocks))).toEqual([
      { lines: [1, 1], section: [] },
      { lines: [5, 5], section: [] },
    ]);
  });

  it('chunks CRLF notes (decoded by decodeNote) with the same line numbers and no \\r', () => {
    const raw = '# A\r\n\r\ntext a\r\n\r\n# B\r\n\r\nline one\r\nline two\r\n\r\n- x\r\n- y\r\n';
    const text = decodeNote(Buffer.from(raw, 'utf8'));
    expect(text).toBe(raw.replace(/\r\n/g, '\n'));
    const chunks = chunk(text ?? '');
    expect(outline(chunks)).toEqual([
      { lines: [3, 3], section: ['A'] },
      { lines: [7, 11], section: ['B'] },
    ]);
    expect(chunks.every((c) => !c.text.includes('\r'))).toBe(true);
    expectTextIsItsLines(text ?? '', chunks);
  });

  it('normalises lone CR line ends and drops a BOM', () => {
    const text = decodeNote(Buffer.from('\ufeff# T\r\rbody\r', 'utf8'));
    expect(text).toBe('# T\n\nbody\n');
    expect(outline(chunk(text ?? ''))).toEqual([{ lines: [3, 3], section: ['T'] }]);
  });
});

describe('chunkNote: lists', () => {
  it('keeps a small nested, mixed (ordered and unordered) list as one chunk with exact lines', () => {
    const text = [
      '# Deploy', //                  1
      '', //                          2
      '1. Build the image', //        3
      '   - run `make image`', //     4
      '   - tag it', //               5
      '2. Push', //                   6
      '   1. log in', //              7
      '   2. push', //                8
      '      - retry on 503', //      9
      '3. Roll out', //               10
      '', //                          11
      'Done.', //                     12
    ].join('\n');
    const chunks = chunk(text);
    expect(outline(chunks)).toEqual([{ lines: [3, 12], section: ['Deploy'] }]);
    expectTextIsItsLines(text, chunks);
  });

  it('splits a bullet subtree too large to keep whole, naming parent bullets (bold lead-ins) in the section path', () => {
    const a = `  - ${prose(456, 'Point A says fargate hides servers')}`;
    const b = `  - ${prose(456, 'Point B says fargate bills per task')}`;
    const c = `    - ${prose(456, 'Limit C says no daemon sets')}`;
    const d = `    - ${prose(456, 'Limit D says no stateful apps')}`;
    const e = `  - ${prose(456, 'Point E says fargate starts slower')}`;
    const text = [
      '# Services', //                                            1
      '', //                                                      2
      '- **Fargate** - serverless compute for containers.', //    3
      a, //                                                       4
      b, //                                                       5
      '  - **Limits:**', //                                       6
      c, //                                                       7
      d, //                                                       8
      e, //                                                       9
      '- **EC2** - servers you manage yourself.', //              10
      '  - a short child.', //                                    11
    ].join('\n');
    const chunks = chunk(text);
    // Each chunk's section is what stands above its first line: the headings and the parent bullets.
    expect(outline(chunks)).toEqual([
      { lines: [3, 4], section: ['Services'] },
      { lines: [5, 5], section: ['Services', 'Fargate'] },
      { lines: [6, 7], section: ['Services', 'Fargate'] },
      { lines: [8, 8], section: ['Services', 'Fargate', 'Limits'] },
      { lines: [9, 9], section: ['Services', 'Fargate'] },
      { lines: [10, 11], section: ['Services'] },
    ]);
    expectTextIsItsLines(text, chunks);
    for (const c of chunks) expect(c.text.length).toBeLessThanOrEqual(MAX_CHARS);
  });

  it('names a big list after its "Intro:" paragraph, which stays with the first item', () => {
    const items = [1, 2, 3].map((n) => `- ${prose(348, `Item ${n} runs containers`)}`);
    const text = ['# Setup', '', 'Ways of running containers:', ...items].join('\n');
    const chunks = chunk(text);
    expect(outline(chunks)).toEqual([
      { lines: [3, 4], section: ['Setup'] },
      { lines: [5, 5], section: ['Setup', 'Ways of running containers'] },
      { lines: [6, 6], section: ['Setup', 'Ways of running containers'] },
    ]);
    expectTextIsItsLines(text, chunks);
  });

  it('keeps a small list together with its "Intro:" paragraph', () => {
    const text = ['Ways of running containers:', '- EC2 - servers you run', '- Fargate - servers AWS runs', '', 'Unrelated paragraph.'].join('\n');
    const chunks = chunk(text);
    expect(outline(chunks)).toEqual([{ lines: [1, 5], section: [] }]);
  });
});

describe('chunkNote: blocks kept whole', () => {
  it('keeps a code fence longer than the chunk size whole, with a # line inside it not taken for a heading', () => {
    const body = Array.from({ length: 40 }, (_, i) => (i === 10 ? '# not a heading, a shell comment' : i === 20 ? '' : `echo "step ${String(i).padStart(2, '0')} of the build"`));
    const text = ['# Build', '', '```sh', ...body, '```', '', 'After the code.'].join('\n');
    //            1         2    3        4..43    44     45   46
    const chunks = chunk(text);
    expect(outline(chunks)).toEqual([
      { lines: [3, 44], section: ['Build'] },
      { lines: [46, 46], section: ['Build'] },
    ]);
    const code = chunks[0]?.text ?? '';
    expect(code.length).toBeGreaterThan(MAX_CHARS);
    expect(code.startsWith('```sh\n')).toBe(true);
    expect(code.endsWith('\n```')).toBe(true);
    expectTextIsItsLines(text, chunks);
  });

  it('keeps a long code fence whole inside a bullet subtree that is split', () => {
    const code = Array.from({ length: 30 }, (_, i) => `    kubectl apply -f manifests/part-${String(i).padStart(2, '0')}.yaml`);
    const text = [
      '- **Deploy** - apply the manifests.', // 1
      '', //                                     2
      '    ```bash', //                          3
      ...code, //                                4..33
      '    ```', //                              34
      '', //                                     35
      '- Roll back with helm.', //               36
    ].join('\n');
    const chunks = chunk(text);
    const withCode = chunks.filter((c) => c.text.includes('kubectl apply'));
    expect(withCode).toHaveLength(1);
    expect(withCode[0]?.startLine).toBeLessThanOrEqual(3);
    expect(withCode[0]?.endLine).toBe(34);
    expect(withCode[0]?.text.match(/kubectl apply/g)).toHaveLength(30);
    expect(chunks.at(-1)).toMatchObject({ startLine: 36, endLine: 36, text: '- Roll back with helm.' });
  });

  it('keeps a GFM table longer than the chunk size whole', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `| quota-${String(i).padStart(2, '0')} | ${100 + i} | per account and region |`);
    const text = ['## Limits', '', '| Name | Value | Notes |', '| --- | --- | --- |', ...rows, '', 'Footer paragraph.'].join('\n');
    //            1             2   3                          4                     5..34     35  36
    const chunks = chunk(text);
    expect(outline(chunks)).toEqual([
      { lines: [3, 34], section: ['Limits'] },
      { lines: [36, 36], section: ['Limits'] },
    ]);
    expect(chunks[0]?.text.length).toBeGreaterThan(MAX_CHARS);
    expectTextIsItsLines(text, chunks);
  });
});

describe('chunkNote: long paragraphs', () => {
  it('cuts a 50 KB one-line paragraph into chunks of at most 900 characters, at sentence ends, all on line 1', () => {
    const sentences = Array.from({ length: 800 }, (_, i) => `Sentence ${i} explains how the widget handles retries and backoff.`);
    const paragraph = sentences.join(' ');
    expect(paragraph.length).toBeGreaterThan(50_000);
    const chunks = chunk(paragraph);
    expect(chunks.length).toBeGreaterThanOrEqual(Math.ceil(paragraph.length / MAX_CHARS));
    for (const c of chunks) {
      expect(c.startLine).toBe(1);
      expect(c.endLine).toBe(1);
      expect(c.text.length).toBeLessThanOrEqual(MAX_CHARS);
      expect(c.text).toMatch(/^Sentence \d+ /);
      expect(c.text).toMatch(/backoff\.$/);
    }
    expect(chunks.map((c) => c.text).join(' ')).toBe(paragraph);
  });

  it('cites the right lines for each piece of a 50 KB paragraph spread over many lines', () => {
    const lines = Array.from({ length: 600 }, (_, i) => `Line ${i + 1} says the cache expires after ${i} minutes. It is rebuilt by the nightly job.`);
    const text = ['# Cache', '', ...lines].join('\n');
    expect(text.length).toBeGreaterThan(50_000);
    const chunks = chunk(text);
    expect(chunks.length).toBeGreaterThanOrEqual(Math.ceil(text.length / MAX_CHARS));
    let from = 0;
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(MAX_CHARS);
      expect(c.section).toEqual(['Cache']);
      // Where the piece really is in the note, found independently of the chunker's own numbers.
      const at = text.indexOf(c.text, from);
      expect(at, `piece starting "${c.text.slice(0, 40)}" is a verbatim run of the note`).toBeGreaterThanOrEqual(from);
      const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
      expect([c.startLine, c.endLine]).toEqual([lineAt(at), lineAt(at + c.text.length - 1)]);
      expect(c.text.endsWith('minutes.') || c.text.endsWith('nightly job.'), 'cut at a sentence end').toBe(true);
      from = at + c.text.length;
    }
    expect(chunks[0]?.startLine).toBe(3);
    expect(chunks.at(-1)?.endLine).toBe(602);
  });
});

describe('the title line of a note with no headings', () => {
  it('heads the note, as a # heading would', () => {
    const text = 'Standup notes - week 41\n\nMon: Ana on PTO.\nFri: Retro moved to next Monday.\n';
    expect(outline(chunk(text))).toEqual([{ lines: [3, 4], section: ['Standup notes - week 41'] }]);
  });

  it('is not a sentence, a label, or a line of a note that has headings', () => {
    expect(chunk('We release every two weeks.\n\nOn Tuesdays.\n')[0]?.section).toEqual([]);
    expect(chunk('Owner: payments team\n\nRuns nightly.\n')[0]?.section).toEqual([]);
    expect(chunk('Draft\n\n# Release process\n\nOn Tuesdays.\n').at(-1)?.section).toEqual(['Release process']);
  });
});
