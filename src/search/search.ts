import type { Chunk } from '../types.js';
import type { SearchIndex } from './index.js';
import { asksIfSame, statesSameness } from './sameness-asked.js';
import { asksLongForm, asksMeaning, asksWhen, asksYesOrNo, isPhrasedAsQuestion, opensWithYesOrNo } from './answer-cues.js';
import { bestChunkOf, chunkItself } from './best-chunk.js';
import { coverageGroups, coverageOfRow, holdsAll, holdsAny, knownImportance, matchedIn, rankingShare, uncoveredShare } from './coverage.js';
import { askAsForm, FORMS_ASKED, NONE, STAND } from './forms-asked.js';
import { definesOne, NO_SHORT_FORMS, shortForms } from './short-forms.js';
import { glossedName, glossesName, rowDefinesName, saysWhatNameStandsFor } from './glosses.js';
import { MEANING_WORDS } from './phrasing.js';
import { LINK_WORDS } from './links-asked.js';
import { holdsValueAsked, valuesAsked } from './values-asked.js';
import { LARGE_NOTES_SECTIONS } from './notes-size.js';
import { rowAnswers } from './table-records.js';
import { asksHeading, headingsIn, namesHeading } from './asked-headings.js';
import { actAsked } from './acts-asked.js';
import { subjectAsked } from './subjects.js';
import { orderWithinNotes } from './within-notes.js';
import { pointersIn } from './pointers.js';
import { proximityScorer } from './proximity.js';
import { analyzeQuery } from './query.js';
import { slotOfTerm, wordAsMeant, type AnalyzedQuery, type QueryTerm } from './query-terms.js';
import { openingAsMeant } from './question-opening.js';
import { ChunkDocuments, SectionDocuments, type Documents } from './ranked-documents.js';
import { DEFAULT_RANKING, type RankingOptions } from './ranking-options.js';
import { resolveTerms, type ResolvedTerm } from './resolved-terms.js';
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

