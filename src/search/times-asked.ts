import { isPlainAscii } from './ascii.js';
import { isStopToken } from './analyze.js';
import { isPhrasedAsQuestion } from './answer-cues.js';
import { daysIn } from './dates.js';
import { STOP_WORDS } from './stopwords.js';

/**
 * Words that name a time or a length of time: "sev1 ack time", "ci time for a dbt pr", "review times". The answer
 * states it as a figure ("within 15 minutes", "at 09:00", "about 12 minutes") and seldom says "time": the word asks
 * for the form of the answer, as "url" does for a web address.
 */
export const TIME_WORDS: ReadonlySet<string> = new Set(['time', 'times', 'duration']);

/** A word of `TIME_WORDS` and the word after it, if any. */
const TIME_WORD_AND_NEXT = new RegExp(`\\b(${[...TIME_WORDS].join('|')})\\b(?:\\s+([\\p{L}\\d'-]+))?`, 'giu');
/** The same, for a question of plain ASCII (`isPlainAscii`). */
const ASCII_TIME_WORD_AND_NEXT = new RegExp(`\\b(${[...TIME_WORDS].join('|')})\\b(?:\\s+([A-Za-z\\d'-]+))?`, 'gi');

/**
 * Whether a word of `TIME_WORDS` asks for a time, in a question typed as keywords: it ends the question or stands
 * before a stop word ("ack time", "ci time for dbt"), where "time series" or "time zone" are names of their own. A
 * question phrased as one ("why is the time in the logs different from the system time?") is about time often
 * enough (measured on the FAQ sets: "reaction time", "GROUP BY time()") that the word keeps its weight there.
 */
export function asksForTime(question: string): boolean {
  // Most questions hold no time word: a plain test spares making the iterator and the copy of the expression it runs.
  if (!/time|duration/i.test(question)) return false;
  for (const match of question.matchAll(isPlainAscii(question) ? ASCII_TIME_WORD_AND_NEXT : TIME_WORD_AND_NEXT)) {
    const next = match[2]?.toLowerCase();
    if (next === undefined || isStopToken(next)) return !isPhrasedAsQuestion(question);
  }
  return false;
}

/** Whether a text states a length of time or a time of day. */
export function holdsTime(text: string): boolean {
  return TIME_SPAN.test(text) || CLOCK_TIME.test(text);
}

/** "Second" as a length of time: not before a word of content, where it counts ("a second approver", "a second monitor"). */
const SECOND_OF_TIME = String.raw`second(?!\s+(?!(?:${[...STOP_WORDS].join("|")})\b)[a-z])\b`;

/** A time said with an article rather than a figure: "about an hour", "a few minutes", "half a day", "wait a second". */
export const DURATION_IN_WORDS = new RegExp(String.raw`\b(?:an?|half\s+an?|a\s+few|a\s+couple\s+of)\s+(?:${SECOND_OF_TIME}|seconds\b|(?:minute|hour|day|week|month|year)s?\b)`, 'i');

/** A figure or a number word, and a unit of time after it. */
const COUNT = String.raw`(?<![\p{L}\d_-])(?<!\d[.,])\d[\d.,]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|sixty|ninety|several|few)`;
const TIME_UNIT = String.raw`(?:ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|months?|y|yrs?|years?)\b`;
/** How often, in one word: "the rotation is weekly" names a period too. */
export const FREQUENCY_WORD = String.raw`(?:hourly|daily|nightly|weekly|monthly|quarterly|yearly|annually)`;

/**
 * A length of time: "35 days", "24h", "two years", "7-10 business days", "about an hour", "kept forever", or the
 * period a word of frequency names ("the rotation is weekly").
 */
export const TIME_SPAN = new RegExp(
  String.raw`(?:${COUNT})(?:\s*(?:-|–|to)\s*\d[\d.,]*)?\s*-?\s*(?:(?:working|business|calendar)\s+)?${TIME_UNIT}|${DURATION_IN_WORDS.source}|\b(?:forever|indefinitely|permanently|overnight|${FREQUENCY_WORD})\b`,
  'iu',
);

/** A time of day: "10:00", "06:00 UTC", "9 am", "3.30pm", "noon". */
export const CLOCK_TIME = /(?<![\d.:])(?:[01]?\d|2[0-3])(?::[0-5]\d(?![\d.:])|[.:][0-5]\d\s*[ap]\.?m\b|\s*[ap]\.?m\.?(?![\p{L}]))|\b(?:noon|midday|midnight)\b/iu;

/** A day of the week, written out ("Thursdays") or short and capitalised ("Mon/Wed/Fri"): "sat" and "sun" are words too. */
const SHORT_WEEKDAY = /\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\b/;
export const LONG_WEEKDAY = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b/i;

/**
 * A time said less exactly than a day: a month, a quarter or a year ("in March", "by end of Q2", "2026"), a time
 * relative to another ("after the last release", "until the freeze ends", "every other week", "next sprint"), a
 * length of time from now ("within 5 working days"), a time counted from a start ("in your third week", "day one"),
 * a part of the day, a weekend or a named holiday ("during the Easter week").
 */
const LOOSE_TIME = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|\bq[1-4]\b|\b(?:19|20)\d\d\b|\b(?:after|before|until|till|once|every|each|end\s+of|start\s+of|next|last|tomorrow|today|tonight)\b|\b\d+\s*(?:working\s+|business\s+|calendar\s+)?(?:days?|weeks?|months?|years?|hours?|h|mins?|minutes?)\b|\b(?:first|second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th))\s+(?:day|week|month|year|sprint|quarter)\b|\b(?:day|week|month|sprint)\s+(?:\d+|one|two|three|four|five|six)\b|\b(?:weekends?|mornings?|afternoons?|evenings?|christmas|easter|thanksgiving|new\s+year)\b/i;

/** Whether a text says when, exactly or loosely: "Monday 11:00", "in March", "after the last release". */
export function saysWhenLoosely(text: string): boolean {
  return saysWhen(text) || TIME_SPAN.test(text) || LOOSE_TIME.test(text);
}

/** Whether a text says when: a time of day, a day of the week, or a day of the year ("Monday 11:00", "on 2025-03-20"). */
export function saysWhen(text: string): boolean {
  return CLOCK_TIME.test(text) || LONG_WEEKDAY.test(text) || SHORT_WEEKDAY.test(text) || daysIn(text).length > 0;
}
