import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLore, type Lore } from '../../src/engine.js';
import { LoreError } from '../../src/errors.js';

const WAIT_MS = 5000;

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${WAIT_MS} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('live notes', () => {
  let dir: string | undefined;
  let stop: (() => Promise<void>) | undefined;

  afterEach(async () => {
    await stop?.();
    stop = undefined;
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('picks up edited and added notes while watching, and keeps serving the last good index when the folder goes bad', async () => {
    dir = await mkdtemp(join(tmpdir(), 'lore-reload-'));
    const alpha = join(dir, 'alpha.md');
    await writeFile(alpha, '# Alpha\n\nThe alpha service restarts every night.\n');
    const lore: Lore = await openLore({ knowledgeDir: dir });
    expect(lore.answer('when does the quokka cache expire?').found).toBe(false);
    expect(lore.stats().files).toBe(1);
    stop = await lore.watch();

    // Edit an existing note.
    await writeFile(alpha, '# Alpha\n\nThe alpha service restarts every night.\n\n## Wombat\n\nThe wombat queue drains at noon.\n');
    await waitFor(() => lore.answer('when does the wombat queue drain?').found, 'the edited note to be indexed');
    expect(lore.answer('when does the wombat queue drain?').citations[0]).toMatchObject({ file: 'alpha.md', startLine: 7, endLine: 7, section: 'Alpha › Wombat' });

    // Add a note in a new sub-folder.
    await mkdir(join(dir, 'team'));
    await writeFile(join(dir, 'team', 'beta.md'), '# Beta\n\nThe quokka cache expires after ten minutes.\n');
    await waitFor(() => lore.answer('when does the quokka cache expire?').found, 'the added note to be indexed');
    const added = lore.answer('when does the quokka cache expire?');
    expect(added.citations[0]).toMatchObject({ file: 'team/beta.md', startLine: 3, endLine: 3 });
    expect(lore.stats().files).toBe(2);

    // Remove a note: the watcher takes it out of the index on its own.
    await unlink(alpha);
    await waitFor(() => !lore.answer('when does the wombat queue drain?').found, 'the removed note to leave the index');
    expect(lore.stats().files).toBe(1);

    // Remove the last note: the folder no longer builds, the last good index keeps answering.
    await rm(join(dir, 'team'), { recursive: true });
    await writeFile(join(dir, 'empty.md'), '');
    expect(await lore.reload()).toBe(false);
    expect(lore.answer('when does the quokka cache expire?').found).toBe(true);
    expect(lore.stats().files).toBe(1);
    // Let the watcher see the deletion and try (and fail) to take it in on its own, too.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(lore.answer('when does the quokka cache expire?').found).toBe(true);
    expect(lore.stats().files).toBe(1);

    // A good note again: reload succeeds and the old notes are gone.
    await writeFile(join(dir, 'gamma.md'), '# Gamma\n\nThe platypus job runs on Mondays.\n');
    expect(await lore.reload()).toBe(true);
    expect(lore.answer('when does the platypus job run?').found).toBe(true);
    expect(lore.answer('when does the quokka cache expire?').found).toBe(false);
  });

  it('tells build listeners how long each full build took, not failed ones', async () => {
    dir = await mkdtemp(join(tmpdir(), 'lore-reload-'));
    await writeFile(join(dir, 'note.md'), '# Note\n\nThe narwhal backup runs hourly.\n');
    const lore = await openLore({ knowledgeDir: dir });
    const builds: number[] = [];
    const stopListening = lore.onBuild((ms) => builds.push(ms));
    expect(await lore.reload()).toBe(true);
    expect(builds).toEqual([lore.stats().buildMs]);
    await writeFile(join(dir, 'note.md'), '');
    expect(await lore.reload()).toBe(false);
    expect(builds).toHaveLength(1);
    stopListening();
    await writeFile(join(dir, 'note.md'), '# Note\n\nThe narwhal backup runs daily.\n');
    expect(await lore.reload()).toBe(true);
    expect(builds).toHaveLength(1);
  });

  it('keeps serving when the folder itself disappears', async () => {
    dir = await mkdtemp(join(tmpdir(), 'lore-reload-'));
    await writeFile(join(dir, 'note.md'), '# Note\n\nThe narwhal backup runs hourly.\n');
    const lore = await openLore({ knowledgeDir: dir });
    await rm(dir, { recursive: true, force: true });
    expect(await lore.reload()).toBe(false);
    expect(lore.answer('how often does the narwhal backup run?').found).toBe(true);
  });

  it('refuses to open a folder without notes', async () => {
    dir = await mkdtemp(join(tmpdir(), 'lore-reload-'));
    const error = await openLore({ knowledgeDir: dir }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LoreError);
    expect((error as LoreError).code).toBe('KNOWLEDGE_EMPTY');
  });
});
