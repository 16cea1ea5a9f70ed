import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LoreError } from '../../src/errors.js';
import { buildKnowledge } from '../../src/knowledge/build.js';
import { loadNoteFiles } from '../../src/knowledge/load.js';

const MAX_BYTES = 1024;
const made: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lore-load-'));
  made.push(dir);
  return dir;
}

/** Writes files (relative path → content) under `dir`, creating folders. */
async function writeTree(dir: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    await mkdir(join(full, '..'), { recursive: true });
    await writeFile(full, content);
  }
}

async function rejection(promise: Promise<unknown>): Promise<LoreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LoreError);
  return error as LoreError;
}

afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('loadNoteFiles', () => {
  it('reads .md, .markdown, .mdx, .md.erb and .txt files recursively and nothing else', async () => {
    const dir = await tempDir();
    await writeTree(dir, {
      'a.md': '# A\n',
      'deploy.html.md.erb': '# <%= current_page.data.title %>\n',
      'layout.erb': '<%= yield %>\n',
      'b.markdown': '# B\n',
      'c.mdx': '# C\n',
      'd.txt': 'plain text note\n',
      'E.MD': '# upper-case extension\n',
      'sub/deep/er/f.md': '# F\n',
      'data.json': '{"not": "a note"}',
      'script.ts': 'export {};',
      'README': 'no extension',
      'notes.md.bak': '# backup',
    });
    const { files, skipped } = await loadNoteFiles(dir, { maxBytes: MAX_BYTES });
    expect(files.map((f) => f.file).sort()).toEqual(['E.MD', 'a.md', 'b.markdown', 'c.mdx', 'd.txt', 'deploy.html.md.erb', 'sub/deep/er/f.md']);
    expect(skipped).toEqual([]);
    expect(files.find((f) => f.file === 'd.txt')?.text).toBe('plain text note\n');
  });

  it('skips dot-files, dot-folders and node_modules without reporting them', async () => {
    const dir = await tempDir();
    await writeTree(dir, {
      'kept.md': '# kept\n',
      '.hidden.md': '# hidden\n',
      '.git/notes.md': '# in .git\n',
      '.obsidian/x.md': '# in .obsidian\n',
      'node_modules/pkg/README.md': '# a package readme\n',
      'sub/node_modules/x.md': '# nested node_modules\n',
      'sub/.draft.md': '# draft\n',
    });
    const { files, skipped } = await loadNoteFiles(dir, { maxBytes: MAX_BYTES });
    expect(files.map((f) => f.file)).toEqual(['kept.md']);
    expect(skipped).toEqual([]);
  });

  it("skips the copies of pages Logseq keeps (backups, old versions), and reads a Logseq graph's pages", async () => {
    const dir = await tempDir();
    await writeTree(dir, {
      'pages/Kafka.md': '- Retention is 7 days\n',
      'journals/2024_03_14.md': '- Standup\n',
      'logseq/config.edn': '{:meta/version 1}\n',
      'logseq/bak/pages/Kafka/2024-03-01T10_00_00.000Z.Desktop.md': '- Retention is 3 days\n',
      'logseq/version-files/base/pages/Kafka.md': '- Retention is 1 day\n',
      'notes/bak/kept.md': '# a folder named bak elsewhere is read\n',
    });
    const { files } = await loadNoteFiles(dir, { maxBytes: MAX_BYTES });
    expect(files.map((f) => f.file).sort()).toEqual(['journals/2024_03_14.md', 'notes/bak/kept.md', 'pages/Kafka.md']);
  });

  it('skips a link pointing outside the folder with a reason, and follows one pointing inside', async () => {
    const outside = await tempDir();
    const dir = await tempDir();
    await writeTree(outside, { 'secret.md': '# outside the knowledge folder\n' });
    await writeTree(dir, { 'real/inside.md': '# inside\n' });
    await symlink(join(outside, 'secret.md'), join(dir, 'escape.md'));
    await symlink(outside, join(dir, 'escape-folder'));
    await symlink(join(dir, 'real'), join(dir, 'alias'));
    const { files, skipped } = await loadNoteFiles(dir, { maxBytes: MAX_BYTES });
    expect(files.map((f) => f.file)).toEqual(['real/inside.md']);
    expect(files.some((f) => f.text.includes('outside'))).toBe(false);
    expect(skipped).toEqual([
      { file: 'escape-folder', reason: 'link points outside the knowledge folder' },
      { file: 'escape.md', reason: 'link points outside the knowledge folder' },
    ]);
  });

  it('skips a broken link with a reason', async () => {
    const dir = await tempDir();
    await writeTree(dir, { 'ok.md': '# ok\n' });
    await symlink(join(dir, 'gone.md'), join(dir, 'dangling.md'));
    const { skipped } = await loadNoteFiles(dir, { maxBytes: MAX_BYTES });
    expect(skipped).toEqual([{ file: 'dangling.md', reason: 'broken link' }]);
  });

  it('skips invalid UTF-8, binary, empty and oversized files, naming each with its reason', async () => {
    const dir = await tempDir();
    await writeTree(dir, {
      'good.md': '# Good\n\nText.\n',
      'latin1.md': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]), // "café" in Latin-1
      'image.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
      'nul.txt': 'text with a \u0000 null byte',
      'empty.md': '',
      'blank.md': ' \n\n\t\n',
      'big.md': `# Big\n\n${'x '.repeat(1500)}`,
      'sub/also-empty.txt': '',
    });
    const { files, skipped } = await loadNoteFiles(dir, { maxBytes: MAX_BYTES });
    expect(files.map((f) => f.file)).toEqual(['good.md']);
    const reasons = Object.fromEntries(skipped.map((s) => [s.file, s.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['big.md', 'blank.md', 'empty.md', 'image.md', 'latin1.md', 'nul.txt', 'sub/also-empty.txt']);
    expect(reasons['latin1.md']).toBe('not UTF-8 text');
    expect(reasons['image.md']).toBe('not UTF-8 text');
    expect(reasons['nul.txt']).toBe('not UTF-8 text');
    expect(reasons['empty.md']).toBe('empty');
    expect(reasons['blank.md']).toBe('empty');
    expect(reasons['sub/also-empty.txt']).toBe('empty');
    expect(reasons['big.md']).toBe('larger than 1.0 KB (2.9 KB); raise MAX_NOTE_BYTES to include it');
  });

  it('keeps a file of exactly maxBytes', async () => {
    const dir = await tempDir();
    await writeTree(dir, { 'edge.md': 'y'.repeat(MAX_BYTES) });
    const { files, skipped } = await loadNoteFiles(dir, { maxBytes: MAX_BYTES });
    expect(files.map((f) => f.file)).toEqual(['edge.md']);
    expect(skipped).toEqual([]);
  });

  it('fails with KNOWLEDGE_EMPTY, naming the folder and what was skipped, when there are no notes', async () => {
    const dir = await tempDir();
    await writeTree(dir, { 'data.json': '{}', '.hidden.md': '# hidden\n', 'empty.md': '' });
    const error = await rejection(loadNoteFiles(dir, { maxBytes: MAX_BYTES }));
    expect(error.code).toBe('KNOWLEDGE_EMPTY');
    expect(error.message).toContain(dir);
    expect(error.message).toContain('empty.md: empty');
  });

  it('fails with KNOWLEDGE_EMPTY for an empty folder', async () => {
    const dir = await tempDir();
    const error = await rejection(loadNoteFiles(dir, { maxBytes: MAX_BYTES }));
    expect(error.code).toBe('KNOWLEDGE_EMPTY');
    expect(error.message).toContain(dir);
  });

  it('fails with KNOWLEDGE_NOT_FOUND for a missing folder or a file given as the folder', async () => {
    const dir = await tempDir();
    const missing = join(dir, 'no-such-folder');
    const notFound = await rejection(loadNoteFiles(missing, { maxBytes: MAX_BYTES }));
    expect(notFound.code).toBe('KNOWLEDGE_NOT_FOUND');
    expect(notFound.message).toContain(missing);

    await writeTree(dir, { 'file.md': '# a file\n' });
    const notAFolder = await rejection(loadNoteFiles(join(dir, 'file.md'), { maxBytes: MAX_BYTES }));
    expect(notAFolder.code).toBe('KNOWLEDGE_NOT_FOUND');
  });
});

