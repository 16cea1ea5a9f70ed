import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LoreError } from '../errors.js';
import { citedLinesSince, renderStaleText, staleJson, staleReport, type DateLines } from '../reports/stale.js';
import { openProvenance } from '../source/git/provenance.js';
import { commandContext, writeLine, type CliIO } from './context.js';
import type { ParsedArgs } from './args.js';
import { openReportDatabase, reportSince } from './report-db.js';

/** `lore stale [--since 30d] [--json]`: the notes most cited lately whose cited lines are oldest. */
export async function staleCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const { config, logger } = commandContext(args, io, 'warn');
  const since = reportSince(args);
  const provenance = await openProvenance(config.knowledgeDir, logger);
  if (provenance === undefined) {
    throw new LoreError(
      'GIT_FAILED',
      `${config.knowledgeDir} is not in a git repository, so its lines have no dates: set KNOWLEDGE_GIT_URL (and run lore serve once to clone it), or keep the notes folder in a git work tree.`,
    );
  }
  const sql = await openReportDatabase(config, io);
  let cited;
  try {
    cited = await citedLinesSince(sql, since);
  } finally {
    await sql.close();
  }
  const date: DateLines = async (file, startLine, endLine, commit) => {
    if (commit !== undefined) {
      try {
        const changed = await provenance.dateLines(file, startLine, endLine, commit);
        return changed === undefined ? undefined : { changed, commit };
      } catch (error) {
        // A commit rewritten away (force-push) or a range git cannot read there: date today's lines instead.
        logger.debug({ err: error, file, commit }, 'could not blame the cited lines at their commit');
      }
    }
    // Ranges without their commit come from some older version of the notes: dated as far as the file reaches today.
    const lineCount = await readFile(join(config.knowledgeDir, file), 'utf8').then(
      (text) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0),
      () => 0,
    );
    if (lineCount < startLine) return undefined;
    const changed = await provenance.dateLines(file, startLine, Math.min(endLine, lineCount)).catch(() => undefined);
    return changed === undefined ? undefined : { changed };
  };
  const notes = await staleReport(cited, date, { now: Date.now(), staleAfterDays: config.staleAfterDays });
  writeLine(io.stdout, args.json ? JSON.stringify(staleJson(notes, since)) : renderStaleText(notes, since));
  return 0;
}
