/** One line of `lore doctor`: passed, failed (with the fix), or skipped (nothing to check). */
export type CheckStatus = 'pass' | 'fail' | 'skip';

export interface CheckResult {
  readonly status: CheckStatus;
  /** What was checked, e.g. "Slack bot token". */
  readonly name: string;
  /** What was found. */
  readonly message: string;
  /** For a failure: what to do about it. */
  readonly fix?: string;
  /** Extra lines shown under the check, e.g. the notes that were skipped. */
  readonly details?: readonly string[];
}

export const pass = (name: string, message: string, details?: readonly string[]): CheckResult => ({ status: 'pass', name, message, ...(details && details.length > 0 && { details }) });
export const fail = (name: string, message: string, fix: string): CheckResult => ({ status: 'fail', name, message, fix });
export const skip = (name: string, message: string): CheckResult => ({ status: 'skip', name, message });

const MARKS: Record<CheckStatus, string> = { pass: '✓', fail: '✗', skip: '–' };

/** `✓ Notes: 12 files…`, `✗ Slack bot token: … → fix: …`, `– Discord: skipped, …`, with any details indented below. */
export function formatCheck(result: CheckResult): string {
  const fix = result.fix === undefined ? '' : ` → fix: ${result.fix}`;
  const head = `${MARKS[result.status]} ${result.name}: ${result.message}${fix}`;
  return [head, ...(result.details ?? []).map((line) => `    ${line}`)].join('\n');
}

/** The closing line: every check passed (skips count as passed), or how many failed. */
export function summary(results: readonly CheckResult[]): string {
  const failed = results.filter((r) => r.status === 'fail').length;
  const skipped = results.filter((r) => r.status === 'skip').length;
  const skippedText = skipped > 0 ? ` (${skipped} skipped)` : '';
  if (failed === 0) return `All checks passed${skippedText}.`;
  return `${failed} of ${results.length} checks failed${skippedText}: fix the lines marked ✗ and run lore doctor again.`;
}

/** Turns whatever a check threw into one readable phrase. */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${message.split('\n')[0] ?? message}${cause}`;
}
