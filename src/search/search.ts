import type { Chunk } from '../types.js';
import type { Postings, SearchIndex } from './index.js';
import { asksLongForm, asksMeaning, asksWhen, asksYesOrNo, isPhrasedAsQuestion, opensWithYesOrNo } from './answer-cues.js';
import { definesOne, NO_SHORT_FORMS, shortForms } from './short-forms.js';
import { glossedName, glossesName, rowDefinesName, saysWhatNameStandsFor } from './glosses.js';
import { MEANING_WORDS } from './phrasing.js';
import { asksForLink, holdsLink, LINK_WORDS } from './links-asked.js';
import { asksForOptions, holdsAnnouncedList, OPTION_WORDS } from './options-asked.js';
import { asksForTime, holdsTime, TIME_WORDS } from './times-asked.js';
import { holdsValueAsked, valuesAsked } from './values-asked.js';
import { asksForLimit, holdsFigure, LIMIT_WORDS } from './limits-asked.js';
import { LARGE_NOTES_SECTIONS } from './notes-size.js';
import { rowAnswers } from './table-records.js';
import { asksHeading, namesHeading } from './asked-headings.js';
import { actAsked } from './acts-asked.js';
import { subjectAsked } from './subjects.js';
import { orderWithinNotes } from './within-notes.js';
import { onlyPointsElsewhere } from './pointers.js';
import { proximityScorer } from './proximity.js';
import { analyzeQuery } from './query.js';
import { slotOfTerm, wordAsMeant, type AnalyzedQuery, type QueryGroup, type QueryTerm } from './query-terms.js';
import { openingAsMeant } from './question-opening.js';
import { DEFAULT_RANKING, type RankingOptions } from './ranking-options.js';
import { QuestionScores } from './question-scores.js';

export interface SearchOptions {
  /** How many hits to return: one per section, or per chunk when chunks are ranked (see `RankingOptions.minSections`). */
  limit?: number;
  /** Keep only chunks of files under these folders (relative, `/`-separated). */
  folders?: string[];
  /** An earlier question of the same conversation, weighed less than the question itself. */
  previousQuestion?: string;
  /** Overrides of the tuning constants (for the eval); the defaults are what lore ships with. */
  ranking?: Partial<RankingOptions>;
}

export interface Hit {
  /** The chunk to quote: the best-matching chunk of the section that ranked. */
  chunk: Chunk;
  score: number;
  /** Share of the question's weight (by IDF) that the quoted chunk matches, 0–1. */
  coverage: number;
  /**
   * The same share of the words asked now, without those a follow-up borrows from the previous question: what
   * says whether the chunk answers. Equal to `coverage` for a question read on its own.
   */
  askedCoverage: number;
  /** Stems of the question found in the quoted chunk. */
  matched: string[];
}

export interface SearchResult {
  query: AnalyzedQuery;
  /** What was ranked: sections, or chunks in notes of too few sections (`RankingOptions.minSections`). */
  ranks: 'sections' | 'chunks';
  hits: Hit[];
  /**
   * The question's words' weights × IDF summed, each word at its likeliest reading, a word the notes lack at the IDF
   * of a word in no section: what a section holding each word once, at average length, would score in BM25. Given
   * only where sections are ranked; a dozen chunks are too few to tell a weak match from a strong one by it.
   */
  questionWeight?: number;
}

/** What is ranked: sections (units) or chunks, seen through the same few questions. */
interface Documents {
  /** By term id. */
  postings(term: number): Postings | undefined;
  idf(term: number): number;
  fileOf(id: number): number;
  /** Sorts documents in the order of the notes, for ties: ids follow it only in a fresh build. */
  order(id: number): number;
}