/** Reused from question to question, so that a question allocates no score table of its own. */
const shared = { scores: new QuestionScores(), found: new Uint8Array(1 << 10) };

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
  for (const form of forms) askAsForm(query, form.kept ?? NONE, form.words);
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
  // "Is EKS fargate the same as ECS fargate?" is answered outright by "The same as for ECS …", as by a "Yes".
  const sameness = yesNo && asksIfSame(opening);
  // Only a question of what a name means asks for a short form's definition: "What are the different
  // sub-controllers in MCM?" does not ask what MCM stands for.
  // Nor does "what is an EKS nodegroup?" ask what EKS stands for: the name asked is more than the short form.
  const definitions = glossed ? shortForms(index, query, glossed) : NO_SHORT_FORMS;
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
  const headings = namesHeadings ? headingsIn(index) : undefined;
  const actSlots = ranking.actBoost !== 1 ? slotsOfAct(query, terms, actAsked(opening)) : [];
  const subject = smallNotes && ranking.otherSubjectFactor !== 1 ? subjectAsked(index, question) : undefined;
  // The terms of the subjects named, for `holdsAll`: a name the question's terms do not hold is held by no chunk.
  const subjectSlots = subject?.names.map((name) => terms.findIndex((term) => term.stem === name)) ?? [];
  // A question of where something is, or of its link, is answered by a line that points to it.
  const pointerFactor = forms.some((form) => form.words === LINK_WORDS) || WHERE.test(opening) ? 1 : ranking.pointerFactor;
  const pointsElsewhere = pointerFactor !== 1 ? pointersIn(index) : undefined;
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
      ? bestChunkOf(index, id, terms, coverage, totalImportance, coverageWeight, knownScale, recordCue, valueCue, pointerFactor, pointsElsewhere)
      : chunkItself(index, id, terms, coverage, totalImportance, records && answersAsRecord(index.chunks[id] as Chunk));
    const weights = best.table;
    // The table holds the rows of this document's chunks.
    const row = (best.id - (bySection ? (index.unitChunks[id] ?? 0) : id)) * terms.length;
    for (let t = 0; t < terms.length; t++) found[place * terms.length + t] = (weights[row + t] ?? 0) > 0 ? 1 : 0;
    const quoted = index.chunks[best.id] as Chunk;
    const defines =
      (definitions.length > 0 && definesOne(quoted, definitions)) ||
      (glossed !== undefined && holdsAll(found, place * terms.length, glossedSlots) && (longForm ? saysWhatNameStandsFor(quoted, glossed) : glossesName(quoted, glossed)));
    // A passage that defines the name answers "what does it mean" without saying "means".
    let share = defines && askingWords.length > 0 ? best.coverage + uncoveredShare(weights, row, askingWords, totalImportance) : best.coverage;
    // A passage that holds an address answers "what's the url" without saying "url" (`FORMS_ASKED`).
    for (const form of formWords) if (form.groups.length > 0 && form.holds(quoted.text)) share += uncoveredShare(weights, row, form.groups, totalImportance);
    if (valueCue?.holds(quoted)) share += uncoveredShare(weights, row, valueCue.groups, totalImportance);
    const record = best.record;
    // The row and its header hold every word asked, a header's agent noun standing for its verb ("Owner" for "owns").
    if (record) share = Math.max(share, 1);
    const askedCoverage = borrows ? coverageOfRow(weights, row, asked, askedImportance) : share;
    let score = scores.score(id);
    score += ranking.passageWeight * best.score;
    // A section holding words of one group only has no pair of words to be near.
    if (proximity && scores.holdsTwoGroups(id)) score += ranking.proximityWeight * proximity.score(id);
    score *= 1 - coverageWeight + coverageWeight * rankingShare(share, knownScale);
    if (yesNo && (opensWithYesOrNo(leadOf(index, id, bySection).text) || (sameness && statesSameness(quoted.text)))) score *= ranking.directAnswerBoost;
    if (defines) score *= ranking.definitionBoost;
    if (asking && asksHeading(quoted, query, totalImportance, ranking.askedHeadingShare)) score *= ranking.askedHeadingBoost;
    else if (smallNotes && headings && namesHeading(headings, best.id, query, totalImportance, ranking.askedHeadingShare)) score *= ranking.askedHeadingBoost;
    if (actSlots.length > 0 && holdsAny(found, place * terms.length, actSlots)) score *= ranking.actBoost;
    // A row keyed by the name under a "Definition" column is a record that answers, as much as a row under "Owner".
    if (record) score *= ranking.recordBoost;
    if (pointsElsewhere?.(best.id)) score *= pointerFactor;
    if (subject?.filedElsewhere(quoted.unit) && !holdsAll(found, place * terms.length, subjectSlots)) score *= ranking.otherSubjectFactor;
    ranked.push({ id, score, coverage: share, askedCoverage, chunk: best.id, place });
  }
  proximity?.release();
  sortRanked(ranked, docs);
  // In large notes a heading the question names orders a note's own sections only (`orderWithinNotes`).
  if (headings && !smallNotes) {
    const named = (item: Ranked) => namesHeading(headings, item.chunk, query, totalImportance, ranking.askedHeadingShare);
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

/** A question of where something is: "where do I find the logs" is answered by "See the Kibana dashboard". */
const WHERE = /^\s*where\b/i;

/** The places in `terms` of the act's word and its readings (a correction of "instal"); none when there is no act. */
function slotsOfAct(query: AnalyzedQuery, terms: readonly QueryTerm[], act: string | undefined): number[] {
  const group = act === undefined ? undefined : query.groups.find((each) => !each.context && each.word === act);
  if (!group) return [];
  const slots: number[] = [];
  for (let t = 0; t < terms.length; t++) if (slotOfTerm(group.terms, (terms[t] as QueryTerm).id) !== -1) slots.push(t);
  return slots;
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
