import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLore, type Lore } from '../../src/engine.js';

const QUESTIONS = ['when does the wombat queue drain?', 'quokka cache', 'platypus job', 'who owns the alpha service?', 'narwhal backup'];

/** What each question gets, as a user sees it (the found flag, the quote and the citations with their scores). */
function answers(lore: Lore) {
  return QUESTIONS.map((question) => {
    const { found, text, citations } = lore.answer(question);
    return { question, found, text, citations };
  });
}

async function expectSameAsFresh(lore: Lore, dir: string): Promise<void> {
  const fresh = await openLore({ knowledgeDir: dir });
  expect(answers(lore)).toEqual(answers(fresh));
  expect({ ...lore.stats(), builtAt: undefined, buildMs: undefined }).toEqual({ ...fresh.stats(), builtAt: undefined, buildMs: undefined });
}

describe('applying changed paths', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('indexes changed, added and removed notes as a fresh build would, and ignores paths that are not notes of the folder', async () => {
    dir = await mkdtemp(join(tmpdir(), 'lore-apply-'));
    await writeFile(join(dir, 'alpha.md'), '# Alpha\n\nThe alpha service is owned by the platform team.\n');
    await mkdir(join(dir, 'team'));
    await writeFile(join(dir, 'team', 'beta.md'), '# Beta\n\nThe quokka cache expires after ten minutes.\n');
    const lore = await openLore({ knowledgeDir: dir });

    await writeFile(join(dir, 'alpha.md'), '# Alpha\n\nThe alpha service is owned by the platform team.\n\n## Wombat\n\nThe wombat queue drains at noon.\n');
    await mkdir(join(dir, 'team', 'ops'));
    await writeFile(join(dir, 'team', 'ops', 'gamma.md'), '# Gamma\n\nThe platypus job runs on Mondays.\n');
    await writeFile(join(dir, 'notes.json'), '{}');
    expect(await lore.applyChanges({ changed: ['alpha.md', './team//ops/gamma.md', 'notes.json', '../outside.md', '/etc/passwd.md'], removed: [] })).toBe(true);
    expect(lore.answer('when does the wombat queue drain?').citations[0]).toMatchObject({ file: 'alpha.md', startLine: 7, endLine: 7, section: 'Alpha › Wombat' });
    expect(lore.answer('platypus job').citations[0]?.file).toBe('team/ops/gamma.md');
    await expectSameAsFresh(lore, dir);

    // A removed file, and a removed folder reported by its own path only.
    await unlink(join(dir, 'team', 'beta.md'));
    await rm(join(dir, 'team', 'ops'), { recursive: true });
    expect(await lore.applyChanges({ changed: [], removed: ['team/beta.md', 'team/ops'] })).toBe(true);
    expect(lore.answer('quokka cache').found).toBe(false);
    expect(lore.answer('platypus job').found).toBe(false);
    await expectSameAsFresh(lore, dir);

    // A note that can no longer be read is taken out and listed as skipped.
    await writeFile(join(dir, 'delta.md'), '# Delta\n\nThe narwhal backup runs hourly.\n');
    expect(await lore.applyChanges({ changed: ['delta.md'], removed: [] })).toBe(true);
    expect(lore.answer('narwhal backup').found).toBe(true);
    await writeFile(join(dir, 'delta.md'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    expect(await lore.applyChanges({ changed: ['delta.md'], removed: [] })).toBe(true);
    expect(lore.answer('narwhal backup').found).toBe(false);
    expect(lore.stats().skipped).toEqual([{ file: 'delta.md', reason: 'not UTF-8 text' }]);
    await expectSameAsFresh(lore, dir);

    // A folder among the paths is read whole.
    await mkdir(join(dir, 'more'));
    await writeFile(join(dir, 'more', 'epsilon.md'), '# Epsilon\n\nThe quokka cache is warmed at dawn.\n');
    expect(await lore.applyChanges({ changed: ['more'], removed: [] })).toBe(true);
    expect(lore.answer('quokka cache').citations[0]?.file).toBe('more/epsilon.md');
    await expectSameAsFresh(lore, dir);
  });

  it("ignores a change to Logseq's copies of a page, as a fresh build does", async () => {
    dir = await mkdtemp(join(tmpdir(), 'lore-apply-'));
    await writeFile(join(dir, 'alpha.md'), '# Alpha\n\nThe alpha service is owned by the platform team.\n');
    const lore = await openLore({ knowledgeDir: dir });
    await mkdir(join(dir, 'logseq', 'bak', 'pages'), { recursive: true });
    await writeFile(join(dir, 'logseq', 'bak', 'pages', 'alpha.md'), '# Alpha\n\nThe quokka cache is owned by nobody.\n');
    expect(await lore.applyChanges({ changed: ['logseq/bak/pages/alpha.md'], removed: [] })).toBe(true);
    expect(lore.answer('quokka cache').found).toBe(false);
    await expectSameAsFresh(lore, dir);
  });

  it('takes in the rest of a burst when a removal is reported before the other changes', async () => {
    dir = await mkdtemp(join(tmpdir(), 'lore-apply-'));
    await writeFile(join(dir, 'alpha.md'), '# Alpha\n\nThe wombat queue drains at noon.\n');
    await mkdir(join(dir, 'team'));
    await writeFile(join(dir, 'team', 'beta.md'), '# Beta\n\nThe quokka cache expires after ten minutes.\n');
    await writeFile(join(dir, 'gamma.md'), '# Gamma\n\nThe platypus job runs on Mondays.\n');
    const lore = await openLore({ knowledgeDir: dir });
    await unlink(join(dir, 'alpha.md'));
    await rm(join(dir, 'team'), { recursive: true });
    await writeFile(join(dir, 'delta.md'), '# Delta\n\nThe narwhal backup runs hourly.\n');
    expect(await lore.applyChanges({ changed: [], removed: ['alpha.md'] })).toBe(true);
    expect(lore.answer('narwhal backup').found).toBe(true);
    expect(lore.answer('quokka cache').found).toBe(false);
    await expectSameAsFresh(lore, dir);

    // Every note gone at once, the first removal reported alone: refused as a whole, the last good index answers.
    await unlink(join(dir, 'gamma.md'));
    await unlink(join(dir, 'delta.md'));
    await writeFile(join(dir, 'empty.md'), '');
    expect(await lore.applyChanges({ changed: [], removed: ['gamma.md'] })).toBe(false);
    expect(lore.answer('narwhal backup').found).toBe(true);
    expect(lore.answer('platypus job').found).toBe(true);
  });

  it('leaves the index as it is when a reported note reads back unchanged', async () => {
    dir = await mkdtemp(join(tmpdir(), 'lore-apply-'));
    await writeFile(join(dir, 'alpha.md'), '# Alpha\n\nThe wombat queue drains at noon.\n');
    const lore = await openLore({ knowledgeDir: dir });
    const { builtAt } = lore.stats();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await lore.applyChanges({ changed: ['alpha.md', 'alpha.md'], removed: [] })).toBe(true);
    expect(lore.stats().builtAt).toEqual(builtAt);
    await writeFile(join(dir, 'alpha.md'), '# Alpha\n\nThe wombat queue drains at one.\n');
    expect(await lore.applyChanges({ changed: ['alpha.md'], removed: [] })).toBe(true);
    expect(lore.stats().builtAt).not.toEqual(builtAt);
  });

  it('refuses a change that leaves no notes, keeps serving, and builds afresh on the next change', async () => {
    dir = await mkdtemp(join(tmpdir(), 'lore-apply-'));
    await writeFile(join(dir, 'alpha.md'), '# Alpha\n\nThe wombat queue drains at noon.\n');
    const lore = await openLore({ knowledgeDir: dir });
    await unlink(join(dir, 'alpha.md'));
    expect(await lore.applyChanges({ changed: [], removed: ['alpha.md'] })).toBe(false);
    expect(lore.answer('when does the wombat queue drain?').found).toBe(true);

    await writeFile(join(dir, 'beta.md'), '# Beta\n\nThe quokka cache expires after ten minutes.\n');
    expect(await lore.applyChanges({ changed: ['beta.md'], removed: [] })).toBe(true);
    expect(lore.answer('when does the wombat queue drain?').found).toBe(false);
    await expectSameAsFresh(lore, dir);
  });
});