class SectionDocuments implements Documents {
  constructor(private readonly index: SearchIndex) {}
  postings(term: number): Postings | undefined {
    return this.index.unitPostingsOfTerm(term);
  }
  idf(term: number): number {
    return this.index.unitIdfOfTerm(term);
  }
  fileOf(unit: number): number {
    return this.index.fileOf[this.index.unitChunks[unit] ?? 0] ?? -1;
  }
  order(unit: number): number {
    return this.index.orderOfUnit(unit);
  }
}

class ChunkDocuments implements Documents {
  constructor(private readonly index: SearchIndex) {}
  postings(term: number): Postings | undefined {
    return this.index.postingsOfTerm(term);
  }
  idf(term: number): number {
    return this.index.idfOfTerm(term);
  }
  fileOf(id: number): number {
    return this.index.fileOf[id] ?? -1;
  }
  order(id: number): number {
    return this.index.orderOfChunk(id);
  }
}

/** A term of the question with what the scoring loops need, looked up once per question. */
interface ResolvedTerm extends QueryTerm {
  /** weight × IDF among chunks: what one unit of BM25 weight in a chunk is worth. */
  chunkFactor: number;
  /** The first question word (group) the term stands for, -1 for a joined phrase. */
  group: number;
}

/**
 * The question's words as coverage reads them: each group's importance, strongest weight, and terms by id and by
 * their place (slot) among the question's resolved terms.
 */
interface CoverageGroup {
  importance: number;
  strongest: number;
  terms: { id: number; stem: string; slot: number; weight: number; longForm?: true }[];
  /**
   * A short form the notes never write, found only by the words of its long form: a chunk holds it where it holds
   * every one of them that the notes write ("iam" is not held by a chunk that says "manage" alone).
   */
  byLongForm?: true;
}

/** Reused from question to question, so that a question allocates no score table of its own. */
const shared = { scores: new QuestionScores(), weights: new Float64Array(1 << 10), found: new Uint8Array(1 << 10) };

/** Adds weight × IDF × BM25 weight over the terms' postings to `scores`, for the documents `keep` admits. */
function accumulate(scores: QuestionScores, terms: readonly ResolvedTerm[], docs: Documents, keep?: (id: number) => boolean): void {
  for (const term of terms) {
    const postings = docs.postings(term.id);
    if (!postings) continue;
    const factor = term.weight * docs.idf(term.id);
    const { ids, weights } = postings;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] ?? 0;
      if (keep && !keep(id)) continue;
      scores.add(id, factor * (weights[i] ?? 0), term.group);
    }
  }
}

/**
 * Ranks the notes' sections for a question with BM25F, adds a bounded bonus where the question's words stand
 * close together (BM25TP), and returns, for each of the best sections, the chunk inside it to quote. In a
 * collection of too few sections to estimate their statistics (`RankingOptions.minSections`), ranks the chunks.
 */
