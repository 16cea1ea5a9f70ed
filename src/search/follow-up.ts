import { tokenize } from './analyze.js';

/** Words that point back at something said before. */
const BACK_REFERENCES = new Set(['it', 'its', 'itself', 'that', 'this', 'they', 'them', 'their', 'those', 'these', 'there', 'one', 'ones', 'same']);
/** Openings that continue the previous question: "and for EKS?", "what about fargate?". */
const CONTINUATION = /^\s*(?:and|also|or|but|then|so)\b|^\s*(?:what|how)\s+about\b/i;
/** A question of at most this many topic words can lean on a back-reference ("does it scale?"). */
const SHORT = 3;

/**
 * Whether a question leans on the one before it, so the earlier one's words should join the search. A
 * question is read on its own unless it opens as a continuation ("and on EKS?"), or is short and points back
 * ("is it free?"), or has no topic word that the notes know ("why?").
 */
export function readsAsFollowUp(question: string, knows: (stem: string) => boolean): boolean {
  if (CONTINUATION.test(question)) return true;
  const tokens = tokenize(question);
  const topics = tokens.filter((token) => !token.stop);
  if (!topics.some((token) => knows(token.stem))) return true;
  return topics.length <= SHORT && tokens.some((token) => BACK_REFERENCES.has(token.surface));
}
