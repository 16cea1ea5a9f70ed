import type { SqlClient } from '../store/sql.js';
import { updatedAgo } from '../answer/age.js';

/** One citation of a recorded answer: which question cited which lines. */
export interface CitedLines {
  questionId: number;
  file: string;
  startLine: number;
  endLine: number;
  /** The commit the lines were read at; unknown for notes outside git and for answers recorded before lore kept it. */
  commit?: string;
}

/**
 * The lines cited by answered questions since `since` (ms since the epoch), best citations and see-also alike.
 * The one query of this report, kept apart so another store can answer it.
 */
export async function citedLinesSince(sql: SqlClient, since: number): Promise<CitedLines[]> {
  const rows = await sql.all<Omit<CitedLines, 'commit'> & { commit: string | null }>(
    `SELECT n.question_id AS "questionId", n.file, n.start_line AS "startLine", n.end_line AS "endLine", n.commit_sha AS "commit"
     FROM question_notes n JOIN questions q ON q.id = n.question_id
     WHERE q.found = 1 AND q.asked_at >= ? ORDER BY n.file, n.start_line`,
    [since],
  );
  return rows.map(({ commit, ...row }) => ({ ...row, questionId: Number(row.questionId), ...(commit !== null && { commit }) }));
}

/** A note worth a review: cited often, from lines changed long ago. */
export interface StaleNote {
  file: string;
  /** Answered questions that cited the note. */
  times: number;
  /** The cited range whose newest change is oldest. */
  startLine: number;
  endLine: number;
  /** The commit the range was cited and dated at, when it was recorded and is still in the repository. */
  commit?: string;
  /** ISO date of that range's newest change. */
  changed: string;
  /** Older than STALE_AFTER_DAYS. */
  stale: boolean;
}

/**
 * ISO date of the newest change to lines `start..end` of `file` as they were at `commit`, with that commit; or, when
 * no commit is given or it cannot be read, of the lines as they are now, without one. Undefined when neither dates them.
 */
export type DateLines = (file: string, startLine: number, endLine: number, commit?: string) => Promise<{ changed: string; commit?: string } | undefined>;

export interface StaleOptions {
  now: number;
  staleAfterDays: number;
  /** Length of the list (default 20). */
  top?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The notes most worth a review: each cited note with its oldest cited lines, ordered by times cited × age of
 * those lines, so a note cited daily from two-year-old lines comes before one cited once from old lines. Notes
 * whose cited lines cannot be dated now (the file is gone) are left out.
 */
export async function staleReport(cited: readonly CitedLines[], date: DateLines, options: StaleOptions): Promise<StaleNote[]> {
  const byFile = new Map<string, { questions: Set<number>; ranges: Map<string, [number, number, string | undefined]> }>();
  for (const row of cited) {
    const entry = byFile.get(row.file) ?? { questions: new Set(), ranges: new Map() };
    entry.questions.add(row.questionId);
    entry.ranges.set(`${row.startLine}-${row.endLine}@${row.commit ?? ''}`, [row.startLine, row.endLine, row.commit]);
    byFile.set(row.file, entry);
  }
  const notes: StaleNote[] = [];
  for (const [file, { questions, ranges }] of byFile) {
    let oldest: StaleNote | undefined;
    for (const [startLine, endLine, commit] of ranges.values()) {
      const dated = await date(file, startLine, endLine, commit);
      if (dated === undefined) continue;
      const { changed } = dated;
      if (oldest === undefined || changed < oldest.changed) {
        const stale = options.now - Date.parse(changed) > options.staleAfterDays * DAY_MS;
        oldest = { file, times: questions.size, startLine, endLine, ...(dated.commit !== undefined && { commit: dated.commit }), changed, stale };
      }
    }
    if (oldest) notes.push(oldest);
  }
  const weight = (note: StaleNote) => note.times * Math.max(1, options.now - Date.parse(note.changed));
  return notes.sort((a, b) => weight(b) - weight(a) || a.file.localeCompare(b.file)).slice(0, options.top ?? 20);
}

export function staleJson(notes: readonly StaleNote[], since: number) {
  return { since: new Date(since).toISOString(), notes };
}

export function renderStaleText(notes: readonly StaleNote[], since: number, now = Date.now()): string {
  const from = new Date(since).toISOString().slice(0, 10);
  if (notes.length === 0) return `No cited notes since ${from}: nothing to review yet.`;
  const lines = [`Notes worth a review: cited since ${from}, the most cited and longest unchanged first.`];
  notes.forEach((note, i) => {
    const span = note.startLine === note.endLine ? `L${note.startLine}` : `L${note.startLine}–${note.endLine}`;
    // The short sha says the lines were dated as they were when cited, not as the file is today.
    const range = note.commit ? `${span} at ${note.commit.slice(0, 7)}` : span;
    const age = updatedAgo(note, now) ?? '';
    lines.push(`${i + 1}. ${note.file}`, `   cited ${note.times}×; ${range} ${age} (${note.changed.slice(0, 10)})${note.stale ? ', older than STALE_AFTER_DAYS' : ''}`);
  });
  return lines.join('\n');
}