export function search(index: SearchIndex, question: string, options: SearchOptions = {}): SearchResult {
  const ranking: Readonly<RankingOptions> = options.ranking ? { ...DEFAULT_RANKING, ...options.ranking } : DEFAULT_RANKING;
  const limit = options.limit ?? 10;
  const query = analyzeQuery(index, question, options.previousQuestion);
  const opening = openingAsMeant(question);
  const meaning = ranking.definitionBoost !== 1 && asksMeaning(opening);
  const glossed = meaning ? glossedName(query) : undefined;
  // "What does NATS stand for?" is answered by the line that says so, not by any line that says what NATS is; and
  // its "stand for" keeps half its weight, or the first pass, the name alone, would miss that line among the many
  // that name NATS.
  const longForm = glossed !== undefined && asksLongForm(opening);
  if (glossed) askAsForm(query, longForm ? STAND : NONE);
  const smallNotes = index.unitCount < LARGE_NOTES_SECTIONS;
  const forms = FORMS_ASKED.filter((form) => (smallNotes || !form.smallNotesOnly) && form.asks(opening));
  for (const form of forms) askAsForm(query, NONE, form.words);
  const terms = resolveTerms(index, query, ranking.phrases);
  // Counted over the whole index, as the IDF and average lengths that make section statistics are.
  const bySection = ranking.sections && index.unitCount >= ranking.minSections;
  if (terms.length === 0) return { query, ranks: bySection ? 'sections' : 'chunks', hits: [] };

  const docs = bySection ? new SectionDocuments(index) : new ChunkDocuments(index);
  const coverageWeight = smallNotes ? ranking.smallNotesCoverageWeight : ranking.coverageWeight;
  const allowedFiles = options.folders?.length ? filesUnder(index, options.folders) : undefined;
  const scores = shared.scores;
  scores.reset();
  accumulate(scores, terms, docs, allowedFiles && ((id) => allowedFiles.has(docs.fileOf(id))));

  const top = scores.top(Math.max(ranking.rescore, limit));
  const coverage = coverageGroups(query, terms);
  let totalImportance = 0;
  let askedImportance = 0;
  let borrowed = false;
  for (const group of query.groups) {
    totalImportance += group.importance;
    if (group.context) borrowed = true;
    else askedImportance += group.importance;
  }
  totalImportance ||= 1;
  // The words asked now, when a follow-up also borrows the previous question's (and has words of its own).
  const borrows = borrowed && askedImportance > 0;
  const asked = borrows ? coverage.filter((_, g) => !query.groups[g]?.context) : coverage;
  const yesNo = ranking.directAnswerBoost !== 1 && asksYesOrNo(opening);
  // Only a question of what a name means asks for a short form's definition: "What are the different
  // sub-controllers in MCM?" does not ask what MCM stands for.
  const definitions = glossed ? shortForms(index, query) : NO_SHORT_FORMS;
  // The words that ask what the name means ("mean", "stand for").
  const askingWords = glossed ? coverage.filter((_, g) => MEANING_WORDS.has(wordAsMeant(query.groups[g]))) : [];
  const formWords = forms.map((form) => ({ holds: form.holds, groups: coverage.filter((_, g) => form.words.has(wordAsMeant(query.groups[g]))) }));
  // "half an hour", "90 min", "£1200": a passage that states the value, or a bound or range holding it ("after 30
  // minutes", "longer than 60 minutes", a row "£500.01 to £2,500"), holds those words of the question.
  const values = valuesAsked(question);
  const valueWords = new Set(values?.words.map((token) => token.surface));
  const valueGroups = valueWords.size > 0 ? coverage.filter((_, g) => valueWords.has(query.groups[g]?.word ?? '')) : [];
  const valueCue = values && valueGroups.length > 0 ? { groups: valueGroups, holds: (chunk: Chunk) => holdsValueAsked(chunk.text, values) } : undefined;
  const knownScale = totalImportance / (knownImportance(coverage, askingWords, formWords, valueGroups) || totalImportance);
  const records = ranking.recordBoost !== 1 && smallNotes;
  const answersAsRecord = (chunk: Chunk) => rowAnswers(chunk, query.groups) || (glossed !== undefined && !longForm && rowDefinesName(chunk, glossed));
  const recordCue = records ? { answers: answersAsRecord, boost: ranking.recordBoost } : undefined;
  // Only a question is asked by a heading; and a chunk read for its heading is a cache miss in large notes, which
  // keywords ("fargate") need not pay.
  const asking = ranking.askedHeadingBoost !== 1 && isPhrasedAsQuestion(opening);
  // In large documentation a heading's words are as often met by a page about something else: over the FAQ tune
  // halves the cue cost questions their first place. A question of a time, a figure, a link or the choices wants
  // the line that states it, wherever it stands, more than the section its words name ("when's the branch cut").
  const namesHeadings = ranking.askedHeadingBoost !== 1 && forms.length === 0 && !asksWhen(opening);
  const namingHeadings = namesHeadings && smallNotes;
  const actSlots = ranking.actBoost !== 1 ? slotsOfAct(query, terms, actAsked(opening)) : [];
  const subject = smallNotes && ranking.otherSubjectFactor !== 1 ? subjectAsked(index, question) : undefined;
  // The terms of the subjects named, for `holdsAll`: a name the question's terms do not hold is held by no chunk.
  const subjectSlots = subject?.names.map((name) => terms.findIndex((term) => term.stem === name)) ?? [];
  // A question of where something is, or of its link, is answered by a line that points to it.
  const pointerFactor = forms.some((form) => form.words === LINK_WORDS) || WHERE.test(opening) ? 1 : ranking.pointerFactor;
  const proximity = bySection && ranking.proximityWeight > 0 ? proximityScorer(index, query.groups, ranking.proximityWindow) : undefined;
  // Which terms each ranked document's chunk holds, a row of terms.length per place in `top`, for `matched`.
  if (shared.found.length < top.length * terms.length) shared.found = new Uint8Array(2 * top.length * terms.length);
  const found = shared.found;
  // A chunk that holds not every word of the name glosses it nowhere: its lines need not be read.
  const glossedSlots = glossed?.map((stem) => terms.findIndex((term) => term.stem === stem)) ?? [];
  const ranked: Ranked[] = [];
  for (let place = 0; place < top.length; place++) {
    const id = top[place] as number;
    // Coverage is read on the chunk to quote: a long section matching the question's words far apart is no answer.
    const best = bySection
      ? bestChunkOf(index, id, terms, coverage, totalImportance, coverageWeight, knownScale, recordCue, valueCue, pointerFactor)
      : { id, score: 0, coverage: coverageOfRow(chunkWeights(index, id, id + 1, terms), 0, coverage, totalImportance), record: records && answersAsRecord(index.chunks[id] as Chunk) };
    // The weights table still holds the rows of this document's chunks.
    const row = (best.id - (bySection ? (index.unitChunks[id] ?? 0) : id)) * terms.length;
    for (let t = 0; t < terms.length; t++) found[place * terms.length + t] = (shared.weights[row + t] ?? 0) > 0 ? 1 : 0;
    const quoted = index.chunks[best.id] as Chunk;
    const defines =
      (definitions.length > 0 && definesOne(quoted, definitions)) ||
      (glossed !== undefined && holdsAll(found, place * terms.length, glossedSlots) && (longForm ? saysWhatNameStandsFor(quoted, glossed) : glossesName(quoted, glossed)));
    // A passage that defines the name answers "what does it mean" without saying "means".
    let share = defines && askingWords.length > 0 ? best.coverage + uncoveredShare(shared.weights, row, askingWords, totalImportance) : best.coverage;
    // A passage that holds an address answers "what's the url" without saying "url" (`FORMS_ASKED`).
    for (const form of formWords) if (form.groups.length > 0 && form.holds(quoted.text)) share += uncoveredShare(shared.weights, row, form.groups, totalImportance);
    if (valueCue?.holds(quoted)) share += uncoveredShare(shared.weights, row, valueCue.groups, totalImportance);
    const record = best.record;
    // The row and its header hold every word asked, a header's agent noun standing for its verb ("Owner" for "owns").
    if (record) share = Math.max(share, 1);
    const askedCoverage = borrows ? coverageOfRow(shared.weights, row, asked, askedImportance) : share;
    let score = scores.score(id);
    score += ranking.passageWeight * best.score;
    // A section holding words of one group only has no pair of words to be near.
    if (proximity && scores.holdsTwoGroups(id)) score += ranking.proximityWeight * proximity.score(id);
    score *= 1 - coverageWeight + coverageWeight * rankingShare(share, knownScale);
    if (yesNo && opensWithYesOrNo(leadOf(index, id, bySection).text)) score *= ranking.directAnswerBoost;
    if (defines) score *= ranking.definitionBoost;
    if (asking && asksHeading(quoted, query, totalImportance, ranking.askedHeadingShare)) score *= ranking.askedHeadingBoost;
    else if (namingHeadings && namesHeading(quoted, query, totalImportance, ranking.askedHeadingShare)) score *= ranking.askedHeadingBoost;
    if (actSlots.length > 0 && holdsAny(found, place * terms.length, actSlots)) score *= ranking.actBoost;
    // A row keyed by the name under a "Definition" column is a record that answers, as much as a row under "Owner".
    if (record) score *= ranking.recordBoost;
    if (pointerFactor !== 1 && onlyPointsElsewhere(quoted)) score *= pointerFactor;
    if (subject?.filedElsewhere(quoted.unit) && !holdsAll(found, place * terms.length, subjectSlots)) score *= ranking.otherSubjectFactor;
    ranked.push({ id, score, coverage: share, askedCoverage, chunk: best.id, place });
  }
  proximity?.release();
  sortRanked(ranked, docs);
  // In large notes a heading the question names orders a note's own sections only (`orderWithinNotes`).
  if (namesHeadings && !smallNotes) {
    const named = (item: Ranked) => namesHeading(index.chunks[item.chunk] as Chunk, query, totalImportance, ranking.askedHeadingShare);
    orderWithinNotes(ranked, limit, (item) => docs.fileOf(item.id), named, ranking.askedHeadingBoost);
  }
  const hits: Hit[] = [];
  for (let i = 0; i < ranked.length && i < limit; i++) {
    const { chunk, score, coverage: share, askedCoverage, place } = ranked[i] as Ranked;
    hits.push({ chunk: index.chunks[chunk] as Chunk, score, coverage: share, askedCoverage, matched: matchedIn(found, place * terms.length, coverage) });
  }
  return { query, ranks: bySection ? 'sections' : 'chunks', hits, questionWeight: bySection ? questionWeight(query, docs) : undefined };
}

