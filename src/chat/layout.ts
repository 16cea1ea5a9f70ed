import { staleNotice } from '../answer/age.js';
import type { Answer, Citation } from '../types.js';
import { BUTTON_LABELS, CLOSEST_NOTES, SEE_ALSO, VOTE_EMOJI } from './wording.js';

/**
 * What an answer shows besides its quote or sentence, the same on every platform; each renderer writes these parts
 * in its own format (Block Kit, an embed, plain text) and in this order: the source, more notes, examples, a warning
 * that the notes are old, the words looked for.
 */
export interface AnswerLayout {
  /** Found: the best citation, shown with the quote. Absent when nothing was found (the answer's sentence says so). */
  source?: Citation;
  /** Found: the other citations ("See also"); not found: the closest notes, but the one in `closest`. */
  more: { title: string; citations: Citation[] };
  /**
   * Not found for want of confidence: the closest note, whose own lines (`Citation.snippet`) are shown under the
   * answer's sentence for the asker to judge. Weak matches are often right ("How do tasks end up with their own IP
   * address?" is answered by the networking lines), and a reader tells at a glance what lore could not.
   */
  closest?: Citation;
  /** Questions to try instead (only when nothing was found). */
  examples: readonly string[];
  /** The quoted lines are old. */
  stale?: string;
  /** The words looked for, unless the answer's sentence names them already. */
  lookedFor: readonly string[];
}

export function layoutAnswer(answer: Answer, examples: readonly string[] = []): AnswerLayout {
  const [best, ...others] = answer.citations;
  const source = answer.found ? best : undefined;
  const text = answer.text.toLowerCase();
  const named = source === undefined && answer.lookedFor.every((term) => text.includes(term.toLowerCase()));
  const stale = staleNotice(answer);
  const closest = !source && answer.reason === 'low-confidence' && best && best.snippet.trim() !== '' ? best : undefined;
  return {
    ...(source && { source }),
    ...(closest && { closest }),
    more: source ? { title: SEE_ALSO, citations: others } : { title: CLOSEST_NOTES, citations: closest ? others : answer.citations },
    examples: source ? [] : examples,
    ...(stale !== undefined && { stale }),
    lookedFor: named ? [] : answer.lookedFor,
  };
}

/** One button under an answer: what a click does, its label, the emoji before it, and whether it is the main one. */
export interface AnswerButton {
  action: 'share' | 'up' | 'down';
  label: string;
  emoji?: string;
  primary: boolean;
}

/** The buttons under an answer, in order, the same on every platform: Share first where it is offered, then 👍 and 👎. */
export function answerButtons(share: boolean): AnswerButton[] {
  const votes: AnswerButton[] = [
    { action: 'up', label: BUTTON_LABELS.up, emoji: VOTE_EMOJI.up, primary: false },
    { action: 'down', label: BUTTON_LABELS.down, emoji: VOTE_EMOJI.down, primary: false },
  ];
  return share ? [{ action: 'share', label: BUTTON_LABELS.share, primary: true }, ...votes] : votes;
}
