import { asksAmount, asksCost, asksCount, asksDuration, asksFrequency, asksHowTo, asksSize, asksTimeOfDay, asksTimeCount, asksTimeSpan, asksVersion, asksWhen, asksWhenEventIs, asksWhenItWas, asksLongForm, asksQuantity, asksRate, asksReason, asksYesOrNo, LONG_FORM_WORDS, opensWithYesOrNo } from '../search/answer-cues.js';
import type { SearchIndex } from '../search/index.js';
import { saysWhatNameStandsFor } from '../search/glosses.js';
import { namesSomething } from '../search/query.js';
import type { QueryGroup } from '../search/query-terms.js';
import { openingAsMeant } from '../search/question-opening.js';
import type { Hit, SearchResult } from '../search/search.js';
import type { Answer, Chunk, Citation, NotFoundReason } from '../types.js';
import { LARGE_NOTES_SECTIONS } from '../search/notes-size.js';
import { saysWhen, saysWhenLoosely } from '../search/times-asked.js';
import { quantitiesIn, wordsOfQuantities } from '../search/quantities.js';
import { asksWhatLimitIs } from '../search/limits-asked.js';
import { asksForShare, holdsShare } from '../search/shares-asked.js';
import { FORMS_ASKED } from '../search/forms-asked.js';
import { asksForLink, holdsLink, isPageAsked, onlyLinks } from '../search/links-asked.js';
import { asksForPhoneNumber, holdsPhoneNumber } from '../search/phone-numbers-asked.js';
import { sectionPath, toCitation } from './citation.js';
import { amountsAsked } from '../search/amount-ranges.js';
import { daysNamed, namesNumber, numbersNamed } from './numbers-named.js';
import { familyNamesIn, namesFamilyName } from './family-names.js';
import { identifiersNamed, namesIdentifier } from './identifiers-named.js';
import { daysIn } from '../search/dates.js';
import { countsOneOf } from './counts-asked.js';
import { comparedWords } from './compared-sides.js';
import { formAsked, statesAmount, statesFrequency, statesMoney, statesVersionOf } from './figures-stated.js';
import { holdsReason } from '../search/reasons-asked.js';
import { questionStemsIn, selectQuote, weightOf, type Quote, type QuoteOptions } from './quote.js';

export interface ComposeOptions {
  /** Citations wanted, best first (best + see also). */
  top: number;
  baseUrl?: string;
}

/** Below this share of the question matched, the best chunk is not taken for an answer. */
export const FOUND_COVERAGE = 0.5;
/**
 * In a team's notes, a question of more words than this asks with a lower share (`coverageNeeded`): a long question
 * carries words of its own context ("service pod won't let me write files, where should i save stuff i download from
 * s3"), which the lines that answer need not repeat, so the share a right answer holds falls as the question grows.
 * Large notes scale their bar with the question already (`STRENGTH_SLOPE`).
 */
const LONG_QUESTION_WORDS = 6;
/** How fast the share needed falls past `LONG_QUESTION_WORDS`: as the words' count to the power minus this. */
const LONG_QUESTION_SLOPE = 0.5;
/**
 * In large notes, below this multiple of the question's weight (`SearchResult.questionWeight`), the best section's
 * score is too weak to be an answer: its words are there, but too few, too seldom or too far apart. 1.5, not 1.25:
 * in notes of 1,000 to 20,000 sections it turns a fifth of the false answers into "I couldn't find" for one right
 * answer in seventy, and the closest lines are still shown (see docs on benchmarks).
 * The multiple is this at a question of `TYPICAL_QUESTION_WEIGHT`, and scales with the weight to the power
 * -`STRENGTH_SLOPE` (`strengthNeeded`).
 */
export const FOUND_STRENGTH = 1.5;
/** About the weight of a question of five words of the notes, in notes of a few thousand sections. */
export const TYPICAL_QUESTION_WEIGHT = 20;
/**
 * A right section's score grows more slowly than the question's weight: it holds every word of a short question,
 * often several times, and only some of a long one's. One multiple for all was too lax on short questions and too
 * strict on long ones; at 0.35, notes of 1,000 to 20,000 sections give a seventh fewer false answers and a few more
 * right ones, and the real handbooks half their false answers for one right answer in a hundred (see docs on
 * benchmarks).
 */
