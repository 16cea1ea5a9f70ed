import type { RankingOptions } from '../search/ranking-options.js';
import type { SearchIndex } from '../search/index.js';
import { search, type Hit, type SearchResult } from '../search/search.js';
import type { Answer } from '../types.js';
import { composeAnswer, couldAnswer, notFound } from './compose.js';
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

/**
 * Re-orders a ranking before the answer is composed. `text` is what the question means on its own: the question,
 * with the previous one before it when it was read as a follow-up. `couldAnswer` is the answer's confidence rule.
 */
export type Rerank = (text: string, result: SearchResult, couldAnswer: (hit: Hit) => boolean) => Promise<SearchResult>;

const DEFAULT_TOP = 3;
const MAX_TOP = 10;
/** Hits asked of the search: enough for the citations and for "see also" to skip neighbours of the quote. */
const HITS = 32;

interface Asked {
  question: string;
  previousQuestion?: string;
  top: number;
}

/** A question, as typed, answered from an index: the quote and citations, or an honest "I couldn't find". */
export function answerQuestion(index: SearchIndex, rawQuestion: unknown, options: AnswerOptions = {}): Answer {
  const asked = read(rawQuestion, options);
  if (!asked) return notFound('', 'empty-question', []);
  const result = searchFor(index, asked, options);
  return withReading(composeAnswer(asked.question, result, index, { top: asked.top, baseUrl: options.baseUrl }), result, asked.previousQuestion);
}

/** The same, with the ranking re-ordered (by a sentence encoder) before the answer is composed. */
export async function answerQuestionReranked(index: SearchIndex, rawQuestion: unknown, options: AnswerOptions, rerank: Rerank): Promise<Answer> {
  const asked = read(rawQuestion, options);
  if (!asked) return notFound('', 'empty-question', []);
  const lexical = searchFor(index, asked, options);
  const result = await rerank(encoderText(asked.question, lexical, asked.previousQuestion), lexical, (hit) => couldAnswer(hit, lexical, index));
  return withReading(composeAnswer(asked.question, result, index, { top: asked.top, baseUrl: options.baseUrl }), lexical, asked.previousQuestion);
}

/** The answer, with the earlier question it was read with when the question read as a follow-up. */
function withReading(answer: Answer, result: SearchResult, previousQuestion: string | undefined): Answer {
  return previousQuestion !== undefined && readAsFollowUp(result) ? { ...answer, readWith: previousQuestion } : answer;
}

function readAsFollowUp(result: SearchResult): boolean {
  return result.query.groups.some((group) => group.context);
}

/**
 * The question as the encoder reads it: as typed (read with the speller's corrections instead, it lost on the
 * report halves), after the previous question when this one is a follow-up.
 */
export function encoderText(question: string, result: SearchResult, previousQuestion?: string): string {
  const followUp = previousQuestion !== undefined && readAsFollowUp(result);
  return followUp ? `${previousQuestion} ${question}` : question;
}

function read(rawQuestion: unknown, options: AnswerOptions): Asked | undefined {
  const question = cleanQuestion(rawQuestion);
  if (question === '') return undefined;
  const top = Math.min(MAX_TOP, Math.max(1, Math.floor(options.top ?? DEFAULT_TOP)));
  const previousQuestion = options.previousQuestion ? cleanQuestion(options.previousQuestion) : undefined;
  return { question, top, ...(previousQuestion && { previousQuestion }) };
}

function searchFor(index: SearchIndex, asked: Asked, options: AnswerOptions): SearchResult {
  return search(index, asked.question, { limit: HITS, folders: options.folders, previousQuestion: asked.previousQuestion, ranking: options.ranking });
}
