import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/helpers.js';

/**
 * `npm start` runs the package's start script; stopping npm (a service manager's SIGTERM) must stop the bot too.
 * The script is run as written, with a stand-in for the built bot that only records its pid and waits.
 */

let dir: string | undefined;
let botPid: number | undefined;
afterEach(async () => {
  if (botPid !== undefined && alive(botPid)) process.kill(botPid, 'SIGKILL');
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = botPid = undefined;
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

describe('npm start', () => {
  it('stops the bot when npm gets SIGTERM', async () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
    dir = await mkdtemp(join(tmpdir(), 'lore-npm-start-'));
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'start-script', version: '1.0.0', private: true, scripts: { start: scripts.start } }));
    await mkdir(join(dir, 'dist'));
    await writeFile(join(dir, 'dist', 'cli.js'), "require('node:fs').writeFileSync('bot.pid', String(process.pid));\nsetInterval(() => undefined, 1000);\n");
    const pidFile = join(dir, 'bot.pid');
    const npm = spawn('npm', ['start', '--silent'], { cwd: dir, stdio: 'ignore', env: { PATH: process.env.PATH ?? '', HOME: dir } });
    try {
      expect(await until(() => existsSync(pidFile), 15_000)).toBe(true);
      botPid = Number(await readFile(pidFile, 'utf8'));
      npm.kill('SIGTERM');
      expect(await until(() => botPid !== undefined && !alive(botPid), 5000)).toBe(true);
    } finally {
      if (npm.exitCode === null) npm.kill('SIGKILL');
    }
  }, 30_000);
});