const STRENGTH_SLOPE = 0.35;
/**
 * In large notes, a question whose words that no note uses carry this share of its weight (`QueryGroup.importance`)
 * asks about something the notes do not cover: notes that large, holding the topic, would name its words somewhere.
 * In smaller notes a word's absence says little ("preinstalled" where the note says "installed").
 */
export const UNKNOWN_SHARE = 0.3;
/** A "see also" must score at least this share of the best hit. */
const SEE_ALSO_SHARE = 0.35;
const CLOSEST = 3;
const SNIPPET_CHARS = 280;

/** Turns ranked hits into a platform-neutral answer, or an honest "I couldn't find". */
export function composeAnswer(question: string, result: SearchResult, index: SearchIndex, options: ComposeOptions): Answer {
  const asked = result.query.groups.filter((group) => !group.context);
  const lookedFor = asked.map((group) => shownWord(group.word));
  const best = result.hits[0];
  const opening = openingAsMeant(question);
  // "bridge vs host network mode": a comparison asks of both sides, and notes that never name one cannot answer it.
  const unnamedSide = sideNotesLack(question, asked);
  if (unnamedSide !== undefined) {
    return notFound(question, best ? 'low-confidence' : 'no-match', lookedFor, closest(result.hits, index, options), unknownWords(asked), notMentioned(shownWord(unnamedSide)));
  }
  const undefinedShort = best && longFormNotesLack(question, opening, asked, best, index);
  if (!best || !couldAnswer(best, result, index) || asksWhatNotesLack(asked, index) || undefinedShort) {
    const reason: NotFoundReason = lookedFor.length === 0 ? 'no-terms' : best ? 'low-confidence' : 'no-match';
    const unknown = unknownWords(asked);
    // Said plainly, so that the asker knows the notes were searched for the name and hold no definition of it.
    const lead = undefinedShort ? `I couldn't find what ${undefinedShort} stands for in the notes.` : undefined;
    return notFound(question, reason, lookedFor, closest(result.hits, index, options), unknown, lead);
  }
  const weights = termWeights(result, index);
  const wordsOf = wordsRead(result);
  // In large documentation a limit is as often stated in words ("the maximum dataset size is determined by the
  // hardware"): asked there to need a figure, it cost right answers and removed no false one.
  // Team notes, not large documentation: several cues below hold there only.
  const smallNotes = index.unitCount < LARGE_NOTES_SECTIONS;
  const asksLimit = asksWhatLimitIs(opening);
  const limit = smallNotes && asksLimit;
  const form: QuoteOptions = { amounts: amountsAsked(question), procedure: asksHowTo(opening), amount: asksAmount(opening) || limit, money: asksCost(opening), duration: asksDuration(opening), span: asksTimeSpan(opening), clock: asksTimeOfDay(opening), version: asksVersion(opening), rate: asksRate(opening), count: asksCount(opening), units: asksTimeCount(opening), size: asksSize(opening), reason: asksReason(opening), limit, quantities: quantitiesAskedIn(question) };
  // A count asked may walk a section's pieces twice (for a count, then for any figure): each piece is quoted once.
  const quotes = new Map<number, { chunk: Chunk; quote: Quote }>();
  const quoteFor = (ranked: Chunk) => {
    let quoted = quotes.get(ranked.id);
    if (!quoted) quotes.set(ranked.id, (quoted = yesOrNoOpening(opening, ranked, index, weights) ?? quoteOf(ranked, index, weights, form)));
    return quoted;
  };
  const named = namedIn(question, smallNotes, index);
  const needsFigure = asksQuantity(opening) || limit;
  const needsMoney = asksCost(opening);
  const needsShare = asksForShare(opening);
  const needsLink = asksForLink(question);
  const needsPhone = asksForPhoneNumber(question);
  let stating: Answering | undefined;
  let answering: Answering | undefined;
  // "When is the ops sync?" may be answered without a day ("after the last release"), so a rival that says when is
  // only preferred. In large notes the rivals are other pages, and one that happens to hold a date is no better.
  const prefersWhen = smallNotes && asksWhen(opening);
  const needsWhen = smallNotes && asksWhenEventIs(opening);
  // A line that is only a link points to a page that may answer ("[ECS EC2 launch type vs Fargate](…)" for "ecs ec2
  // launch steps"); a rival that answers in the notes' own words is preferred, unless the link is what is asked for.
  const passesLinks = smallNotes && !asksForLink(question);
  // "Why did we pick postgres?": a rival that gives a reason ("DynamoDB was rejected because …") answers before the
  // section that only names the choice. In large notes the rivals are other pages, and a "because" there is no better.
  const prefersReason = smallNotes && form.reason === true;
  // "How often do we release?" is answered by "every two weeks", more than by a rival's "about 2 days".
  const prefersFrequency = smallNotes && asksFrequency(opening);
  // "How many credit hours can I bank?": the piece that counts them ("up to 24 credit hours") answers, more than one
  // of the same section with a number beside other words ("from one pay period to the next") or a count in words.
  const countAsked = form.count || asksLimit;
  // A release or a dated entry states its version or day once, in the heading its lines stand under ("## [3.2.0] -
  // 2025-09-14", "### Removed", "- The legacy `/v1/charges` endpoint"): that heading is shown with the quote.
  const headingStates = form.version === true || asksWhenItWas(opening);
  const statesFigure = (quote: Quote, chunk: Chunk) =>
    (!needsFigure || statesAmount(quote.lines, form) || (form.version === true && statesAmount(chunk.section, form))) && (!needsMoney || statesMoney(quote.lines)) && (!needsShare || holdsShare(quote.lines.join('\n')));
  // A time said in the quote's own lines answers before a day its heading files it under ("14:41 Rollback to v2.13.2
  // completed." before "Rollback took 11 minutes" in a postmortem dated in its title).
  const saysWhenItself = (answering: Answering) => saysWhen(answering.quote.lines.join('\n'));
  // A heading that names what the question names ("2.3.0 release date" under "## [2.3.0] - 2025-09-01") dates it.
  const headingDates = (answering: Answering) => {
    const heading = answering.chunk.section.join('\n');
    return (headingStates || named.some((name) => name.in(heading))) && saysWhen(heading);
  };
  const saysWhenFor = (answering: Answering, loosely: boolean) =>
    (loosely ? saysWhenLoosely(answering.quote.lines.join('\n')) : saysWhenItself(answering)) || headingDates(answering);
  let dated: Answering | undefined;
  // Where no rival states the figure, sum, share or time asked, further hits may (`formRivalsOf`), by that form only.
  // A version only where it is the version of a word of the question: further down, the versions stated are often
  // other things' ("Built on Feast 0.36" for redis's).
  const looksFurther = () => smallNotes && (needsFigure || needsMoney || needsShare ? stating === undefined : prefersWhen);
  choosing: for (const byForm of [false, true]) {
    if (byForm && !looksFurther()) break;
    for (const hit of byForm ? formRivalsOf(result, index) : rivalsOf(result, index)) {
      const ranked = { hit, ...quoteFor(hit.chunk) };
      const counted = countAsked && !countsAsked(ranked.quote) ? pieceOfSection(hit, ranked.quote, index, wordsOf, quoteFor, (quote, chunk) => statesFigure(quote, chunk) && countsAsked(quote)) : undefined;
      const candidate = counted ?? (statesFigure(ranked.quote, ranked.chunk) ? ranked : pieceOfSection(hit, ranked.quote, index, wordsOf, quoteFor, statesFigure));
      if (!candidate) continue;
      if (needsLink && !holdsLink(candidate.quote.lines.join('\n')) && !isPageAsked(asked, hit.chunk)) continue;
      if (needsPhone && !holdsPhoneNumber(candidate.quote.lines.join('\n'))) continue;
      if (byForm && (!saysInOneLine(candidate, quoteFor(best.chunk).quote, wordsOf, weights) || (prefersWhen && !saysWhenItself(candidate)))) continue;
      if (byForm && form.version && !statesVersionOf(candidate.quote.lines, candidate.quote.highlights)) continue;
      stating ??= candidate;
      if (!named.every((name) => name.in(answerText(candidate)))) continue;
      answering ??= candidate;
      if (passesLinks && onlyLinks(candidate.quote.lines)) continue;
      if (prefersReason && !holdsReason(candidate.quote.lines.join('\n'))) continue;
      if (prefersFrequency && !statesFrequency(candidate.quote.lines)) continue;
      if (!prefersWhen || saysWhenItself(candidate)) {
        answering = candidate;
        break choosing;
      }
      if (saysWhenFor(candidate, false)) dated ??= candidate;
    }
  }
  if (dated && answering && !saysWhenItself(answering)) answering = dated;
  if (!stating) {
    // "How long does it take to create a cluster?" is not answered by the line that says how to create one.
    // "url of the airbyte staging instance" is not answered by the line that names the instance without its address.
    const lead = needsFigure || needsMoney || needsShare ? "I couldn't find a figure for that in the notes." : needsPhone ? "I couldn't find a phone number for that in the notes." : "I couldn't find a link for that in the notes.";
    return notFound(question, 'low-confidence', lookedFor, closest(result.hits, index, options), unknownWords(asked), lead);
  }
  if (!answering) {
    const unnamed = named.find((name) => !name.in(answerText(stating)))?.written ?? '';
    return notFound(question, 'low-confidence', lookedFor, closest(result.hits, index, options), unknownWords(asked), notMentioned(unnamed));
  }
  if (needsWhen && !saysWhenFor(answering, true)) {
    return notFound(question, 'low-confidence', lookedFor, closest(result.hits, index, options), unknownWords(asked), "I couldn't find when that is in the notes.");
  }
  const { hit: answer, chunk, quote } = answering;
  const quoted = { ...chunk, startLine: chunk.startLine + quote.span[0], endLine: chunk.startLine + quote.span[1] };
  const citations: Citation[] = [toCitation(quoted, quote.lines.join('\n'), answer.score, options.baseUrl, index.headingOf(quoted.file))];
  for (const hit of result.hits) {
    if (hit === answer) continue;
    if (citations.length >= options.top) break;
    if (hit.score < SEE_ALSO_SHARE * best.score || hit.coverage < FOUND_COVERAGE / 2) break;
    if (citations.some((c) => c.file === hit.chunk.file && c.startLine <= hit.chunk.endLine && hit.chunk.startLine <= c.endLine)) continue;
    citations.push(toCitation(hit.chunk, snippetOf(hit, weights), hit.score, options.baseUrl, index.headingOf(hit.chunk.file)));
  }
  return { question, found: true, text: quote.lines.join('\n'), quote: quote.lines, highlights: quote.highlights, citations, lookedFor };
}

