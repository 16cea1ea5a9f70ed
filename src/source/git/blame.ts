/** Lines of a file and the commit time of the newest change to each, from `git blame --porcelain`. */
export interface BlamedLines {
  /** 1-based final line number → seconds since the epoch, or `undefined` for a line not committed yet. */
  readonly lines: Map<number, number | undefined>;
}

const HEADER = /^([0-9a-f]{40}) \d+ (\d+)(?: \d+)?$/;
const NOT_COMMITTED = /^0{40}$/;

/**
 * Reads `git blame --porcelain` output: each line's group header names its commit, and the first group of a
 * commit carries that commit's `committer-time`.
 */
export function parseBlamePorcelain(output: string): BlamedLines {
  const times = new Map<string, number>();
  const lineCommits: [number, string][] = [];
  let current: string | undefined;
  for (const row of output.split('\n')) {
    if (row.startsWith('\t')) continue;
    const header = HEADER.exec(row);
    if (header) {
      current = header[1] ?? '';
      lineCommits.push([Number(header[2]), current]);
      continue;
    }
    if (current !== undefined && row.startsWith('committer-time ')) times.set(current, Number(row.slice('committer-time '.length)));
  }
  const lines = new Map<number, number | undefined>();
  for (const [line, commit] of lineCommits) lines.set(line, NOT_COMMITTED.test(commit) ? undefined : times.get(commit));
  return { lines };
}