function questionWeight(query: AnalyzedQuery, docs: Documents): number {
  let total = 0;
  // A word counts as its likeliest reading: as written, else its likeliest correction, else its first expansion.
  for (const group of query.groups) total += group.terms[0] ? group.terms[0].weight * docs.idf(group.terms[0].id) : docs.idf(-1);
  return total;
}

interface Ranked {
  id: number;
  score: number;
  coverage: number;
  askedCoverage: number;
  chunk: number;
  place: number;
}

const compareRanked = (a: Ranked, b: Ranked, docs: Documents): number => b.score - a.score || docs.order(a.id) - docs.order(b.id);

const SHORT_LIST = 64;

/** Best first, ties in the order of the notes. */
function sortRanked(ranked: Ranked[], docs: Documents): void {
  if (ranked.length > SHORT_LIST) {
    ranked.sort((a, b) => compareRanked(a, b, docs));
    return;
  }
  // By insertion: for the few documents rescored, the engine's sort, calling back for each comparison, costs more.
  for (let i = 1; i < ranked.length; i++) {
    const item = ranked[i] as Ranked;
    let j = i - 1;
    for (; j >= 0 && compareRanked(ranked[j] as Ranked, item, docs) > 0; j--) ranked[j + 1] = ranked[j] as Ranked;
    ranked[j + 1] = item;
  }
}

