import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run.js';
import { projectRoot } from '../project-root.js';

export const ROOT = projectRoot(import.meta.url);
export const BUNDLED_NOTES = join(ROOT, 'knowledge/');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process with its own streams and environment. */
export async function runInProcess(argv: string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  stdin.end(options.stdin ?? '');
  const code = await runCli(argv, {
    stdin,
    stdout,
    stderr,
    env: { KNOWLEDGE_DIR: BUNDLED_NOTES, LOG_LEVEL: 'silent', WATCH: 'false', LORE_DB: 'off', ...options.env },
    cwd: ROOT,
  });
  return { code, stdout: out, stderr: err };
}

/** Runs `src/cli.ts` as a real process (through tsx), as `npm start` would. */
export function runProcess(args: string[], stdin: string, env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', KNOWLEDGE_DIR: BUNDLED_NOTES, LORE_DB: 'off', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(stdin);
  });
}
