import { spawn, type ChildProcess } from 'node:child_process';
import { BUNDLED_NOTES, ROOT } from '../cli/helpers.js';
import { freePort } from '../free-port.js';

/** One `lore serve` process (src/cli.ts through tsx), in Slack HTTP mode on a port of its own. */
export interface Replica {
  readonly port: number;
  readonly url: string;
  /** What it has printed so far (its log lines), for a failure message. */
  output(): string;
  stop(): Promise<number | null>;
}


const READY_TIMEOUT_MS = 30_000;

/** Starts a replica and resolves once its GET /healthz answers. */
export async function startReplica(env: Record<string, string>): Promise<Replica> {
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', KNOWLEDGE_DIR: BUNDLED_NOTES, WATCH: 'false', LOG_LEVEL: 'info', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`lore serve exited with ${child.exitCode}:\n${output}`);
    const ok = await fetch(`${url}/healthz`).then((response) => response.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`lore serve did not answer /healthz within ${READY_TIMEOUT_MS} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    port,
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
