import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/knowledge/frontmatter.js';
import { runInProcess } from './helpers.js';

const NOTE = (queries: string) =>
  ['---', 'queries:', queries, '---', '# Upgrading PostgreSQL', '', 'Major upgrades use pg_upgrade in link mode.', '', '## Rollback', '', 'Roll back by starting the old cluster and pointing pgbouncer back at it.', ''].join('\n');

async function notesWith(queries: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lore-check-'));
  await writeFile(join(dir, 'upgrade.md'), NOTE(queries));
  return dir;
}

describe('lore check with the lines or section a query should cite', () => {
  it('passes when the first citation is on the named lines and in the named section', async () => {
    const dir = await notesWith(['  - { q: "how do I roll back a pg upgrade", lines: 12, section: Rollback }', '  - major upgrades'].join('\n'));
    const result = await runInProcess(['check', '--knowledge', dir]);
    expect(result.stdout).toContain('2 passed, 0 failed');
    expect(result.code).toBe(0);
  });

  it('fails a query that finds its note but cites other lines, naming what it expected', async () => {
    const dir = await notesWith('  - { q: "how do I roll back a pg upgrade", lines: 7 }');
    const result = await runInProcess(['check', '--knowledge', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/FAIL upgrade\.md: "how do I roll back a pg upgrade" → upgrade\.md:11-11 \(expected lines 7-7\)/);
  });

  it('fails a query whose section is not the one named', async () => {
    const dir = await notesWith('  - { q: "how do I roll back a pg upgrade", section: Steps }');
    const result = await runInProcess(['check', '--knowledge', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('expected section Steps, cited Upgrading PostgreSQL › Rollback');
  });

  it('reports a query entry with an unknown key, naming the form to use', () => {
    const result = parseFrontMatter('queries:\n  - { q: "roll back", line: 7 }');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problem).toContain('{ q: question, lines: 12-18, section: Title }');
  });

  it('reads plain and expected queries alike', () => {
    const result = parseFrontMatter('queries:\n  - plain one\n  - { q: "roll back", lines: 9-7, section: Rollback }');
    expect(result.meta.queries).toEqual(['plain one', 'roll back']);
    expect(result.meta.expected).toEqual([{ query: 'roll back', lines: [7, 9], section: 'Rollback' }]);
  });
});
