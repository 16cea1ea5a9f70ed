export const SPEED_USAGE = 'usage: npm run bench -- [--sizes 1000,10000,100000] [--fuse-budget SECONDS] [--seed N] [--turns block|query]';

export interface SpeedArgs {
  /** Corpus sizes in chunks. */
  sizes: number[];
  /** Wall time Fuse.js may spend on queries per corpus size (it takes seconds per query on large ones). */
  fuseBudgetMs: number;
  seed: number;
  /**
   * How the engines take turns while timed: `block`, a few passes over every query each (each engine runs with its
   * own data in the processor's caches), or `query`, one query each (each meets caches the other engines filled).
   */
  turns: 'block' | 'query';
}

export class SpeedArgsError extends Error {
  override readonly name = 'SpeedArgsError';
}

export function parseSpeedArgs(argv: readonly string[]): SpeedArgs {
  const args: SpeedArgs = { sizes: [1000, 10_000, 100_000], fuseBudgetMs: 30_000, seed: 20240601, turns: 'block' };
  for (let i = 0; i < argv.length; i++) {
    const [flag = '', inline] = (argv[i] ?? '').split('=', 2);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new SpeedArgsError(`${flag} needs a value.\n${SPEED_USAGE}`);
    if (flag === '--sizes') {
      const sizes = value.split(',').map((size) => Number(size.replace(/_/g, '').replace(/k$/i, '000')));
      if (sizes.some((size) => !Number.isInteger(size) || size < 100)) throw new SpeedArgsError(`--sizes takes whole numbers ≥ 100 separated by commas, got ${value}.`);
      args.sizes = sizes;
    } else if (flag === '--fuse-budget') {
      const seconds = Number(value);
      if (!Number.isFinite(seconds) || seconds < 0) throw new SpeedArgsError(`--fuse-budget takes seconds ≥ 0, got ${value}.`);
      args.fuseBudgetMs = seconds * 1000;
    } else if (flag === '--seed') {
      if (!/^\d+$/.test(value)) throw new SpeedArgsError(`--seed takes a whole number, got ${value}.`);
      args.seed = Number(value);
    } else if (flag === '--turns') {
      if (value !== 'block' && value !== 'query') throw new SpeedArgsError(`--turns takes block or query, got ${value}.`);
      args.turns = value;
    } else throw new SpeedArgsError(`Unknown option ${flag}.\n${SPEED_USAGE}`);
  }
  return args;
}
