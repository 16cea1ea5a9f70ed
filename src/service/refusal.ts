import type { Answer, Refusal } from '../types.js';

const REFUSALS: ReadonlySet<string> = new Set<Refusal>(['rate-limited', 'channel-not-allowed', 'shutting-down']);

/** The refusal an answer carries, if it is one: the question was not looked up, `text` says why. */
export function refusalOf(answer: Answer): Refusal | undefined {
  return answer.reason !== undefined && REFUSALS.has(answer.reason) ? (answer.reason as Refusal) : undefined;
}

export function refusal(question: string, reason: Refusal, text: string): Answer {
  return { question, found: false, text, quote: [], highlights: [], citations: [], lookedFor: [], reason };
}
