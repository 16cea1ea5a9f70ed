import type { RankingOptions } from '../search/ranking-options.js';
import type { SearchIndex } from '../search/index.js';
import { search } from '../search/search.js';
import type { Answer } from '../types.js';
import { composeAnswer, notFound } from './compose.js';
import { cleanQuestion } from './question.js';

export interface AnswerOptions {
  /** Citations wanted, best first (clamped to 1–10; default 3). */
  top?: number;
  previousQuestion?: string;
  /** Only notes under these folders. */
  folders?: string[];
  ranking?: Partial<RankingOptions>;
  /** Prefix for citation links. */
  baseUrl?: string;
}

const DEFAULT_TOP = 3;
const MAX_TOP = 10;
/** Hits asked of the search: enough for the citations and for "see also" to skip neighbours of the quote. */
const HITS = 32;

/** A question, as typed, answered from an index: the quote and citations, or an honest "I couldn't find". */
export function answerQuestion(index: SearchIndex, rawQuestion: unknown, options: AnswerOptions = {}): Answer {
  const question = cleanQuestion(rawQuestion);
  if (question === '') return notFound('', 'empty-question', []);
  const top = Math.min(MAX_TOP, Math.max(1, Math.floor(options.top ?? DEFAULT_TOP)));
  const previousQuestion = options.previousQuestion ? cleanQuestion(options.previousQuestion) : undefined;
  const result = search(index, question, { limit: HITS, folders: options.folders, previousQuestion, ranking: options.ranking });
  return composeAnswer(question, result, index, { top, baseUrl: options.baseUrl });
}
