import { asksForLink, holdsLink, LINK_WORDS } from './links-asked.js';
import { asksForOptions, holdsAnnouncedList, OPTION_WORDS } from './options-asked.js';
import { MEANING_WORDS } from './phrasing.js';
import type { AnalyzedQuery } from './query-terms.js';
import { asksForTime, holdsTime, TIME_WORDS } from './times-asked.js';
import { asksForLimit, holdsFigure, LIMIT_WORDS } from './limits-asked.js';
import { asksForShare, holdsShare, SHARE_WORDS } from './shares-asked.js';
import { asksForReasonByName, holdsReason, REASON_WORDS } from './reasons-asked.js';

/**
 * In a question of what a name means, the words that ask it ("mean", "stand for") are its form, not its topic:
 * they are looked for at next to no weight, so a passage that happens to say "means" does not outrank the one
 * that defines the name. Their weight stays the strongest of their group, so coverage reads them as before. The
 * words in `keep` are looked for at half weight: the answer writes them ("NATS *stands* for …"). The words of
 * `FORMS_ASKED` are asked as form the same way.
 */
export function askAsForm(query: AnalyzedQuery, keep: ReadonlySet<string>, formWords: ReadonlySet<string> = MEANING_WORDS): void {
  for (const group of query.groups) {
    if (!formWords.has(group.word)) continue;
    for (const term of group.terms) term.weight *= keep.has(group.word) ? KEPT_FORM_WORD_WEIGHT : FORM_WORD_WEIGHT;
  }
}

/**
 * Words that ask for the form of the answer, not its topic, each with the question that asks so and the text of
 * that form: "what's the grafana url" is answered by an address, "sev1 ack time" by "acknowledge within 10 minutes",
 * "flag name max length" by "at most 40 characters", none of which says the word. They are looked for at
 * `FORM_WORD_WEIGHT`, and a passage of that form covers them. The choices ("ecs compute options", answered by
 * "We can use ECS with:" and its list) are asked in notes under `LARGE_NOTES_SECTIONS` only: in large
 * documentation, lists announced by a colon are everywhere, and the cue cost a FAQ tune question its first place.
 * The words in `kept` are looked for at `KEPT_FORM_WORD_WEIGHT`: notes write them as a label ("**Duration:** 47
 * minutes"), where "time" is seldom one.
 */
export const FORMS_ASKED: readonly { asks: (question: string) => boolean; words: ReadonlySet<string>; holds: (text: string) => boolean; smallNotesOnly?: boolean; kept?: ReadonlySet<string> }[] = [
  { asks: asksForLink, words: LINK_WORDS, holds: holdsLink },
  { asks: asksForOptions, words: OPTION_WORDS, holds: holdsAnnouncedList, smallNotesOnly: true },
  { asks: asksForTime, words: TIME_WORDS, holds: holdsTime, kept: new Set(['duration']) },
  { asks: asksForLimit, words: LIMIT_WORDS, holds: holdsFigure },
  { asks: asksForShare, words: SHARE_WORDS, holds: holdsShare },
  // An ADR heads its reasons "Rationale" as a postmortem labels its "Duration".
  { asks: asksForReasonByName, words: REASON_WORDS, holds: holdsReason, kept: REASON_WORDS },
];

const FORM_WORD_WEIGHT = 0.01;
const KEPT_FORM_WORD_WEIGHT = 0.5;
export const STAND: ReadonlySet<string> = new Set(['stand', 'stands']);
export const NONE: ReadonlySet<string> = new Set();