describe('front matter', () => {
  it('reads title, tags, aliases and queries', async () => {
    const dir = await tempDir();
    await writeTree(dir, {
      'deploy.md': [
        '---', //                                            1
        'title: Deploying the API', //                       2
        'tags: [ops, deploy]', //                            3
        'aliases: rollout, release train', //                4
        'queries:', //                                       5
        '  - how do I roll back?', //                        6
        '  - who approves a release?', //                    7
        'owner: someone', //                                 8
        '---', //                                            9
        '', //                                               10
        '# Rollback', //                                     11
        '', //                                               12
        'Run the rollback job from the pipeline page.', //   13
      ].join('\n'),
    });
    const knowledge = await buildKnowledge(dir, { maxNoteBytes: MAX_BYTES });
    expect(knowledge.warnings).toEqual([]);
    expect(knowledge.notes[0]?.meta).toEqual({
      title: 'Deploying the API',
      tags: ['ops', 'deploy'],
      aliases: ['rollout', 'release train'],
      queries: ['how do I roll back?', 'who approves a release?'],
      expected: [],
    });
    expect(knowledge.index.chunks.map((c) => [c.startLine, c.endLine, c.text])).toEqual([[13, 13, 'Run the rollback job from the pipeline page.']]);
  });

  it('warns about invalid YAML and still indexes the body with its own line numbers', async () => {
    const dir = await tempDir();
    await writeTree(dir, {
      'broken.md': ['---', 'title: [unclosed', 'tags: a: b: c', '---', '', 'The zebra service restarts at noon.'].join('\n'),
    });
    const knowledge = await buildKnowledge(dir, { maxNoteBytes: MAX_BYTES });
    expect(knowledge.warnings).toHaveLength(1);
    expect(knowledge.warnings[0]?.file).toBe('broken.md');
    expect(knowledge.warnings[0]?.reason).toMatch(/^front matter is not valid YAML/);
    expect(knowledge.notes[0]?.meta).toEqual({ tags: [], aliases: [], queries: [], expected: [] });
    expect(knowledge.index.chunks.map((c) => [c.startLine, c.endLine, c.text])).toEqual([[6, 6, 'The zebra service restarts at noon.']]);
  });

  it('warns about front matter of the wrong shape', async () => {
    const dir = await tempDir();
    await writeTree(dir, {
      'list.md': ['---', '- just', '- a list', '---', 'Body.'].join('\n'),
      'nested.md': ['---', 'tags:', '  nested: map', '---', 'Body.'].join('\n'),
    });
    const knowledge = await buildKnowledge(dir, { maxNoteBytes: MAX_BYTES });
    expect(knowledge.warnings.map((w) => w.file)).toEqual(['list.md', 'nested.md']);
    expect(knowledge.warnings[0]?.reason).toBe('front matter is not a mapping of keys to values');
    expect(knowledge.warnings[1]?.reason).toContain('tags');
    expect(knowledge.index.chunks.map((c) => [c.file, c.startLine])).toEqual([
      ['list.md', 5],
      ['nested.md', 5],
    ]);
  });

  it('reads a note with a list item of thousands of lines as plain paragraphs, with a warning; a long list or code block in an item stays an outline', async () => {
    const dir = await tempDir();
    const codeInItem = ['- the config', '  ```yaml', ...Array.from({ length: 1500 }, (_, i) => `  key${i}: ${i}`), '  ```', '- next item'].join('\n');
    await writeTree(dir, {
      'runs-on.md': ['# Runs on', '', '- zebra crossing', `  - ${'Q:\n'.repeat(3000)}walrus`, '', 'Last line.'].join('\n'),
      'long-list.md': ['# Long list', '', ...Array.from({ length: 3000 }, (_, i) => `- item ${i}`)].join('\n'),
      'code-in-item.md': codeInItem,
    });
    const knowledge = await buildKnowledge(dir, { maxNoteBytes: 1 << 20 });
    expect(knowledge.warnings.map((w) => [w.file, w.reason])).toEqual([['runs-on.md', 'a list item runs on for too many lines to read as an outline: read as plain paragraphs']]);
    const walrus = knowledge.index.chunks.find((c) => c.text.includes('walrus'));
    expect(walrus?.file).toBe('runs-on.md');
    expect(walrus?.endLine).toBe(3004);
    expect(knowledge.index.chunks.find((c) => c.file === 'long-list.md')?.section[0]).toBe('Long list');
  });

  it('reads a note whose lists or quotes nest thousands deep as plain paragraphs, with a warning, and the other notes as usual', async () => {
    const dir = await tempDir();
    const staircase = Array.from({ length: 150 }, (_, depth) => `${'  '.repeat(depth)}- step ${depth}`).join('\n');
    await writeTree(dir, {
      'bullets.md': ['# Deep', '', 'The ferry leaves at noon.', '', `${'- '.repeat(3000)}zebra crossing`, '', 'Last line.'].join('\n'),
      'quotes.md': `${'>'.repeat(5000)} quoted walrus\n`,
      'stairs.md': staircase,
      'outline.md': ['# Outline', '', Array.from({ length: 20 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth}`).join('\n')].join('\n'),
    });
    const knowledge = await buildKnowledge(dir, { maxNoteBytes: 1 << 20 });
    expect(knowledge.notes.map((note) => note.file).sort()).toEqual(['bullets.md', 'outline.md', 'quotes.md', 'stairs.md']);
    expect(knowledge.warnings.map((w) => w.file).sort()).toEqual(['bullets.md', 'quotes.md', 'stairs.md']);
    expect(knowledge.warnings[0]?.reason).toBe('lists or quotes are nested too deep to read as an outline: read as plain paragraphs');
    const zebra = knowledge.index.chunks.find((c) => c.text.includes('zebra'));
    expect([zebra?.file, zebra?.startLine, zebra?.endLine]).toEqual(['bullets.md', 5, 5]);
    expect(knowledge.index.chunks.some((c) => c.file === 'quotes.md' && c.text.includes('walrus'))).toBe(true);
    // A plain outline, however deep a real one goes, keeps its outline: the nested bullets name their sections.
    const outline = knowledge.index.chunks.filter((c) => c.file === 'outline.md');
    expect(outline.length).toBeGreaterThan(0);
    expect(outline[0]?.section[0]).toBe('Outline');
  });
});
