import { gapsReport } from '../reports/gaps.js';
import { gapsJson, renderGapsText } from '../reports/render.js';
import { commandContext, writeLine, type CliIO } from './context.js';
import type { ParsedArgs } from './args.js';
import { openReportDatabase, reportSince } from './report-db.js';

/** `lore gaps [--since 30d] [--json]`: the questions the notes did not answer well, grouped, most asked first. */
export async function gapsCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const { config } = commandContext(args, io, 'warn');
  const since = reportSince(args);
  const db = await openReportDatabase(config, io);
  let gaps;
  try {
    gaps = await gapsReport(db, { since });
  } finally {
    await db.close();
  }
  writeLine(io.stdout, args.json ? JSON.stringify(gapsJson(gaps, since)) : renderGapsText(gaps, since));
  return 0;
}
