import { parseShortCitation } from '../answer/citation.js';
import type { SqlClient } from '../store/sql.js';
import type { KnowledgeGap } from '../types.js';
import { groupByWording } from './wording.js';

export interface GapsOptions {
  /** Questions asked (and votes cast) from this time on, in ms since the epoch. */
  since: number;
  /** At most this many gaps; all by default. */
  limit?: number;
  /** Only what was asked (and voted) in this channel; every channel when absent. */
  channel?: ChannelScope;
}

/** One channel of one platform: the chat report covers only the channel it is asked for in. */
export interface ChannelScope {
  platform: string;
  channelId: string;
}

/** One asking that went wrong: unanswered, voted down, or both. */
interface GapEvent {
  question: string;
  at: number;
  unanswered: boolean;
  downvotes: number;
  files: string[];
}

const VARIANTS = 3;
const CLOSEST = 3;

/**
 * Questions that got "I couldn't find" or a 👎, grouped by similar wording, most frequent first (then the most
 * recent). This is the list a team works through to improve its notes.
 */
export async function gapsReport(sql: SqlClient, options: GapsOptions): Promise<KnowledgeGap[]> {
  const gaps = groupByWording(await gapEvents(sql, options.since, options.channel)).map(toGap);
  gaps.sort((a, b) => b.count - a.count || b.lastAt.getTime() - a.lastAt.getTime() || a.question.localeCompare(b.question));
  return options.limit === undefined ? gaps : gaps.slice(0, options.limit);
}

async function gapEvents(sql: SqlClient, since: number, channel?: ChannelScope): Promise<GapEvent[]> {
  const platform = channel?.platform ?? null;
  const inChannel = (alias: string) => `(CAST(? AS TEXT) IS NULL OR (${alias}platform = ? AND ${alias}channel_id = ?))`;
  const where = [since, platform, platform, channel?.channelId ?? null];
  const asked = await sql.all<{ id: number; question: string; at: number; found: number; downs: number; lastDown: number | null }>(
    `SELECT q.id, q.question, q.asked_at AS at, q.found, COUNT(v.id) AS downs, MAX(v.voted_at) AS "lastDown"
     FROM questions q LEFT JOIN votes v ON v.question_id = q.id AND v.vote = 'down'
     WHERE q.asked_at >= ? AND ${inChannel('q.')}
     GROUP BY q.id
     HAVING q.found = 0 OR COUNT(v.id) > 0`,
    where,
  );
  const notes = new Map<number, string[]>();
  const noteRows = await sql.all<{ id: number; file: string }>(
    `SELECT n.question_id AS id, n.file FROM question_notes n JOIN questions q ON q.id = n.question_id
     WHERE q.asked_at >= ? AND ${inChannel('q.')} ORDER BY n.question_id, n.rank`,
    where,
  );
  for (const row of noteRows) notes.set(Number(row.id), [...(notes.get(Number(row.id)) ?? []), row.file]);
  const events: GapEvent[] = asked.map((row) => ({
    question: row.question,
    at: Math.max(row.at, row.lastDown ?? 0),
    unanswered: row.found === 0,
    downvotes: row.downs,
    files: [...new Set(notes.get(Number(row.id)) ?? [])],
  }));
  // Votes whose question was never recorded (asked before recording began, or pruned) still count.
  const unlinked = await sql.all<{ question: string; at: number; citation: string | null }>(
    `SELECT question, voted_at AS at, citation FROM votes
     WHERE question_id IS NULL AND vote = 'down' AND question IS NOT NULL AND voted_at >= ? AND ${inChannel('')}`,
    where,
  );
  for (const vote of unlinked) {
    const file = vote.citation === null ? undefined : citedFile(vote.citation);
    events.push({ question: vote.question, at: vote.at, unanswered: false, downvotes: 1, files: file ? [file] : [] });
  }
  return events;
}

/** `ops/db.md:4-9` → `ops/db.md`. */
function citedFile(citation: string): string {
  return parseShortCitation(citation)?.file ?? citation;
}

function toGap(events: GapEvent[]): KnowledgeGap {
  const wordings = new Map<string, { text: string; times: number; last: number }>();
  const files = new Map<string, number>();
  let lastAt = 0;
  for (const event of events) {
    const id = event.question.toLowerCase().replace(/\s+/g, ' ').replace(/[\s?.!]+$/, '');
    const wording = wordings.get(id) ?? { text: event.question, times: 0, last: 0 };
    wording.times++;
    if (event.at >= wording.last) Object.assign(wording, { text: event.question, last: event.at });
    wordings.set(id, wording);
    for (const file of event.files) files.set(file, (files.get(file) ?? 0) + 1);
    lastAt = Math.max(lastAt, event.at);
  }
  const [first, ...others] = [...wordings.values()].sort((a, b) => b.times - a.times || b.last - a.last);
  return {
    question: first?.text ?? '',
    variants: others.slice(0, VARIANTS).map((wording) => wording.text),
    count: events.length,
    unanswered: events.filter((event) => event.unanswered).length,
    downvotes: events.reduce((sum, event) => sum + event.downvotes, 0),
    closest: [...files.entries()]
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .slice(0, CLOSEST)
      .map(([file, times]) => ({ file, times })),
    lastAt: new Date(lastAt),
  };
}