/** The first chunk of a section, or the chunk itself. */
function leadOf(index: SearchIndex, id: number, bySection: boolean): Chunk {
  return index.chunks[bySection ? (index.unitChunks[id] ?? 0) : id] as Chunk;
}

/** The question's terms (and joined phrases), each stem once at its highest weight, with ids and factors. */
function resolveTerms(index: SearchIndex, query: AnalyzedQuery, phrases: boolean): ResolvedTerm[] {
  // Plain loops over the question's few terms: each array method or map called here is more code to bring back
  // into the processor's caches, which other work empties between questions.
  const resolved: ResolvedTerm[] = [];
  const { groups } = query;
  for (let g = 0; g < groups.length; g++) {
    const { terms } = groups[g] as QueryGroup;
    for (let t = 0; t < terms.length; t++) mergeTerm(resolved, terms[t] as QueryTerm, g);
  }
  if (phrases) for (let p = 0; p < query.phrases.length; p++) mergeTerm(resolved, query.phrases[p] as QueryTerm, -1);
  for (const term of resolved) term.chunkFactor = term.weight * index.idfOfTerm(term.id);
  return resolved;
}

/** Keeps each stem once, at the highest weight asked for it, with the first group that asked. */
function mergeTerm(resolved: ResolvedTerm[], term: QueryTerm, group: number): void {
  const at = slotOfTerm(resolved, term.id);
  if (at === -1) resolved.push({ stem: term.stem, id: term.id, weight: term.weight, group, chunkFactor: 0 });
  else (resolved[at] as ResolvedTerm).weight = Math.max((resolved[at] as ResolvedTerm).weight, term.weight);
}