/** How many of the first hits may answer in the best one's place, and how close to the best they must score. */
const RIVALS = 3;
const RIVAL_SHARE = 0.8;

interface Answering {
  hit: Hit;
  chunk: Chunk;
  quote: Quote;
}

/**
 * The best hit, then the next ones about as strong that could answer too. One of them answers in the best one's
 * place where only it states what the question asks for: the figure of "how long …", "what time …", "which
 * version …", the release, ticket or day it names ("the week of 12 may"), or, preferred in small notes, the time
 * or day of "when is …", or the notes' own words where the best one is only a link.
 */
function rivalsOf(result: SearchResult, index: SearchIndex): Hit[] {
  const best = result.hits[0] as Hit;
  return result.hits.slice(0, RIVALS).filter((hit) => hit === best || (hit.score >= RIVAL_SHARE * best.score && couldAnswer(hit, result, index)));
}

/**
 * In a team's notes, where no rival states the figure or the time asked: the further hits that hold as much of the
 * question as the best one, however much lower they rank. "Use the home office budget; see the expenses policy."
 * outranks the list that gives the budget ("Home office: one-time budget of €600"), and a line that only names the
 * rollback the timeline that dates it, though both hold every word of the question the notes hold.
 */
function formRivalsOf(result: SearchResult, index: SearchIndex): Hit[] {
  const best = result.hits[0] as Hit;
  const rivals = new Set(rivalsOf(result, index));
  return result.hits.filter((hit) => !rivals.has(hit) && hit.score >= SEE_ALSO_SHARE * best.score && hit.askedCoverage >= best.askedCoverage && couldAnswer(hit, result, index));
}

