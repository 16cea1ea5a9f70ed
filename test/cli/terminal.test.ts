import { spawn } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, runInProcess, type CliResult } from './helpers.js';

/** What the terminal gets: no escape sequences from notes, no crash when the reader goes away, each note once. */

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

const ESC = '\u001b';
const HOSTILE_NOTE = [
  '# Printer',
  '',
  '## Toner',
  '',
  `Replace the toner ${ESC}]0;pwned window title\u0007cartridge ${ESC}[2Jevery month, see ${ESC}]8;;https://evil.example\u0007the guide${ESC}]8;;\u0007 and ring\u0007 the bell.`,
].join('\n');

describe('note text on the terminal', () => {
  it.each([
    ['ask', ['ask', 'when do we replace the toner cartridge?'], ''],
    ['serve', ['serve'], 'when do we replace the toner cartridge?\n'],
  ])('lore %s prints no control characters or escape sequences from a note', async (_name, argv, stdin) => {
    dir = await mkdtemp(join(tmpdir(), 'lore-ansi-'));
    await writeFile(join(dir, 'printer.md'), HOSTILE_NOTE);
    const { code, stdout } = await runInProcess(argv, { stdin, env: { KNOWLEDGE_DIR: dir } });
    expect(code).toBe(0);
    expect(stdout).toContain('Replace the toner');
    expect(stdout).toContain('the guide');
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});

describe('a knowledge folder with a link back to itself', () => {
  it('is walked once: each skipped file is reported once', async () => {
    dir = await mkdtemp(join(tmpdir(), 'lore-loop-'));
    await writeFile(join(dir, 'printer.md'), '# Printer\n\nThe printer is on the second floor.\n');
    await symlink(join(dir, 'missing.md'), join(dir, 'broken.md'));
    await symlink('.', join(dir, 'loop'));
    const { code, stdout } = await runInProcess(['index', '--json'], { env: { KNOWLEDGE_DIR: dir } });
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { files: number; skipped: { file: string }[] };
    expect(result.files).toBe(1);
    expect(result.skipped.map((skipped) => skipped.file)).toEqual(['broken.md']);
  });
});

/** Runs the CLI as a real process and closes its stdout after the first chunk, as `| head -1` does. */
function readFirstChunk(args: string[], stdin: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', KNOWLEDGE_DIR: join(ROOT, 'knowledge'), LORE_DB: 'off', WATCH: 'false' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.once('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin);
  });
}

describe('a reader that stops early', () => {
  const questions = Array.from({ length: 400 }, (_, i) => `does fargate support daemonsets? (${i})`).join('\n');

  it.each([['ask'], ['serve']])('lore %s | head exits quietly', async (command) => {
    const { code, stdout, stderr } = await readFirstChunk([command], `${questions}\n`);
    expect(stdout.length).toBeGreaterThan(0);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 30_000);
});
