import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { runScript } from './run-script.js';

export const EVAL_USAGE = 'usage: npm run eval -- [<knowledge dir> <questions.jsonl>] [--fuse-sample N] [--fuse-section] [--json] [--ranking name=value,…]\n  with no folder: every dev set under bench/devsets, and the dev sets over the bundled notes';

/** A user mistake in the eval's arguments or dataset: printed without a stack, exit code 2. */
export class EvalInputError extends Error {
  override readonly name = 'EvalInputError';
}

/** Runs an eval script: an `EvalInputError` is printed without a stack (exit code 2), anything else with one (1). */
export function runEval(main: () => Promise<void>): void {
  runScript(main, EvalInputError);
}

export interface EvalArgs {
  /** One set given on the command line; undefined runs every dev set. */
  knowledgeDir?: string;
  questionsFile?: string;
  /** Questions run through Fuse.js (and lore again, for a like-for-like row); 0 skips Fuse. */
  fuseSample: number;
  /** Also run Fuse with keys text+section (doubles the Fuse time). */
  fuseSection: boolean;
  json: boolean;
  /** Ranking overrides, `name=value` pairs (see src/search/ranking-options.ts). */
  ranking: Record<string, number | boolean>;
}

const DEFAULT_FUSE_SAMPLE = 15;

export function parseEvalArgs(argv: readonly string[]): EvalArgs {
  const positional: string[] = [];
  let fuseSample = DEFAULT_FUSE_SAMPLE;
  let json = false;
  let fuseSection = false;
  const ranking: Record<string, number | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') json = true;
    else if (arg === '--fuse-section') fuseSection = true;
    else if (arg === '--ranking') {
      for (const pair of (argv[++i] ?? '').split(',').filter(Boolean)) {
        const [name = '', value = ''] = pair.split('=');
        if (value === 'true' || value === 'false') ranking[name] = value === 'true';
        else if (Number.isFinite(Number(value)) && value !== '') ranking[name] = Number(value);
        else throw new EvalInputError(`--ranking takes name=value pairs separated by commas, got ${pair}.\n${EVAL_USAGE}`);
      }
    }
    else if (arg === '--fuse-sample' || arg.startsWith('--fuse-sample=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (value === undefined || !/^\d+$/.test(value)) throw new EvalInputError(`--fuse-sample needs a whole number ≥ 0, got ${value ?? 'nothing'}.\n${EVAL_USAGE}`);
      fuseSample = Number(value);
    } else if (arg.startsWith('-')) throw new EvalInputError(`Unknown option ${arg}.\n${EVAL_USAGE}`);
    else positional.push(arg);
  }
  const [knowledgeDir, questionsFile, ...extra] = positional;
  if (extra.length > 0) throw new EvalInputError(`Unexpected argument ${extra[0]}.\n${EVAL_USAGE}`);
  if (knowledgeDir === undefined) return { fuseSample, fuseSection, json, ranking };
  if (questionsFile === undefined) throw new EvalInputError(`Missing the questions file.\n${EVAL_USAGE}`);
  if (!isKind(knowledgeDir, 'dir')) throw new EvalInputError(`Knowledge folder ${knowledgeDir} does not exist or is not a folder.`);
  if (!isKind(questionsFile, 'file')) throw new EvalInputError(`Questions file ${questionsFile} does not exist or is not a file.`);
  return { knowledgeDir, questionsFile, fuseSample, fuseSection, json, ranking };
}

function isKind(path: string, kind: 'dir' | 'file'): boolean {
  try {
    const info = statSync(path);
    return kind === 'dir' ? info.isDirectory() : info.isFile();
  } catch {
    return false;
  }
}

const nonEmpty = z.string().trim().min(1);

const QuestionSchema = z.object({
  id: nonEmpty,
  question: nonEmpty,
  question_typo: nonEmpty.optional(),
  /** The answering file, relative to the knowledge folder. */
  gold: nonEmpty,
  /** Which half of a large set: tune on one, report the other. */
  half: z.enum(['tune', 'report']).optional(),
  /** The typos made in `question_typo`, as `kind:meant->typed` ("del:pull->pll"). */
  typo_ops: z.array(nonEmpty).optional(),
});

export type EvalQuestion = z.infer<typeof QuestionSchema>;

/** A question's two wordings: as asked, and with typos. */
export type QuestionField = 'question' | 'question_typo';
export const QUESTION_FIELDS: readonly QuestionField[] = ['question', 'question_typo'];

/** A set's halves, by name: tune and report where the set marks them, else the whole set as `all`. */
export function halvesOf(questions: readonly EvalQuestion[]): [string, EvalQuestion[]][] {
  if (!questions.some((q) => q.half)) return [['all', [...questions]]];
  return [
    ['tune', questions.filter((q) => q.half === 'tune')],
    ['report', questions.filter((q) => q.half === 'report')],
  ];
}

/** Parses a JSONL dataset; every bad line is reported (with its line number) in one error. */
export function parseQuestions(text: string, source: string): EvalQuestion[] {
  const questions: EvalQuestion[] = [];
  const problems: string[] = [];
  const ids = new Set<string>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push(`line ${i + 1}: not valid JSON`);
      return;
    }
    const result = QuestionSchema.safeParse(value);
    if (!result.success) {
      const issues = result.error.issues.map((issue) => `${issue.path.join('.') || '(line)'}: ${issue.message}`);
      problems.push(`line ${i + 1}: ${issues.join('; ')}`);
    } else if (ids.has(result.data.id)) {
      problems.push(`line ${i + 1}: duplicate id ${result.data.id}`);
    } else {
      ids.add(result.data.id);
      questions.push(result.data);
    }
  });
  if (problems.length > 0) throw new EvalInputError(`${source}: ${problems.length} bad line(s):\n  ${problems.join('\n  ')}`);
  if (questions.length === 0) throw new EvalInputError(`${source}: no questions.`);
  return questions;
}

export function readQuestions(path: string): EvalQuestion[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new EvalInputError(`Questions file ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  return parseQuestions(text, path);
}
