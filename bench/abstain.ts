/**
 * Counting honest "I couldn't find"s: each question asked of all a set's notes, then of the notes without its own
 * doc set, where any answer is a false one.
 */
import type { LoadedFile } from '../src/knowledge/load.js';
import type { Answer } from '../src/types.js';
import { halvesOf, type EvalQuestion } from './eval-input.js';

export interface AbstainCounts {
  part: string;
  questions: number;
  /** Answered (not "I couldn't find") with every note there. */
  answered: number;
  /** Answered with the gold file as the first citation. */
  right: number;
  /** Answered with the question's own doc set left out: false answers. */
  answeredWithout: number;
}

/** The doc set a question belongs to: its id's prefix (`milvus-030` → `milvus`). */
export function docSetOf(question: Pick<EvalQuestion, 'id'>): string {
  const dash = question.id.lastIndexOf('-');
  return dash > 0 ? question.id.slice(0, dash) : question.id;
}

/** Whether a note belongs to a doc set: its pages, or its FAQ answers. */
export function isOfDocSet(file: string, docSet: string): boolean {
  return file.startsWith(`docs/${docSet}/`) || file.startsWith(`faq/${docSet}-`);
}

/**
 * The counts for a set, by half (or `all` for a set without halves). `answerer` builds something that answers
 * from the given notes; it is called once for all of them and once for each doc set left out.
 */
export function countAbstentions(
  files: readonly LoadedFile[],
  questions: readonly EvalQuestion[],
  answerer: (files: LoadedFile[]) => (question: string) => Answer,
): AbstainCounts[] {
  const withAll = answerer([...files]);
  const answered = new Map<string, Answer>(questions.map((q) => [q.id, withAll(q.question)]));
  const answeredWithout = new Set<string>();
  for (const docSet of new Set(questions.map(docSetOf))) {
    const without = answerer(files.filter((file) => !isOfDocSet(file.file, docSet)));
    for (const q of questions) if (docSetOf(q) === docSet && without(q.question).found) answeredWithout.add(q.id);
  }
  return halvesOf(questions).map(([part, inPart]) => {
    const found = inPart.filter((q) => answered.get(q.id)?.found);
    return {
      part,
      questions: inPart.length,
      answered: found.length,
      right: found.filter((q) => answered.get(q.id)?.citations[0]?.file === q.gold).length,
      answeredWithout: inPart.filter((q) => answeredWithout.has(q.id)).length,
    };
  });
}
