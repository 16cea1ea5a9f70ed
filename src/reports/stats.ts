import type { SqlClient } from '../store/sql.js';

export interface UsageStats {
  /** Start of the window, ms since the epoch. */
  since: number;
  questions: number;
  answered: number;
  /** answered / questions; null when nothing was asked. */
  answeredShare: number | null;
  /** UTC days with at least one question, oldest first. */
  perDay: { day: string; questions: number; answered: number }[];
  perSurface: { platform: string; surface: string; questions: number; answered: number }[];
  votes: { up: number; down: number; /** up / (up + down); null without votes. */ upShare: number | null };
  /** Notes cited by found answers (best or see-also), most often first; only this folder's when the notes were listed. */
  mostCited: { file: string; times: number }[];
  /** Cited files that are not notes of this folder: another knowledge folder records into the same database. */
  citedElsewhere: number;
  /** Notes of the knowledge folder that no found answer cited; null when the notes were not listed. */
  neverCited: string[] | null;
}

export interface StatsOptions {
  since: number;
  /** Every note file (relative paths), to list the ones never cited. */
  notes?: readonly string[];
  /** Length of `mostCited` (default 10). */
  top?: number;
}

type Count = { questions: number; answered: number };

/** Questions per day and per surface, share answered, 👍/👎, the most cited notes and the notes never cited. */
export async function statsReport(sql: SqlClient, options: StatsOptions): Promise<UsageStats> {
  const { since } = options;
  const totals = await sql.get<Count>('SELECT COUNT(*) AS questions, COALESCE(SUM(found), 0) AS answered FROM questions WHERE asked_at >= ?', [since]);
  const day = sql.dialect === 'postgres' ? "to_char(to_timestamp(asked_at / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD')" : "date(asked_at / 1000, 'unixepoch')";
  const perDay = await sql.all<Count & { day: string }>(
    `SELECT ${day} AS day, COUNT(*) AS questions, SUM(found) AS answered
     FROM questions WHERE asked_at >= ? GROUP BY 1 ORDER BY 1`,
    [since],
  );
  const perSurface = await sql.all<Count & { platform: string; surface: string }>(
    `SELECT platform, surface, COUNT(*) AS questions, SUM(found) AS answered
     FROM questions WHERE asked_at >= ? GROUP BY platform, surface ORDER BY questions DESC, platform, surface`,
    [since],
  );
  const votes = { up: 0, down: 0 };
  for (const row of await sql.all<{ vote: 'up' | 'down'; n: number }>('SELECT vote, COUNT(*) AS n FROM votes WHERE voted_at >= ? GROUP BY vote', [since])) {
    votes[row.vote] = row.n;
  }
  const cited = await sql.all<{ file: string; times: number }>(
    `SELECT n.file, COUNT(DISTINCT n.question_id) AS times
     FROM question_notes n JOIN questions q ON q.id = n.question_id
     WHERE q.found = 1 AND q.asked_at >= ? GROUP BY n.file ORDER BY times DESC, n.file`,
    [since],
  );
  const questions = totals?.questions ?? 0;
  const answered = totals?.answered ?? 0;
  const citedFiles = new Set(cited.map((row) => row.file));
  const notes = options.notes && new Set(options.notes);
  const here = notes ? cited.filter((row) => notes.has(row.file)) : cited;
  return {
    since,
    questions,
    answered,
    answeredShare: questions === 0 ? null : answered / questions,
    perDay,
    perSurface,
    votes: { ...votes, upShare: votes.up + votes.down === 0 ? null : votes.up / (votes.up + votes.down) },
    mostCited: here.slice(0, options.top ?? 10),
    citedElsewhere: cited.length - here.length,
    neverCited: options.notes ? options.notes.filter((file) => !citedFiles.has(file)).sort() : null,
  };
}