/** A section of a long note with no headings can hold thousands of pieces: its first ones are read, as a reader would. */
const MAX_PIECES_READ = 64;

/** Whether a quote counts one of the question's words it holds: "up to 24 credit hours" for "how many credit hours". */
function countsAsked(quote: Quote): boolean {
  return countsOneOf(quote.lines.join('\n'), quote.held);
}

/**
 * For a question that needs a figure ("how many starter tasks does a new engineer get"), where the piece of the
 * section that ranked states none (or, for a count or a limit, counts nothing the question names): the first other
 * piece of the section, in the note's order, whose quote holds words of the question and `fits`: states the figure,
 * or counts what is asked. A short piece that repeats the heading's words ("As you complete these
 * tasks, …") can outrank the one that gives the number ("three starter tasks") within their section. The other piece
 * must hold every word of the question the ranked one holds, in any of its readings: "Wait up to 5 business days …
 * from HR links" holds "hr" as much as the step after it that links to a page of "employee-resources" (a reading of
 * "hr", as "human resources").
 */
function pieceOfSection(hit: Hit, ranked: Quote, index: SearchIndex, wordsOf: WordsRead, quoteFor: (chunk: Chunk) => { chunk: Chunk; quote: Quote }, fits: (quote: Quote, chunk: Chunk) => boolean): Answering | undefined {
  const unit = index.unitOf[hit.chunk.id] ?? 0;
  const first = index.unitChunks[unit] ?? 0;
  const end = Math.min(index.unitChunks[unit + 1] ?? 0, first + MAX_PIECES_READ);
  for (let id = first; id < end; id++) {
    if (id === hit.chunk.id) continue;
    const other = quoteFor(index.chunks[id] as Chunk);
    const held = wordsOf(other.quote.held);
    const holdsAsMuch = [...wordsOf(ranked.held)].every((word) => held.has(word));
    if (other.quote.highlights.length > 0 && holdsAsMuch && fits(other.quote, other.chunk)) return { hit, ...other };
  }
  return undefined;
}

