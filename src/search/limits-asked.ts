import { asksWhatItIs, isPhrasedAsQuestion } from './answer-cues.js';
import { withoutListNumbers } from './list-numbers.js';

/**
 * Words that ask for a limit ("flag name max length", "bug bounty max payout", "min request count for the canary").
 * The answer states it as a figure ("at most 40 characters", "the top payout is EUR 5,000", "at least 500
 * requests") and seldom says "max": the word asks for the form of the answer, as "url" does for a web address.
 */
export const LIMIT_WORDS: ReadonlySet<string> = new Set(['max', 'maximum', 'min', 'minimum']);

const LIMIT_WORD = new RegExp(`\\b(?:${[...LIMIT_WORDS].join('|')})\\b`, 'i');

/**
 * Whether a question typed as keywords names a limit. A question phrased as one ("what is the maximum …?", "why
 * is min replicas ignored?") keeps the word's weight, as it keeps "time"'s (`asksForTime`).
 */
export function asksForLimit(question: string): boolean {
  return LIMIT_WORD.test(question) && !isPhrasedAsQuestion(question);
}

/** "min" after a number is minutes ("runs like 90 min"), not a minimum. */
const LIMIT_ASKED = /\b(?:max|maximum|minimum|limit|limits)\b|(?<!\d\s*)\bmin\b/i;

/**
 * Whether a question asks what a limit is ("max memory for a fargate task", "ecs task definition memory limits",
 * "what's the minimum replica count?"), which only a figure answers. Not how to set one ("how do I limit memory"),
 * why it holds, or whether there is one.
 */
export function asksWhatLimitIs(question: string): boolean {
  return LIMIT_ASKED.test(question) && asksWhatItIs(question);
}

/** A number standing by itself ("40 characters", "EUR 5,000", "500", "2GB"), not a digit of a name ("EC2", "k8s"). */
const FIGURE = /(?<![\p{L}\d_-])\d[\d.,]*(?:%|k|m|gb|mb|ms|s|h|d)?(?![\p{L}\d_])/iu;

/** Whether a text states a figure; a list's numbering states none ("1. How to create a PR"). */
export function holdsFigure(text: string): boolean {
  return FIGURE.test(text) && FIGURE.test(withoutListNumbers(text));
}
