import type { KnowledgeGap } from '../types.js';
import type { UsageStats } from './stats.js';

const day = (ms: number | Date): string => new Date(ms).toISOString().slice(0, 10);
const percent = (share: number | null): string => (share === null ? '–' : `${Math.round(share * 100)}%`);

/** The `lore gaps --json` shape: dates as ISO strings. */
export function gapsJson(gaps: readonly KnowledgeGap[], since: number) {
  return { since: new Date(since).toISOString(), gaps: gaps.map((gap) => ({ ...gap, lastAt: gap.lastAt.toISOString() })) };
}

/** One line of counts for a gap: "5 times: 4 unanswered, 1 👎". */
export function gapCounts(gap: KnowledgeGap): string {
  const parts = [gap.unanswered > 0 ? `${gap.unanswered} unanswered` : '', gap.downvotes > 0 ? `${gap.downvotes} 👎` : ''].filter(Boolean);
  return `${gap.count} time${gap.count === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

export function renderGapsText(gaps: readonly KnowledgeGap[], since: number): string {
  if (gaps.length === 0) return `No knowledge gaps since ${day(since)}: every recorded question found an answer and none was voted down.`;
  const lines = [`Knowledge gaps since ${day(since)}: ${gaps.length} question${gaps.length === 1 ? '' : 's'} the notes did not answer well, most asked first.`];
  const width = String(gaps.length).length;
  gaps.forEach((gap, i) => {
    const indent = ' '.repeat(width + 2);
    lines.push('', `${String(i + 1).padStart(width)}. ${gap.question}`, `${indent}${gapCounts(gap)} · last ${day(gap.lastAt)}`);
    if (gap.variants.length > 0) lines.push(`${indent}also asked as: ${gap.variants.map((variant) => `"${variant}"`).join(', ')}`);
    lines.push(`${indent}closest notes: ${gap.closest.length > 0 ? gap.closest.map((note) => `${note.file} (${note.times}×)`).join(', ') : 'none'}`);
  });
  return lines.join('\n');
}

export function statsJson(stats: UsageStats) {
  return { ...stats, since: new Date(stats.since).toISOString() };
}

const PLATFORMS: Record<string, string> = { slack: 'Slack', discord: 'Discord', terminal: 'Terminal' };
const SURFACES: Record<string, string> = { slash: 'slash command', mention: '@mention', dm: 'direct message' };

/** "Slack slash command", "Discord @mention", "Terminal" (its only surface is itself). */
export function surfaceLabel(platform: string, surface: string): string {
  const name = PLATFORMS[platform] ?? platform;
  return surface === platform ? name : `${name} ${SURFACES[surface] ?? surface}`;
}

function votesLine({ up, down, upShare }: UsageStats['votes']): string {
  return up + down === 0 ? 'Votes: none yet' : `Votes: 👍 ${up} · 👎 ${down} (${percent(upShare)} helpful)`;
}

/** `knowledgeDir`: the notes folder the cited notes were matched against, shown so a shared database is not mistaken for it. */
export function renderStatsText(stats: UsageStats, knowledgeDir?: string): string {
  const lines = [
    `Since ${day(stats.since)}${knowledgeDir === undefined ? '' : `, notes in ${knowledgeDir}`}`,
    `Questions: ${stats.questions}, answered ${stats.answered} (${percent(stats.answeredShare)})`,
    votesLine(stats.votes),
  ];
  const table = (title: string, rows: [string, string][]) => {
    if (rows.length === 0) return;
    const width = Math.max(...rows.map(([label]) => label.length));
    lines.push('', title, ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`));
  };
  const counts = (row: { questions: number; answered: number }) => `${String(row.questions).padStart(5)}  (answered ${row.answered})`;
  table('Per surface:', stats.perSurface.map((row) => [surfaceLabel(row.platform, row.surface), counts(row)]));
  table('Per day (UTC):', stats.perDay.map((row) => [row.day, counts(row)]));
  table('Most cited notes:', stats.mostCited.map((row) => [row.file, String(row.times).padStart(5)]));
  if (stats.citedElsewhere > 0) {
    lines.push(`  (and ${stats.citedElsewhere} cited file${stats.citedElsewhere === 1 ? '' : 's'} of another notes folder recording into the same database)`);
  }
  if (stats.neverCited === null) lines.push('', 'Never cited: the notes folder could not be read.');
  else if (stats.neverCited.length === 0) lines.push('', 'Never cited: none, every note was cited at least once.');
  else lines.push('', `Never cited (${stats.neverCited.length}):`, ...stats.neverCited.map((file) => `  ${file}`));
  return lines.join('\n');
}