const FORM_WORDS: ReadonlySet<string> = new Set(FORMS_ASKED.flatMap((form) => [...form.words]));

/**
 * Whether one line of a quote, read with the headings above it, holds every word of the question another quote
 * holds: a further hit answers by its form only where it says so in one place ("Home office: one-time budget of
 * €600"; "We use Postgres 16" under "# Use Postgres for the ledger"), not in words scattered over a page of terms.
 */
function saysInOneLine({ chunk, quote }: Answering, than: Quote, wordsOf: WordsRead, weights: ReadonlyMap<string, number>): boolean {
  // A word that asks for the answer's form ("percentage") is said by the figure ("10%").
  const headings = wordsOf(questionStemsIn(chunk.section.join('\n'), weights));
  const wanted = [...wordsOf(than.held)].filter((word) => !FORM_WORDS.has(word) && !headings.has(word));
  return quote.lines.some((line) => {
    const held = wordsOf(questionStemsIn(line, weights));
    return wanted.every((word) => held.has(word));
  });
}

/** What an answer says, for the names the question asks about: its file, section path and quoted lines. */
function answerText({ chunk, quote }: Answering): string {
  return [chunk.file, ...chunk.section, ...quote.lines].join('\n');
}

/** More names than a question means: "k8s 1.30 on 12 may" names two. */
const MAX_NAMED = 8;

/**
 * What the question names that its answer must name too: a release, a ticket, a year ("k8s 1.30"), a day ("12 may"),
 * and, in a team's notes (`withCode`), a setting, table or file written as code ("max_connections") and one of a
 * numbered family the notes number otherwise too ("sev3" where they hold SEV1 and SEV2, "p99" beside p95). Large
 * documentation is asked about errors that quote such names ("module 'resty.worker.events' not found"), and its
 * answers need not repeat them.
 * Each once, and no more than `MAX_NAMED`: every one is looked for in every passage that could answer, and a question
 * of a thousand dates would cost that many readings of each.
 */
