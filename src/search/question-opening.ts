import { isAsciiLetter, isAsciiSpace, isPlainAscii } from './ascii.js';
import { sureEnglishSlip, SURE_SLIP_LENGTH } from './slips.js';
import { stopWordMeant } from './stop-word-slips.js';

/**
 * The question with its first word read as the stop word it misspells, if it does, and each word read as the word
 * of English it is a sure slip of (`sureEnglishSlip`): "Whatt is Local PV ZFS?" asks
 * what something is, "Cann I …" yes or no, as their clean twins do. For the answer cues, which read the opening.
 */
export function openingAsMeant(asked: string): string {
  const question = asked.includes('/') || asked.includes('`') ? withoutCode(asked) : asked;
  if (!isPlainAscii(question)) return openingAsMeantInUnicode(question);
  // Plain ASCII, the common case, read without the regular expressions of any script's letters.
  let start = 0;
  while (start < question.length && isAsciiSpace(question.charCodeAt(start))) start++;
  let end = start;
  while (end < question.length && isAsciiLetter(question.charCodeAt(end))) end++;
  const meant = end > start ? stopWordMeant(question.slice(start, end).toLowerCase()) : undefined;
  const opened = meant ? meant + question.slice(end) : question;
  // And each word a sure slip of another: "what tiime is the handover" asks for a time of day.
  let read = '';
  let from = 0;
  for (let at = 0; at < opened.length; ) {
    if (!isAsciiLetter(opened.charCodeAt(at))) {
      at++;
      continue;
    }
    let after = at + 1;
    while (after < opened.length && isAsciiLetter(opened.charCodeAt(after))) after++;
    const slip = after - at >= SURE_SLIP_LENGTH ? sureEnglishSlip(opened.slice(at, after).toLowerCase()) : undefined;
    if (slip !== undefined) {
      read += opened.slice(from, at) + slip;
      from = after;
    }
    at = after;
  }
  return from === 0 ? opened : read + opened.slice(from);
}

/**
 * Code and paths written in a question stand for one name each, so that their words shape nothing: "when was
 * /v1/charges removed?" asks when, not a price, and "what's in `cost_report.sql`" asks no sum. Not "CI/CD" or
 * "and/or", words written with one slash between them.
 */
function withoutCode(question: string): string {
  return question.replace(CODE_OR_PATH, (_match, before: string) => `${before}x`);
}

const CODE_OR_PATH = /(^|[\s(])(?:`[^`]+`|\w+:\/\/\S+|[~.]{0,2}\/[\w.{}:-]+(?:\/[\w.{}:-]*)*|[\w.{}:-]+(?:\/[\w.{}:-]+){2,})/g;

function openingAsMeantInUnicode(question: string): string {
  const first = /^\s*(\p{L}+)/u.exec(question);
  const meant = first?.[1] && stopWordMeant(first[1].toLowerCase());
  const opened = meant && first ? meant + question.slice(first[0].length) : question;
  return opened.replace(/\p{L}{5,}/gu, (word) => sureEnglishSlip(word.toLowerCase()) ?? word);
}
