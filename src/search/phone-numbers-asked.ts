import { isPhrasedAsQuestion } from './answer-cues.js';
import { ASKING_OF, tellingOf } from './links-asked.js';

/**
 * Words that ask for a phone number ("stanbury recoveries phone number", "number to call for the helpdesk"). As a
 * link asked for is a web address, the answer is the number, which seldom says "phone number".
 */
const PHONE_WORDS = String.raw`(?:(?:tele)?phone\s+(?:number|no\b\.?|#)|number\s+to\s+(?:call|ring|phone)|contact\s+number)`;
const PHONE_WORD = new RegExp(PHONE_WORDS, 'i');
/** "what's the phone number for …", "which number to call …", "is there a phone number for …". */
const ASKS_FOR_PHONE = new RegExp(
  String.raw`\b(?:${ASKING_OF}|(?:is|are)\s+there\s+(?:an?\s+|any\s+)?(?:[\p{L}\d'-]+\s+){0,2}?)${PHONE_WORDS}`,
  'iu',
);
/** Someone telling of a number rather than asking for one ("the customer changed their phone number"). */
const TELLS_OF_PHONE = tellingOf(PHONE_WORDS, ['customer', 'user']);

/**
 * Whether the question asks for a phone number: typed as keywords ("billing team direct phone number"), or asked
 * with "what", "which", "where" or "is there" of the number itself. A question about numbers ("do they keep their
 * phone number when they move?") does not.
 */
export function asksForPhoneNumber(question: string): boolean {
  if (!PHONE_WORD.test(question)) return false;
  return isPhrasedAsQuestion(question) ? ASKS_FOR_PHONE.test(question) : !TELLS_OF_PHONE.test(question);
}

/** A run of digits with the spaces, dots, dashes and brackets phone numbers are written with, maybe after a "+". */
const DIGIT_RUN = /(?<![\w.,/:-])\+?\(?\d[\d ().-]*\d(?![\w/:]|[.,-]\d)/g;
/** At least as many digits as the shortest local number ("555-0100"). */
const PHONE_DIGITS = 7;
/** A date, a span of years or an IP address, which have enough digits but are no number to call. */
const NOT_PHONE = /^\d{4}-\d{2}-\d{2}$|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$|^\d{4}\s*-\s*\d{4}$|^\d{1,3}(?:\.\d{1,3}){3}$/;

/** A `tel:` link's target ("[call the helpdesk](tel:08005550147)"), which the digit runs above do not read. */
const TEL_LINK = /\btel:\+?\d/i;

/** Whether a text holds a phone number: seven digits or more, written as numbers are, or a `tel:` link. */
export function holdsPhoneNumber(text: string): boolean {
  if (TEL_LINK.test(text)) return true;
  for (const match of text.matchAll(DIGIT_RUN)) {
    const written = match[0].trim();
    const digits = written.replace(/\D/g, '').length;
    if (digits >= PHONE_DIGITS && !NOT_PHONE.test(written)) return true;
  }
  return false;
}
