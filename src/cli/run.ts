import { readFileSync } from 'node:fs';
import { isLoreError, UsageError } from '../errors.js';
import { parseCliArgs, USAGE } from './args.js';
import { writeLine, type CliIO } from './context.js';

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Runs the command line and returns the exit code: 0 done, 1 failed, 2 usage. The one place errors are caught. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  try {
    const args = parseCliArgs(argv);
    if (args.help) return writeLine(io.stdout, USAGE), 0;
    if (args.version) return writeLine(io.stdout, version()), 0;
    // Commands load on demand: `lore ask` should not pay for loading the Slack and Discord libraries.
    switch (args.command) {
      case 'ask':
        return await (await import('./ask.js')).askCommand(args, io);
      case 'index':
        return await (await import('./index-command.js')).indexCommand(args, io);
      case 'serve':
        return await (await import('./serve.js')).serveCommand(args, io);
      case 'check':
        return await (await import('./check.js')).checkCommand(args, io);
      case 'health':
        return await (await import('./health.js')).healthCommand(args, io);
      case 'gaps':
        return await (await import('./gaps.js')).gapsCommand(args, io);
      case 'stats':
        return await (await import('./stats.js')).statsCommand(args, io);
      case 'stale':
        return await (await import('./stale.js')).staleCommand(args, io);
      case 'doctor':
        return await (await import('./doctor.js')).doctorCommand(args, io);
      case 'discord:register':
        return await (await import('./discord-register.js')).discordRegisterCommand(args, io);
      case undefined:
        writeLine(io.stderr, USAGE);
        return 2;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      writeLine(io.stderr, `lore: ${error.message}\nSee lore --help for the commands and options.`);
      return 2;
    }
    if (isLoreError(error)) {
      writeLine(io.stderr, `lore: ${error.message}`);
      return 1;
    }
    writeLine(io.stderr, `lore: unexpected error (a bug, please report it):\n${(error as Error)?.stack ?? String(error)}`);
    return 1;
  }
}

