import { parseShortCitation, shortCitation } from '../answer/citation.js';
import type { Answer, AnswerSubject } from '../types.js';

/** What a vote is about; `citation` is `file:start-end` ({@link shortCitation}) of the answer's best citation. */
export type VoteSubject = AnswerSubject;

export function voteSubject(answer: Answer): VoteSubject {
  const best = answer.citations[0];
  return { question: answer.question, ...(best && { citation: shortCitation(best) }) };
}

/**
 * A citation reference read back from a button: kept only when it is a whole `file:start-end` (not cut short).
 * Buttons posted by older versions wrote `file#Lstart-end`; those are read too.
 */
export function citationRef(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const parsed = parseShortCitation(text.replace(/#L(\d+-\d+)$/, ':$1'));
  return parsed && parsed.file !== '' ? shortCitation(parsed) : undefined;
}
