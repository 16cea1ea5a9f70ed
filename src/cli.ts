#!/usr/bin/env node
import { loadDotEnv } from './config.js';
import { runCli } from './cli/run.js';

// A reader that stops early (`lore ask … | head`) closes the pipe; there is no one left to write to, so leave quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

try {
  loadDotEnv();
} catch (error) {
  process.stderr.write(`lore: ${(error as Error).message}\n`);
  process.exit(1);
}
const code = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = code;
// Chat clients and watchers may hold the event loop; the command has finished, so leave.
setTimeout(() => process.exit(code), 50).unref();
