import { commandContext, openEngine, writeLine, type CliIO } from './context.js';
import type { ParsedArgs } from './args.js';

/** `lore index`: builds the index and reports what it holds and what it skipped. */
export async function indexCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const context = commandContext(args, io, 'warn');
  const lore = await openEngine(context);
  const stats = lore.stats();
  if (args.json) {
    writeLine(io.stdout, JSON.stringify({ knowledgeDir: context.config.knowledgeDir, files: stats.files, chunks: stats.chunks, terms: stats.terms, buildMs: Math.round(stats.buildMs), skipped: stats.skipped }));
    return 0;
  }
  writeLine(io.stdout, `Indexed ${context.config.knowledgeDir}`);
  writeLine(io.stdout, `  files:  ${stats.files}`);
  writeLine(io.stdout, `  chunks: ${stats.chunks}`);
  writeLine(io.stdout, `  terms:  ${stats.terms}`);
  writeLine(io.stdout, `  build:  ${Math.round(stats.buildMs)} ms`);
  if (stats.skipped.length > 0) {
    writeLine(io.stdout, `  skipped ${stats.skipped.length}:`);
    for (const skipped of stats.skipped) writeLine(io.stdout, `    ${skipped.file}: ${skipped.reason}`);
  }
  return 0;
}
