import { isAsciiLetter, isAsciiSpace, isPlainAscii } from './ascii.js';
import { isStopToken } from './analyze.js';
import { isEnglishWord } from './english-words.js';

/**
 * Cues from the wording of a question about what its answer looks like. A yes/no question ("can I…",
 * "does it…") is best answered by a passage that says yes or no outright; a question of what a short form
 * means ("what does PIR stand for?"), by the passage that defines it.
 */

const YES_NO_QUESTION = /^\s*(?:can|could|does|do|did|is|are|was|were|will|would|should|has|have)\b/i;

export function asksYesOrNo(question: string): boolean {
  return YES_NO_QUESTION.test(question);
}

/** "Yes, …" or "**No.** …", after any Markdown markers and link brackets. */
export function opensWithYesOrNo(text: string): boolean {
  return /^[\s>#*_`[-]*(?:yes|no)\b/i.test(text.slice(0, 40));
}

const MEANING_QUESTION = /\bstands?\s+for\b|\bmean(?:s|ing)?\b|\bdefin(?:e|ition)\b|^\s*what(?:'s|s|\s+is|\s+are)\b/i;

/** "What does PIR stand for?", "what's an SLO", "SLI meaning", "EM acronym" (a question for a long form asks it too). */
export function asksMeaning(question: string): boolean {
  return MEANING_QUESTION.test(question) || asksLongForm(question);
}

const LONG_FORM_QUESTION = /\bstands?\s+for\b|\b(?:acronym|abbreviation)\b|\bshort\s+for\b/i;

/**
 * "What does MLP stand for?", "what is SRE short for", "the NATS acronym": a question for a short form's long form,
 * which names one. "is there an acronym list" names none.
 */
export function asksLongForm(question: string): boolean {
  return LONG_FORM_QUESTION.test(question) && namesShortForm(question);
}

/**
 * A word of the question, besides those that ask for a long form, that may be a short form: written in capitals, of
 * three letters or fewer ("em" is English too), or no word of general English ("mlp").
 */
function namesShortForm(question: string): boolean {
  for (const word of question.match(/[\p{L}\p{N}]+/gu) ?? []) {
    const lower = word.toLowerCase();
    if (isStopToken(lower) || LONG_FORM_WORDS.has(lower)) continue;
    if (/\p{Lu}.*\p{Lu}/u.test(word) || lower.length <= 3 || !isEnglishWord(lower)) return true;
  }
  return false;
}

/** The words of a question for a long form that ask it, no part of the name: "stand", "short", "acronym". */
export const LONG_FORM_WORDS: ReadonlySet<string> = new Set(['stand', 'stands', 'short', 'acronym', 'acronyms', 'abbreviation', 'abbreviations']);

/** A passage that says what a short form stands for, in words a definition uses. */
export function saysLongForm(text: string): boolean {
  return LONG_FORM_QUESTION.test(text);
}

const PROCEDURE_QUESTION = /^\s*how\s+(?:do|can|should|would|could|shall)\s+(?:i|we|you|one)\b|\bhow\s+to\b/i;

/** "How do I roll back?", "how to rotate the keys": a question whose answer is a procedure, often a command. */
export function asksHowTo(question: string): boolean {
  return PROCEDURE_QUESTION.test(question);
}

const QUANTITY_QUESTION = /\bhow\s+(?:long|many|much|often|soon|old|big|large|far|fast)\b|\bwhat\s+time\b/i;
const WHEN_QUESTION = /^\s*when\s+(?:is|are|was|were|will|does|do|did|should|can)\b/i;

/** "How long are logs kept?", "how many replicas", "when is the freeze" (not "when I add a repo, …"): a question whose answer is an amount or a time. */
export function asksAmount(question: string): boolean {
  return QUANTITY_QUESTION.test(question) || WHEN_QUESTION.test(question);
}

/**
 * "How long are logs kept?", "how many replicas", "what time is the handover": a question that only a figure answers.
 * ("When is the freeze?" may be answered by "after the last release of the year".)
 */
export function asksQuantity(question: string): boolean {
  return QUANTITY_QUESTION.test(question) || asksVersion(question);
}

const RATE = /\bper\s+(?!cent\b)[\p{L}\d]|\/\s*(?:hr|hour|day|week|month|year|mo|yr)\b/iu;

/**
 * "How much does it cost per hour?", "how many pods per node": an amount per unit, which only a figure states ("the
 * control plane is not free" and "paid per week" do not).
 */
export function asksRate(question: string): boolean {
  return asksQuantity(question) && RATE.test(question);
}

const COUNT_QUESTION = /\bhow\s+many\b/i;

/** "How many users were hit?": a count is asked, which a time of day, a date or a version number is not. */
export function asksCount(question: string): boolean {
  return COUNT_QUESTION.test(question);
}

/**
 * Words that name a sum of money, or ask what is paid. Not "rate" (a rate limit, an interest rate), "budget" (a size
 * budget), "pricing" (a pricing model) nor "pay" as a noun ("pay date", "pay as you go").
 */
const COST_QUESTION = /\b(?:costs?|prices?|fees?|charges?|payouts?|salary|salaries|allowances?|stipends?|bonus(?:es)?|compensation)\b|\bhow\s+much\b.*\b(?:pay|paid)\b|\bwhat\s+(?:do|does|did|will|would|should)\s+(?:we|i|you|they|it)\s+(?:\w+\s+)?pay\b/i;

/**
 * "Pemberton Lisle audit fee", "on-call allowance per week", "how much does BrowserStack cost us": a sum of money is
 * asked, which a currency, a share ("25% of the fare") or "free" states, and "2 people" does not. A yes/no question
 * ("does the EKS control plane cost money?") is answered by "not free" or "you pay only for …" as well, and a how-to
 * ("how should I name a column holding a price?"), a question of who or where ("whos the cost centre owner") asks no sum.
 */
export function asksCost(question: string): boolean {
  return COST_QUESTION.test(question) && !asksYesOrNo(question) && !asksHowTo(question) && !ASKS_WHO_OR_WHERE.test(question);
}

/** "whos the cost centre owner for R&D", "where is the price list": a person or a place is asked, not a sum. */
const ASKS_WHO_OR_WHERE = /^\W*(?:who|whom|whose|whos|where|wheres)\b/i;

const SIZE_QUESTION = /\bhow\s+(?:big|large|small|heavy)\b/i;

/** "How big is the raw schema?", "how large can a batch be": a size is asked, which no length of time states. */
export function asksSize(question: string): boolean {
  return SIZE_QUESTION.test(question);
}

const FREQUENCY_QUESTION = /\bhow\s+often\b/i;

/** "How often do we release?": how often something happens is asked. */
export function asksFrequency(question: string): boolean {
  return FREQUENCY_QUESTION.test(question);
}

/** "How long does setup take?", "how often", "what time", "when is the freeze": an amount of time is asked. */
export function asksDuration(question: string): boolean {
  return asksTimeSpan(question) || asksFrequency(question) || asksTimeOfDay(question) || WHEN_QUESTION.test(question);
}

const SPAN_QUESTION = /\bhow\s+(?:long|soon)\b/i;

/** "How long are logs kept?", "how soon is the secondary paged": a length of time is asked, not how often or when. */
export function asksTimeSpan(question: string): boolean {
  return SPAN_QUESTION.test(question);
}

const TIME_COUNT_QUESTION = /\bhow\s+many\s+(?:seconds|minutes|hours|days|weeks|months|years)\b/i;

/** "How many days are backups retained?": a count of a unit of time, which a period repeated ("every 3 hours") is not. */
export function asksTimeCount(question: string): boolean {
  return TIME_COUNT_QUESTION.test(question);
}

const TIME_OF_DAY_QUESTION = /\bwhat\s+time\b/i;

/** "What time is the handover?": the time asked is one of day, not a length of time. */
export function asksTimeOfDay(question: string): boolean {
  return TIME_OF_DAY_QUESTION.test(question);
}

const VERSION_QUESTION = /\b(?:what|which)\s+(?:[\w.-]+\s+){0,2}versions?\b/i;

/** "What postgres version do we run?", "which version of node": only a version number answers. */
export function asksVersion(question: string): boolean {
  return VERSION_QUESTION.test(question);
}

const DATE_QUESTION = /(?:^|[,;:!?.]\s)\s*when(?:['’]s\b|\s+(?:is|are|was|were|will|does|do|did)\b)|\bwhat\s+(?:day|date)\b/i;

/**
 * "When is the ops sync?", "hey quick q, when do we have to be on 1.30?", "what day is the demo?": a question answered
 * by a day or a time of day. Not "when should I page the EM?" or "when can I deploy?", which ask on what condition.
 */
export function asksWhen(question: string): boolean {
  return DATE_QUESTION.test(question);
}

const PAST_WHEN_QUESTION = /(?:^|[,;:!?.]\s)\s*when\s+(?:did|was|were)\b|\bwhat\s+(?:day|date)\s+(?:did|was|were)\b/i;

/**
 * "When did we add partial refunds?", "when was the ledger decision made?": when something happened, which the
 * day a note files it under says ("## [3.1.0] - 2025-05-20", "## 2025-03-11 incident review").
 */
export function asksWhenItWas(question: string): boolean {
  return PAST_WHEN_QUESTION.test(question);
}

/**
 * "When do I need …", "when do we have to …": when the asker must act, which a condition answers. Not "when did we
 * move to okta?": what was done was done at a time.
 */
const ASKS_ON_WHAT_CONDITION = /\bwhen\s+(?!did\b|was\b|were\b)\w+\s+(?:i|we|you|one)\b/i;
/**
 * "When is it worth using …", "when is it (actually) ok to …", "when does it make sense to …": "it" standing for
 * the act named after the adjective, which asks on what condition too. Not "when is it due", "when is it going
 * to ship" or "when is it scheduled to run", which ask for a time: an adjective of time ("due", "set") or a
 * participle stands there.
 */
const ASKS_WHEN_IT_IS_WORTH = /\bwhen\s+(?:is\s+it|it['’]?s|would\s+it\s+be|will\s+it\s+be)\s+(?:\w+ly\s+|ever\s+|even\s+)?(?!going\b|due\b|set\b)\w+(?<!ed)\s+(?:to\b|\w+ing\b)|\bwhen\s+(?:does|would|will)\s+it\s+make\s+sense\b/i;

/** "date" as a noun of its own: not "up to date", "out of date" or "to date", which say current or so far. */
const DATE_NAMED = /(?<!\b(?:to|of)[\s-]+)\bdates?\b|\bdeadlines?\b/i;
const ASKS_OTHER_THAN_WHEN = /^\W*(?:where|how|why|who|whom|whose)\b/i;

/**
 * "parlo cutover date", "budget submissions deadline", "due date for SEC-1413": a date or a deadline asked for by its
 * name, which only a time answers, as "when" asks. Not "where do i find my nte date" or "how do i change the due
 * date", which ask something else about it.
 */
export function asksForDate(question: string): boolean {
  return DATE_NAMED.test(question) && !ASKS_OTHER_THAN_WHEN.test(question);
}

/**
 * "When does our contract renew?": when an event is, which only a time answers, exactly or loosely. Not "when do I
 * need a custom AMI?" or "when is it worth building a custom AMI?", which ask on what condition ("rarely, unless
 * you want a special OS"). A date or deadline asked for by its name (`asksForDate`) asks the same.
 */
export function asksWhenEventIs(question: string): boolean {
  return (asksWhen(question) && !ASKS_ON_WHAT_CONDITION.test(question) && !ASKS_WHEN_IT_IS_WORTH.test(question)) || asksForDate(question);
}

const REASON_QUESTION = /\bwhy\b|\bhow\s+come\b|\bwhat\s+(?:is|was|are|were)\s+the\s+reasons?\b/i;

/** "Why did we drop RabbitMQ?", "my rolling update is stuck, why?": a question whose answer is a reason. */
export function asksReason(question: string): boolean {
  return REASON_QUESTION.test(question);
}

/**
 * A question of what something is (a limit, the choices there are), not how to do something, why, or whether it
 * holds: "how do i limit memory", "why are there two ways to deploy" and "is there a max pod count?" ask no value.
 */
export function asksWhatItIs(question: string): boolean {
  return !asksHowTo(question) && !asksReason(question) && !asksYesOrNo(question);
}

/** The words that ask, opening a question or a clause of it: "what", "how", "can", "does" and the like. */
export const ASKING_WORD = /^(?:what|whats|how|why|when|where|who|whom|whose|which|can|could|does|do|did|is|are|should|would|will)$/;

/** "how do i promote a model version", "fargate on eks?": phrased as a question, not typed as keywords ("fargate"). */
export function isPhrasedAsQuestion(opening: string): boolean {
  return /\?\s*$/.test(opening) || ASKING_WORD.test(firstWord(opening).toLowerCase().replace(/'/g, ''));
}

/** The letters and apostrophes that open a text, after any space. */
function firstWord(text: string): string {
  if (!isPlainAscii(text)) return /^\s*([\p{L}']+)/u.exec(text)?.[1] ?? '';
  let start = 0;
  while (start < text.length && isAsciiSpace(text.charCodeAt(start))) start++;
  let end = start;
  while (end < text.length && (isAsciiLetter(text.charCodeAt(end)) || text.charCodeAt(end) === APOSTROPHE)) end++;
  return text.slice(start, end);
}

const APOSTROPHE = 39;

