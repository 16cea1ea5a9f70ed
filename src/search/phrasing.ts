import type { Token } from './analyze.js';
import { oneEditApart } from './distance.js';
import { isEnglishWord } from './english-words.js';
import { isLikelySlip } from './slips.js';
import { stopWordMeant } from './stop-word-slips.js';

/**
 * Words that shape a question rather than name its topic ("what does ECS stand for", "difference between
 * EC2 and Fargate"). When the notes never use one, it is dropped instead of counting as a topic the notes
 * lack; when they do use it, it is searched like any other word.
 */
export const PHRASING_WORDS: ReadonlySet<string> = new Set(
  `stand stands mean means meaning meant acronym acronyms abbreviation abbreviations abbreviated difference differences diff diffs different differ differs compare compared
  comparison versus vs explain explained describe purpose example examples happen happens happened possible able best
  recommended recommend supposed exactly actually basically idea thing things stuff kind sort usually normally
  generally typically overview summary info details detail much many`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Words that, after "how", ask for an amount, a time, a frequency or a distance: "how long", "how many", "how often",
 * "how far in advance" (answered "at least three business days in advance", with no "far").
 */
const AMOUNT_AFTER_HOW: ReadonlySet<string> = new Set(['long', 'much', 'many', 'often', 'far']);

/**
 * Words that shape a question by the construction they stand in, whether or not the notes use them: "what is ECR
 * used for?" asks what ECR is, and "how long does the canary run?" asks for a time, whose answer ("15 minutes")
 * need not say "long", nor "take" in "how long does the upgrade take?". Counted as topics, they sink the line that
 * answers.
 */
export function shapesQuestionAt(tokens: readonly Pick<Token, 'surface'>[], index: number): boolean {
  const word = tokens[index]?.surface;
  if (word === undefined) return false;
  if (word === 'used') return tokens[index + 1]?.surface === 'for';
  // A pro-form, standing for a noun said before ("and where are the older ones?"), like "it" or "those".
  if (word === 'ones') return true;
  // "How long does the upgrade take?": the verb of the construction that asks for a length of time, as "long" is.
  if (TAKE.has(word)) return asksHowLongBefore(tokens, index);
  return tokens[index - 1]?.surface === 'how' && (AMOUNT_AFTER_HOW.has(word) || slipOfAmountWord(word));
}

const TAKE: ReadonlySet<string> = new Set(['take', 'takes', 'took', 'taking']);

/** Whether "how long" comes before the word at `index`. */
function asksHowLongBefore(tokens: readonly Pick<Token, 'surface'>[], index: number): boolean {
  for (let i = 1; i < index; i++) if (tokens[i]?.surface === 'long' && tokens[i - 1]?.surface === 'how') return true;
  return false;
}

const ASKING_VERBS: ReadonlySet<string> = new Set(['do', 'does', 'did', 'can', 'could', 'should', 'would', 'shall', 'will', 'may', 'might', 'must']);
const ASKERS: ReadonlySet<string> = new Set(['i', 'we', 'you', 'one', 'they', 'u']);

/**
 * Whether the word at `index` is the act a how-to question asks for: "how to *rotate* …", "how do I *enable* …",
 * "how can we *revert* it". It is the question's head: notes that never name the act cannot say how to do it.
 */
export function asksActAt(tokens: readonly Pick<Token, 'surface'>[], index: number): boolean {
  const previous = tokens[index - 1]?.surface ?? '';
  if (previous === 'to') return tokens[index - 2]?.surface === 'how';
  return ASKERS.has(previous) && ASKING_VERBS.has(tokens[index - 2]?.surface ?? '') && tokens[index - 3]?.surface === 'how';
}

/** Words that open a question and are followed by its verb: "what does", "how can", "when is". */
const QUESTION_WORDS: ReadonlySet<string> = new Set(['what', 'how', 'when', 'where', 'who', 'why', 'which']);
/** The verbs that follow a question word, of three letters or more: a slip of "do" or "is" is too many words. */
const AUXILIARIES: readonly string[] = ['does', 'did', 'can', 'could', 'should', 'would', 'shall', 'will', 'are', 'was', 'were', 'has', 'have'];

/**
 * Whether the word at `index` is the verb after the question word, misspelt into another word ("what *doe* CM2
 * mean", "how *dose* the canary work"): a word in that place one likely slip from "does", "can" or "are" is that
 * verb, whether or not it is a word of its own. The caller asks only of a word the notes lack.
 */
export function slipsVerbAfterQuestionWord(tokens: readonly Pick<Token, 'surface'>[], index: number): boolean {
  const word = tokens[index]?.surface ?? '';
  if (index !== 1 || word.length < 3) return false;
  const opening = tokens[0]?.surface ?? '';
  if (!QUESTION_WORDS.has(opening) && !QUESTION_WORDS.has(stopWordMeant(opening) ?? '')) return false;
  for (const verb of AUXILIARIES) if (oneEditApart(word, verb) && isLikelySlip(word, verb)) return true;
  return false;
}

/** "lng", "mch", "oftn": one slip from "long", "much" or "often", and no word of general English ("log" is one). */
function slipOfAmountWord(word: string): boolean {
  if (isEnglishWord(word)) return false;
  for (const meant of AMOUNT_AFTER_HOW) if (oneEditApart(word, meant) && isLikelySlip(word, meant)) return true;
  return false;
}

/**
 * Words that ask what a name means ("what does tier 1 *mean*"), no part of the name. They stay words of the
 * question, unlike "used for": the answer often says them ("NATS *stands for* …", "keg-only *means* …").
 */
export const MEANING_WORDS: ReadonlySet<string> = new Set(['stand', 'stands', 'mean', 'means', 'meaning', 'meant', 'definition', 'define', 'acronym', 'acronyms', 'abbreviation', 'abbreviations']);