function namedIn(question: string, withCode: boolean, index: SearchIndex): { written: string; in: (text: string) => boolean }[] {
  const numbers = [...new Set(numbersNamed(question))];
  const days = [...new Map(daysNamed(question).map((day) => [day.term, day])).values()];
  // The days a passage names are read once, whichever of the question's days is looked for.
  let read: { text: string; terms: Set<string> } | undefined;
  const daysOf = (text: string) => (read?.text === text ? read.terms : (read = { text, terms: new Set(daysIn(text).map((day) => day.term)) }).terms);
  return [
    ...numbers.map((number) => ({ written: number, in: (text: string) => namesNumber(text, number) })),
    ...days.map((day) => ({ written: day.written, in: (text: string) => daysOf(text).has(day.term) })),
    ...(withCode ? identifiersNamed(question) : []).map((name) => ({ written: name, in: (text: string) => namesIdentifier(text, name) })),
    ...(withCode ? familyNamesIn(question, index) : []).map((name) => ({ written: name, in: (text: string) => namesFamilyName(text, name) })),
  ].slice(0, MAX_NAMED);
}

/** The words of the question that no note uses. */
function unknownWords(asked: readonly QueryGroup[]): string[] {
  return asked.filter((group) => group.terms.length === 0).map((group) => shownWord(group.word));
}

/** The longest word echoed back whole in "I looked for": a pasted token or blob is shown by its start. */
export const MAX_SHOWN_WORD = 40;

/** A question word as echoed to the asker, cut at `MAX_SHOWN_WORD` characters (never inside an emoji). */
function shownWord(word: string): string {
  if (word.length <= MAX_SHOWN_WORD) return word;
  const chars = Array.from(word);
  return chars.length <= MAX_SHOWN_WORD ? word : `${chars.slice(0, MAX_SHOWN_WORD - 1).join('')}…`;
}

/** Whether a hit is strong enough to be quoted as the answer: it covers enough of the question, strongly enough. */
export function couldAnswer(hit: Hit, result: SearchResult, index: SearchIndex): boolean {
  if (hit.askedCoverage < coverageNeeded(result, index)) return false;
  return index.unitCount < LARGE_NOTES_SECTIONS || hit.score >= strengthNeeded(result.questionWeight ?? 0);
}

/**
 * The share of the question the best chunk must hold to answer: `FOUND_COVERAGE`, and in a team's notes less for a
 * question of more than `LONG_QUESTION_WORDS` words asked now, never under half of it.
 */
export function coverageNeeded(result: SearchResult, index: SearchIndex): number {
  if (index.unitCount >= LARGE_NOTES_SECTIONS) return FOUND_COVERAGE;
  let words = 0;
  for (const group of result.query.groups) if (!group.context) words++;
  if (words <= LONG_QUESTION_WORDS) return FOUND_COVERAGE;
  return Math.max(FOUND_COVERAGE / 2, FOUND_COVERAGE * (words / LONG_QUESTION_WORDS) ** -LONG_QUESTION_SLOPE);
}

/** The score the best section must reach to answer a question of this weight, in large notes. */
export function strengthNeeded(questionWeight: number): number {
  if (questionWeight <= 0) return 0;
  return FOUND_STRENGTH * questionWeight * (questionWeight / TYPICAL_QUESTION_WEIGHT) ** -STRENGTH_SLOPE;
}

/**
 * Whether, in notes large enough to tell, the question names something no note names (a word of no general English:
 * "what newline character does the InfluxDB API require?"), whatever its share of the question; or the words no note
 * uses weigh `UNKNOWN_SHARE` of it or more.
 */
function asksWhatNotesLack(asked: readonly QueryGroup[], index: SearchIndex): boolean {
  if (index.unitCount < LARGE_NOTES_SECTIONS) return false;
  let total = 0;
  let unknown = 0;
  for (const group of asked) {
    total += group.importance;
    if (group.terms.length > 0) continue;
    if (namesSomething(group.word)) return true;
    unknown += group.importance;
  }
  return total > 0 && unknown >= UNKNOWN_SHARE * total;
}

/** The lead of an answer whose question names something no passage that could answer it mentions. */
function notMentioned(name: string): string {
  return `I couldn't find an answer in the notes that mentions ${name}.`;
}

