/**
 * Honest "I couldn't find" in notes of a team's size: a few doc sets of a FAQ set drawn at random stand for a team's
 * notes, and every question of the set is asked of them. A question of a doc set drawn has its answer there (the
 * right first citation counts); a question of any other has none, so any answer to it is a false one.
 */
import type { LoadedFile } from '../src/knowledge/load.js';
import type { Answer } from '../src/types.js';
import { docSetOf, isOfDocSet } from './abstain.js';
import type { EvalQuestion } from './eval-input.js';
import { seeded, shuffled, subSeed } from './random.js';

/** What answers from a draw's notes, and how many sections they make (the large-notes rules start at 1,000). */
export interface DrawAnswerer {
  sections: number;
  answer(question: string): Answer;
}

export interface SubsetCounts {
  /** The draws' size, by sections: `SIZES`' labels. */
  size: string;
  draws: number;
  /** Questions whose doc set was drawn, and those of them answered with the gold file first. */
  inside: number;
  right: number;
  /** Questions whose doc set was not drawn, and those of them answered anyway: false answers. */
  outside: number;
  answered: number;
}

/** Two counts of the same size summed, as rows pooled over several sets. */
export function addCounts(a: SubsetCounts, b: SubsetCounts): SubsetCounts {
  return { size: a.size, draws: a.draws + b.draws, inside: a.inside + b.inside, right: a.right + b.right, outside: a.outside + b.outside, answered: a.answered + b.answered };
}

const SIZES: readonly { label: string; below: number }[] = [
  { label: 'under 1,000 sections', below: 1000 },
  { label: '1,000 to 4,000', below: 4000 },
  { label: '4,000 or more', below: Infinity },
];

export interface DrawOptions {
  /** How many doc sets each draw takes, one round of draws per entry. */
  docSets: readonly number[];
  drawsEach: number;
  seed: number;
}

/** The counts over every draw, by the size of the notes drawn, in `SIZES`' order (sizes no draw reached are left out). */
export function countInSubsets(files: readonly LoadedFile[], questions: readonly EvalQuestion[], answerer: (files: LoadedFile[]) => DrawAnswerer, options: DrawOptions): SubsetCounts[] {
  const docSets = [...new Set(questions.map(docSetOf))].sort();
  const counts = SIZES.map(({ label }) => ({ size: label, draws: 0, inside: 0, right: 0, outside: 0, answered: 0 }));
  let draw = 0;
  for (const size of options.docSets) {
    for (let i = 0; i < options.drawsEach; i++) {
      const random = seeded(subSeed(options.seed, draw++));
      const drawn = shuffled(docSets, random.next).slice(0, size);
      const notes = answerer(files.filter((file) => drawn.some((docSet) => isOfDocSet(file.file, docSet))));
      const count = counts[SIZES.findIndex(({ below }) => notes.sections < below)] as SubsetCounts;
      count.draws++;
      for (const question of questions) {
        const answer = notes.answer(question.question);
        if (drawn.includes(docSetOf(question))) {
          count.inside++;
          if (answer.found && answer.citations[0]?.file === question.gold) count.right++;
        } else {
          count.outside++;
          if (answer.found) count.answered++;
        }
      }
    }
  }
  return counts.filter((count) => count.draws > 0);
}
