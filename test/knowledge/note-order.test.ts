import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadNoteFiles } from '../../src/knowledge/load.js';
import { compareNotePaths } from '../../src/knowledge/note-order.js';

describe('the order of the notes', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('is the order the folder is read in, which an edited index keeps notes in', async () => {
    dir = await mkdtemp(join(tmpdir(), 'lore-order-'));
    const files = ['a.md', 'a-b.md', 'a/x.md', 'a/b/c.md', 'a_b/y.md', 'B.md', 'b.md', 'a0.md', 'z/a.md', 'é.md', 'a.b.md'];
    for (const file of files) {
      await mkdir(dirname(join(dir, file)), { recursive: true });
      await writeFile(join(dir, file), `# ${file}\n\nText.\n`);
    }
    const read = (await loadNoteFiles(dir, { maxBytes: 1024 })).files.map((file) => file.file);
    expect(read).toHaveLength(files.length);
    expect([...files].sort(compareNotePaths)).toEqual(read);
    // The plain string order differs: a folder's notes come where the folder's name falls.
    expect([...files].sort()).not.toEqual(read);
  });
});
