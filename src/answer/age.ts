import type { Answer, Citation } from '../types.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** `3 months`, `1 year`, `5 days`: how long ago, in the largest unit that fits; undefined under a day. */
function span(ms: number): string | undefined {
  const days = Math.floor(ms / DAY_MS);
  const unit = (count: number, name: string) => `${count} ${name}${count === 1 ? '' : 's'}`;
  if (days >= 365) return unit(Math.floor(days / 365), 'year');
  if (days >= 60) return unit(Math.floor(days / 30), 'month');
  if (days >= 14) return unit(Math.floor(days / 7), 'week');
  if (days >= 1) return unit(days, 'day');
  return undefined;
}

/** `updated 3 months ago` (`updated today` within a day), for beside a citation; undefined when its lines are not dated. */
export function updatedAgo(citation: Pick<Citation, 'changed'>, now = Date.now()): string | undefined {
  const at = citation.changed === undefined ? NaN : Date.parse(citation.changed);
  if (Number.isNaN(at)) return undefined;
  const ago = span(Math.max(0, now - at));
  return ago === undefined ? 'updated today' : `updated ${ago} ago`;
}

/** A gentle note under an answer whose quoted lines are older than STALE_AFTER_DAYS; undefined otherwise. */
export function staleNotice(answer: Pick<Answer, 'found' | 'citations'>, now = Date.now()): string | undefined {
  const best = answer.citations[0];
  if (!answer.found || best?.stale !== true || best.changed === undefined) return undefined;
  const ago = span(Math.max(0, now - Date.parse(best.changed))) ?? 'a long time';
  return `These lines were last changed ${ago} ago, so they may be out of date: worth a check with whoever owns the note.`;
}
