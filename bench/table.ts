/** Plain-text tables for the bench scripts' console output. */

export type Cell = string | number;

/** Left-aligns the first column, right-aligns the others; numbers print as given (format them first). */
export function formatTable(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const all = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, col) => Math.max(...all.map((row) => (row[col] ?? '').length)));
  const line = (row: string[]) =>
    row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0))).join('  ');
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(all[0] ?? []), rule, ...all.slice(1).map(line)].join('\n');
}

export function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '–';
}

/** `fixed` with its sign always written: a difference. */
export function signedFixed(value: number, digits: number): string {
  return `${value >= 0 ? '+' : '−'}${fixed(Math.abs(value), digits)}`;
}

/** PASS/MISS line for a target, with the measured value. */
export function target(label: string, ok: boolean, measured: string): string {
  return `${ok ? 'PASS' : 'MISS'}  ${label}  (measured ${measured})`;
}

/** The p-th percentile (0–100) of the values, nearest-rank; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}
