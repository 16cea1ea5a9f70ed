const UNIT_MS: Readonly<Record<string, number>> = { h: 60 * 60 * 1000, d: 24 * 60 * 60 * 1000, w: 7 * 24 * 60 * 60 * 1000 };

/** The window reports cover when `--since` is not given. */
export const DEFAULT_SINCE = '30d';

/** `12h`, `30d`, `2w` as milliseconds; undefined for anything else (including zero). */
export function parseSince(text: string): number | undefined {
  const match = /^(\d{1,5})([hdw])$/i.exec(text.trim());
  if (!match) return undefined;
  const amount = Number(match[1]);
  const unit = UNIT_MS[(match[2] ?? '').toLowerCase()];
  return amount > 0 && unit !== undefined ? amount * unit : undefined;
}
