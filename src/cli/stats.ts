import { loadNoteFiles } from '../knowledge/load.js';
import { statsReport } from '../reports/stats.js';
import { renderStatsText, statsJson } from '../reports/render.js';
import { commandContext, writeLine, type CliIO } from './context.js';
import type { ParsedArgs } from './args.js';
import { openReportDatabase, reportSince } from './report-db.js';

/** `lore stats [--since 30d] [--json]`: questions per day and surface, share answered, votes, cited and uncited notes. */
export async function statsCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const { config, logger } = commandContext(args, io, 'warn');
  const since = reportSince(args);
  // Without the notes folder the report still stands; only "never cited" is left out.
  const notes = await loadNoteFiles(config.knowledgeDir, { maxBytes: config.maxNoteBytes }).then(
    (loaded) => loaded.files.map((file) => file.file),
    (error: unknown) => {
      logger.warn({ err: error }, 'could not list the notes; "never cited" is left out');
      return undefined;
    },
  );
  const db = await openReportDatabase(config, io);
  let stats;
  try {
    stats = await statsReport(db, { since, notes });
  } finally {
    await db.close();
  }
  writeLine(io.stdout, args.json ? JSON.stringify({ ...statsJson(stats), knowledgeDir: config.knowledgeDir }) : renderStatsText(stats, config.knowledgeDir));
  return 0;
}