/** A word of a side the question compares ("bridge vs host network mode") that no note uses. */
function sideNotesLack(question: string, asked: readonly QueryGroup[]): string | undefined {
  const sides = new Set(comparedWords(question));
  return asked.find((group) => group.terms.length === 0 && sides.has(group.word))?.word;
}

/**
 * The short form, as asked, when the question asks what it stands for ("what does MLP stand for?") while the notes
 * define no long form for it and the best passage does not say what it stands for either: a line that only mentions
 * the name (`#mlp-oncall`) is no answer to that.
 */
function longFormNotesLack(question: string, opening: string, asked: readonly QueryGroup[], best: Hit, index: SearchIndex): string | undefined {
  if (!asksLongForm(opening)) return undefined;
  const names = asked.filter((group) => !LONG_FORM_WORDS.has(group.word));
  const short = names.length === 1 ? names[0]?.terms[0] : undefined;
  if (!short || short.expansion || index.expansionsOf(short.stem).length > 0 || saysWhatNameStandsFor(best.chunk, [short.stem])) return undefined;
  const word = names[0]?.word ?? '';
  // As the question writes it: "MLP", "mlp".
  const at = question.toLowerCase().indexOf(word);
  return at === -1 ? word : question.slice(at, at + word.length);
}

/**
 * `unknown`: the words of the question that no note uses, named so that the asker knows what to change; `lead`: what
 * could not be found, when more can be said than "an answer".
 */
export function notFound(question: string, reason: NotFoundReason, lookedFor: string[], citations: Citation[] = [], unknown: string[] = [], lead = "I couldn't find an answer in the notes."): Answer {
  return { question, found: false, text: notFoundText(reason, lookedFor, unknown, lead), quote: [], highlights: [], citations, lookedFor, reason };
}

function notFoundText(reason: NotFoundReason, lookedFor: string[], unknown: string[], lead: string): string {
  switch (reason) {
    case 'empty-question':
      return 'I couldn\'t find a question in that message. Ask me something about the notes, for example "does fargate support daemonsets?"';
    case 'no-terms':
      return "I couldn't find any words to search for in that question. Try asking with a few keywords.";
    default:
      return `${lead} I looked for: ${lookedFor.join(', ')}.${unknownText(lookedFor, unknown)}`;
  }
}

function unknownText(lookedFor: string[], unknown: string[]): string {
  if (unknown.length === 0) return '';
  if (unknown.length === lookedFor.length) return lookedFor.length === 1 ? ' No note uses that word.' : ' No note uses any of these words.';
  return ` No note uses: ${unknown.join(', ')}.`;
}

/** The question's words that `stems` stand for: a correction, synonym or long form its word, a joined pair both. */
type WordsRead = (stems: Iterable<string>) => Set<string>;

function wordsRead(result: SearchResult): WordsRead {
  const words = new Map<string, string[]>();
  const add = (stem: string, word: string) => words.set(stem, [...(words.get(stem) ?? []), word]);
  for (const group of result.query.groups) for (const term of group.terms) add(term.stem, group.word);
  for (const phrase of result.query.phrases) for (const group of phrase.joins ?? []) add(phrase.stem, group.word);
  return (stems) => new Set([...stems].flatMap((stem) => words.get(stem) ?? [stem]));
}

/** Stem → how much it matters, for choosing and marking the quoted lines. */
function termWeights(result: SearchResult, index: SearchIndex): Map<string, number> {
  const weights = new Map<string, number>();
  for (const term of [...result.query.groups.flatMap((g) => g.terms), ...result.query.phrases]) {
    weights.set(term.stem, Math.max(weights.get(term.stem) ?? 0, term.weight * index.idf(term.stem)));
  }
  return weights;
}

/**
 * The quote from the chunk that ranked, or, when its own text holds none of the question's words (it
 * matched by its headings alone), from the first chunk of the same section whose text does.
 */