function coverageGroups(query: AnalyzedQuery, resolved: readonly ResolvedTerm[]): CoverageGroup[] {
  const groups: CoverageGroup[] = [];
  for (const group of query.groups) {
    let strongest = 0;
    const terms: CoverageGroup['terms'] = [];
    let longForms = 0;
    let written = false;
    for (const term of group.terms) {
      strongest = Math.max(strongest, term.weight);
      // Every term of a group is among the resolved ones.
      const slot = slotOfTerm(resolved, term.id);
      terms.push(term.longForm ? { id: term.id, stem: term.stem, slot, weight: term.weight, longForm: true } : { id: term.id, stem: term.stem, slot, weight: term.weight });
      if (term.longForm) longForms++;
      else if (!term.expansion) written = true;
    }
    groups.push(!written && longForms > 1 ? { importance: group.importance, strongest, terms, byLongForm: true } : { importance: group.importance, strongest, terms });
  }
  for (const phrase of query.phrases) {
    if (!phrase.joins) continue;
    const slot = slotOfTerm(resolved, phrase.id);
    if (slot < 0) continue;
    for (const joined of phrase.joins) {
      const group = groups[query.groups.indexOf(joined)];
      if (group && group.strongest > 0) group.terms.push({ id: phrase.id, stem: phrase.stem, slot, weight: group.strongest });
    }
  }
  return groups;
}

/**
 * The weights of the question's terms in chunks `from` to `to` (exclusive), a row of `terms.length` per chunk, in a
 * table reused from question to question.
 */
function chunkWeights(index: SearchIndex, from: number, to: number, terms: readonly ResolvedTerm[]): Float64Array {
  const size = (to - from) * terms.length;
  if (shared.weights.length < size) shared.weights = new Float64Array(Math.max(size, 2 * shared.weights.length));
  const table = shared.weights;
  // Plain loops: a section has a few chunks, and a question a few terms.
  for (let i = 0; i < size; i++) table[i] = 0;
  for (let slot = 0; slot < terms.length; slot++) index.weightsOfTermIn((terms[slot] as ResolvedTerm).id, from, to, table, terms.length, slot);
  return table;
}

/** How much of the question (by importance) a chunk matches, from its row of term weights. */
function coverageOfRow(table: Float64Array, row: number, groups: readonly CoverageGroup[], totalImportance: number): number {
  let covered = 0;
  for (const group of groups) {
    const best = heldWeight(table, row, group);
    // Importance already carries the word's weight: a corrected typo covers its word in full.
    if (group.strongest > 0) covered += group.importance * (best / group.strongest);
  }
  return covered / totalImportance;
}

/** The weight at which a chunk (its row of term weights) holds a group's word: its strongest term held. */
function heldWeight(table: Float64Array, row: number, group: CoverageGroup): number {
  let best = 0;
  let wholeLongForm = group.byLongForm === true;
  let longFormWeight = 0;
  for (const term of group.terms) {
    const held = term.slot >= 0 && (table[row + term.slot] ?? 0) > 0;
    if (group.byLongForm && term.longForm) {
      if (held) longFormWeight = Math.max(longFormWeight, term.weight);
      else wholeLongForm = false;
    } else if (held && term.weight > best) best = term.weight;
  }
  return wholeLongForm ? Math.max(best, longFormWeight) : best;
}

