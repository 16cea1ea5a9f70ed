/**
 * Words that ask for a reason ("ledger db choice reason", "rationale for kafka"). The answer gives it with "because"
 * or "due to" and seldom says "reason": the word asks for the form of the answer, as "why" does.
 */
export const REASON_WORDS: ReadonlySet<string> = new Set(['reason', 'reasons', 'rationale']);

const REASON_WORD = new RegExp(`\\b(?:${[...REASON_WORDS].join('|')})\\b`, 'i');

/** Whether a question asks for a reason by name. */
export function asksForReasonByName(question: string): boolean {
  return REASON_WORD.test(question);
}

/**
 * A piece that gives a reason: "Kafka was rejected because …", "This is why fargate is not suitable for". Not
 * "therefore" or "as a result": what follows them is the consequence, and the reason stands before.
 */
export const REASON = /\b(?:because|due\s+to|owing\s+to|caused\s+by|so\s+that|in\s+order\s+to|(?:this|that)(?:'s|\s+is)\s+why|the\s+reasons?)\b/i;

/** Whether a text gives a reason. */
export function holdsReason(text: string): boolean {
  return REASON.test(text);
}