function quoteOf(ranked: Chunk, index: SearchIndex, weights: Map<string, number>, form: QuoteOptions): { chunk: Chunk; quote: Quote } {
  const heading = questionStemsIn(ranked.section.join('\n'), weights);
  const held = weightOf(heading, weights);
  const asked = weightOf(weights.keys(), weights);
  // As any answer must, the heading a piece leans on holds half the question by importance.
  const leaning = held >= FOUND_COVERAGE * asked ? { ...form, heading } : form;
  // A question that is all the heading's words ("first week checklist") asks for what stands under it: the section's
  // opening, not a line further down that happens to repeat one of them. A question of a form wants its line.
  // Every word, not a sum of weights: summed in another order, the same weights differ in their last digit.
  const allInHeading = held > 0 && [...weights].every(([stem, weight]) => weight <= 0 || heading.has(stem));
  const options = allInHeading && formAsked(form) === undefined && index.unitChunks[index.unitOf[ranked.id] ?? 0] === ranked.id ? { ...leaning, underNamedHeading: true } : leaning;
  const quote = selectQuote(ranked.text, weights, options);
  const before = index.chunks[ranked.id - 1];
  if (quote.highlights.length > 0 && before && continues(ranked, before)) {
    const opening = selectQuote(before.text, weights, options);
    if (opening.held.size > quote.held.size && [...quote.held].every((stem) => opening.held.has(stem))) return { chunk: before, quote: opening };
  }
  if (quote.highlights.length > 0 || quote.underHeading) return { chunk: ranked, quote };
  const unit = index.unitOf[ranked.id] ?? 0;
  for (let id = index.unitChunks[unit] ?? 0; id < (index.unitChunks[unit + 1] ?? 0); id++) {
    const chunk = index.chunks[id] as Chunk;
    const other = selectQuote(chunk.text, weights, options);
    if (other.highlights.length > 0) return { chunk, quote: other };
  }
  return { chunk: ranked, quote };
}

/**
 * Whether `chunk` goes on with a list that `before` opens: same section, nested under a line of it. Such a chunk
 * ranks with that line's words in its path; where the quote from the chunk before holds every word of the question
 * that the chunk's own quote holds, and more ("The release captain (rotates; see …) goes through this list:" for "who
 * is the release captain", where the chunk's own line only says "release note"), that is the quote.
 */
function continues(chunk: Chunk, before: Chunk): boolean {
  return before.unit === chunk.unit && chunk.section.length > before.section.length && before.section.every((part, i) => chunk.section[i] === part);
}

/**
 * For a yes/no question, the opening of the best section when it says "Yes" or "No", through the lines that match:
 * undefined when it does not, or when those lines hold none of the question's words.
 */
function yesOrNoOpening(opening: string, ranked: Chunk, index: SearchIndex, weights: Map<string, number>): { chunk: Chunk; quote: Quote } | undefined {
  if (!asksYesOrNo(opening)) return undefined;
  const lead = index.chunks[index.unitChunks[index.unitOf[ranked.id] ?? 0] ?? 0];
  if (!lead || !opensWithYesOrNo(lead.text)) return undefined;
  const quote = selectQuote(lead.text, weights, { fromOpening: true });
  return quote.highlights.length > 0 ? { chunk: lead, quote } : undefined;
}

function snippetOf(hit: Hit, weights: Map<string, number>): string {
  const text = selectQuote(hit.chunk.text, weights).lines.join('\n');
  return text.length <= SNIPPET_CHARS ? text : `${text.slice(0, SNIPPET_CHARS - 1).trimEnd()}…`;
}

function closest(hits: Hit[], index: SearchIndex, options: ComposeOptions): Citation[] {
  const picked: Citation[] = [];
  const weights = new Map<string, number>();
  for (const hit of hits) {
    if (picked.length >= CLOSEST || hit.coverage <= 0) break;
    if (picked.some((c) => c.file === hit.chunk.file && c.section === sectionPath(hit.chunk, index.headingOf(hit.chunk.file)))) continue;
    for (const stem of hit.matched) weights.set(stem, index.idf(stem));
    picked.push(toCitation(hit.chunk, snippetOf(hit, weights), hit.score, options.baseUrl, index.headingOf(hit.chunk.file)));
  }
  return picked;
}

/** The quantities the question names ("half an hour", "90 min") and the stems of their words. */
function quantitiesAskedIn(question: string): QuoteOptions['quantities'] {
  const asked = quantitiesIn(question);
  if (asked.length === 0) return undefined;
  return { asked, stems: wordsOfQuantities(question, asked).flatMap((token) => (token.stop ? [] : [token.stem])) };
}