/**
 * In a question of what a name means, the words that ask it ("mean", "stand for") are its form, not its topic:
 * they are looked for at next to no weight, so a passage that happens to say "means" does not outrank the one
 * that defines the name. Their weight stays the strongest of their group, so coverage reads them as before. The
 * words in `keep` are looked for at half weight: the answer writes them ("NATS *stands* for …"). The words of
 * `FORMS_ASKED` are asked as form the same way.
 */
function askAsForm(query: AnalyzedQuery, keep: ReadonlySet<string>, formWords: ReadonlySet<string> = MEANING_WORDS): void {
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
 */
const FORMS_ASKED: readonly { asks: (question: string) => boolean; words: ReadonlySet<string>; holds: (text: string) => boolean; smallNotesOnly?: boolean }[] = [
  { asks: asksForLink, words: LINK_WORDS, holds: holdsLink },
  { asks: asksForOptions, words: OPTION_WORDS, holds: holdsAnnouncedList, smallNotesOnly: true },
  { asks: asksForTime, words: TIME_WORDS, holds: holdsTime },
  { asks: asksForLimit, words: LIMIT_WORDS, holds: holdsFigure },
];

const FORM_WORD_WEIGHT = 0.01;
const KEPT_FORM_WORD_WEIGHT = 0.5;
const STAND: ReadonlySet<string> = new Set(['stand', 'stands']);
const NONE: ReadonlySet<string> = new Set();
/** A question of where something is: "where do I find the logs" is answered by "See the Kibana dashboard". */
const WHERE = /^\s*where\b/i;

/** How much of the question (by importance) the groups leave unmatched in a chunk: what `coverageOfRow` misses of them. */
function uncoveredShare(table: Float64Array, row: number, groups: readonly CoverageGroup[], totalImportance: number): number {
  let uncovered = 0;
  for (const group of groups) uncovered += group.importance - coverageOfRow(table, row, [group], 1);
  return uncovered / totalImportance;
}

/** Stems of the question found in a chunk, group by group, from its row of found terms. */
function matchedIn(found: Uint8Array, row: number, groups: readonly CoverageGroup[]): string[] {
  const matched: string[] = [];
  for (const group of groups) for (const term of group.terms) if (term.slot >= 0 && found[row + term.slot] === 1) matched.push(term.stem);
  return matched;
}

/**
 * The importance of the question's words that a passage can hold: words of the notes, and words a cue finds held in
 * other words (a value in a range, "url" by an address). A word no note holds tells no passage from another: it
 * lowers how sure an answer is (`coverage`), but the order weighs each passage's share of the words it can hold
 * (`rankingShare`). Otherwise a misspelt name ("germna") would weaken coverage's part in the order, and a passage
 * repeating a few of the words would overtake one that holds all of them.
 */
function knownImportance(
  groups: readonly CoverageGroup[],
  asking: readonly CoverageGroup[],
  forms: readonly { groups: readonly CoverageGroup[] }[],
  values: readonly CoverageGroup[],
): number {
  let known = 0;
  for (const group of groups) {
    // Most questions' words are all the notes': the cues' lists are read only for a word they lack.
    const cued = group.terms.length > 0 || asking.includes(group) || values.includes(group) || forms.some((form) => form.groups.includes(group));
    if (cued) known += group.importance;
  }
  return known;
}

/** A passage's share of the question's words, read over those it can hold (`knownScale`, total ÷ known). */
function rankingShare(share: number, knownScale: number): number {
  return Math.min(1, share * knownScale);
}

/**
 * The chunk of a section to quote: the one whose BM25 score, scaled by its coverage of the question as the
 * section's own score is, is highest; the first on a tie. Choosing by the same measure that ranks the section
 * keeps a chunk that repeats a few of the words from beating the one that holds the whole question.
 */
function bestChunkOf(
  index: SearchIndex,
  unit: number,
  terms: readonly ResolvedTerm[],
  groups: readonly CoverageGroup[],
  totalImportance: number,
  coverageWeight: number,
  knownScale: number,
  records?: { answers: (chunk: Chunk) => boolean; boost: number },
  values?: { groups: readonly CoverageGroup[]; holds: (chunk: Chunk) => boolean },
  pointerFactor = 1,
): { id: number; score: number; coverage: number; record: boolean } {
  const from = index.unitChunks[unit] ?? 0;
  const to = index.unitChunks[unit + 1] ?? from + 1;
  const table = chunkWeights(index, from, to, terms);
  const stride = terms.length;
  let best = { id: from, score: 0, value: -1, coverage: 0, record: false };
  for (let id = from; id < to; id++) {
    const row = (id - from) * stride;
    let score = 0;
    for (let t = 0; t < stride; t++) score += (terms[t] as ResolvedTerm).chunkFactor * (table[row + t] ?? 0);
    // Coverage only scales a score down, so a chunk scoring no more than the best value so far cannot win.
    if (best.value >= 0 && score * (records?.boost ?? 1) <= best.value) continue;
    const record = records !== undefined && records.answers(index.chunks[id] as Chunk);
    const boost = record ? (records?.boost ?? 1) : 1;
    if (best.value >= 0 && score * boost <= best.value) continue;
    // A row that answers holds the whole question, as where sections are ranked.
    let coverage = record ? 1 : coverageOfRow(table, row, groups, totalImportance);
    if (!record && values?.holds(index.chunks[id] as Chunk)) coverage += uncoveredShare(table, row, values.groups, totalImportance);
    // A piece that only points elsewhere ("For more information around browser support, see …") names the topic
    // and says nothing of it: another piece of the section that does is the one to quote.
    const pointer = pointerFactor !== 1 && onlyPointsElsewhere(index.chunks[id] as Chunk) ? pointerFactor : 1;
    const value = pointer * score * boost * (1 - coverageWeight + coverageWeight * rankingShare(coverage, knownScale));
    if (value > best.value) best = { id, score, value, coverage, record };
  }
  return best;
}

/** Whether a chunk's row of found terms holds any of the slots. */
function holdsAny(found: Uint8Array, row: number, slots: readonly number[]): boolean {
  for (const slot of slots) if (found[row + slot] === 1) return true;
  return false;
}

/** The places in `terms` of the act's word and its readings (a correction of "instal"); none when there is no act. */
function slotsOfAct(query: AnalyzedQuery, terms: readonly QueryTerm[], act: string | undefined): number[] {
  const group = act === undefined ? undefined : query.groups.find((each) => !each.context && each.word === act);
  if (!group) return [];
  const slots: number[] = [];
  for (let t = 0; t < terms.length; t++) if (slotOfTerm(group.terms, (terms[t] as QueryTerm).id) !== -1) slots.push(t);
  return slots;
}

/** Whether a chunk's row of found terms holds every one of the slots (a slot of -1 is a term not looked for). */
function holdsAll(found: Uint8Array, row: number, slots: readonly number[]): boolean {
  for (const slot of slots) if (slot < 0 || found[row + slot] !== 1) return false;
  return true;
}

/** Ids of the files under any of the folders, decided once per question rather than per posting. */
function filesUnder(index: SearchIndex, folders: string[]): Set<number> {
  const prefixes = folders.map((folder) => folder.replace(/^\.?\/+|\/+$/g, '')).map((folder) => (folder ? `${folder}/` : ''));
  const ids = new Set<number>();
  index.files.forEach((file, id) => {
    if (prefixes.some((prefix) => file.startsWith(prefix))) ids.add(id);
  });
  return ids;
}
