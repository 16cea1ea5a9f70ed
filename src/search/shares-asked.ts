import { asksWhatItIs } from './answer-cues.js';

/**
 * Words that ask for a share ("initial rollout percentage", "what percent of traffic goes to the canary"). The
 * answer states it as a figure ("starting at 10% rollout") and seldom says "percentage": the word asks for the form
 * of the answer, as "url" does for a web address.
 */
export const SHARE_WORDS: ReadonlySet<string> = new Set(['percentage', 'percentages', 'percent']);

const SHARE_WORD = new RegExp(`\\b(?:${[...SHARE_WORDS].join('|')})\\b`, 'i');

/** Whether a question asks what a share is; not how to change one ("how do I raise the rollout percentage"), nor why. */
export function asksForShare(question: string): boolean {
  return SHARE_WORD.test(question) && asksWhatItIs(question);
}

/** A figure given as a share: "10%", "10 %", "ten percent", "5 per cent". */
const SHARE = /\d\s?%|\b\w+\s+per\s?cent\b/i;

/** Whether a text states a share. */
export function holdsShare(text: string): boolean {
  return SHARE.test(text);
}
