/**
 * Dev sets over the bundled notes and over team folders (made up, and real teams' notes): questions with the
 * lines that answer them, and questions the notes do not answer. Scored by the first citation: the right file and
 * lines overlapping the answer, or an honest "I couldn't find".
 */
import { readFileSync } from 'node:fs';
import type { Answer } from '../src/types.js';
import { makeTypo } from './devsets/faq-typos.js';

/**
 * `lines` (or any range in `or`) are the lines of `file` that answer, 1-based and inclusive; `elsewhere`, the same
 * answer in another note (a handbook says a rule on its own page and again in an overview).
 */
export interface NotesQuestion {
  q: string;
  file: string;
  lines: [number, number];
  or?: [number, number][];
  elsewhere?: { file: string; lines: [number, number] }[];
  kind?: string;
}

export interface NotesDevSet {
  questions: NotesQuestion[];
  noAnswer: string[];
  /**
   * A check out of sample: its misses are kept out of `npm run eval`'s printout and out of test messages, so that
   * no change is steered by them. Once they are read, the set is a dev set like the others and loses the flag.
   */
  heldOut?: boolean;
}

export interface NotesScore {
  hits: number;
  total: number;
  /** One line per question whose first citation missed, with what was cited instead. */
  misses: string[];
  honest: number;
  noAnswerTotal: number;
  /** Questions the notes do not answer that were answered anyway. */
  answeredAnyway: string[];
}

export const NOTES_DEV_SETS = ['devset.json', 'devset-later.json', 'devset-fresh.json', 'devset-paraphrase.json', 'devset-blind.json', 'devset-blind2.json', 'devset-blind3.json', 'devset-blind4.json', 'devset-blind5.json', 'devset-blind6.json', 'devset-blind7.json', 'devset-blind8.json', 'devset-blind9.json', 'devset-blind10.json'] as const;

export function readNotesDevSet(path: URL | string): NotesDevSet {
  return JSON.parse(readFileSync(path, 'utf8')) as NotesDevSet;
}

/** What a failed floor may print of a set's misses: nothing, for a set held out. */
export function missesShown(devset: NotesDevSet, misses: readonly string[]): string {
  return devset.heldOut ? `${misses.length} (held out: not shown)` : misses.join('\n');
}

/** A place in the notes: a file and a 1-based, inclusive line range. */
export interface NotesPlace {
  file: string;
  startLine: number;
  endLine: number;
}

/** Where a question is answered: a file's lines, other ranges of it, the same answer in other files. */
export type AnswerPlace = Pick<NotesQuestion, 'file' | 'lines' | 'or' | 'elsewhere'>;

/** Whether a place holds lines that answer the question: its file, and a range overlapping one of the answers'. */
export function answersAt(place: NotesPlace | undefined, { file, lines, or = [], elsewhere = [] }: AnswerPlace): boolean {
  if (place === undefined) return false;
  const overlaps = ([start, end]: [number, number]) => place.startLine <= end && start <= place.endLine;
  return (place.file === file && [lines, ...or].some(overlaps)) || elsewhere.some((other) => place.file === other.file && overlaps(other.lines));
}

export function scoreNotesDevSet(devset: NotesDevSet, answer: (question: string) => Answer): NotesScore {
  const misses: string[] = [];
  for (const question of devset.questions) {
    const { q, file, lines, or = [], elsewhere = [] } = question;
    const result = answer(q);
    const first = result.citations[0];
    const ranges = [lines, ...or];
    if (result.found && answersAt(first, question)) continue;
    const got = first ? `${first.file}:${first.startLine}-${first.endLine} [${first.section}]` : 'no citation';
    const wanted = [`${file}:${ranges.map(([a, b]) => `${a}-${b}`).join(' or ')}`, ...elsewhere.map((other) => `${other.file}:${other.lines[0]}-${other.lines[1]}`)];
    misses.push(`"${q}" wants ${wanted.join(' or ')}; cited ${result.found ? '' : `(not found: ${result.reason}) `}${got}`);
  }
  const answeredAnyway = devset.noAnswer.filter((question) => answer(question).found);
  return {
    hits: devset.questions.length - misses.length,
    total: devset.questions.length,
    misses,
    honest: devset.noAnswer.length - answeredAnyway.length,
    noAnswerTotal: devset.noAnswer.length,
    answeredAnyway,
  };
}

/**
 * How many questions an engine that always answers puts the answering lines first for: a plain engine's first
 * result, however many lines it spans (it never says "I couldn't find", so only hits are counted).
 */
export function scoreFirstPlaces(devset: NotesDevSet, first: (question: string) => NotesPlace | undefined): { hits: number; total: number } {
  return { hits: devset.questions.filter((question) => answersAt(first(question.q), question)).length, total: devset.questions.length };
}

/** Seeds of the typos put in the unanswerable questions, apart from the answerable ones' so no two questions share one. */
const NO_ANSWER_SEEDS = 100_000;

/**
 * The same set with a typo or two in every question, as the FAQ sets' typo questions are made (`makeTypo`), seeded
 * by each question's place so every run asks the same.
 */
export function withTypos(devset: NotesDevSet): NotesDevSet {
  return {
    ...devset,
    questions: devset.questions.map((question, i) => ({ ...question, q: makeTypo(question.q, i + 1).text })),
    noAnswer: devset.noAnswer.map((question, i) => makeTypo(question, NO_ANSWER_SEEDS + i + 1).text),
  };
}
