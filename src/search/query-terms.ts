import { sureEnglishSlip } from './slips.js';

/** One weighted index term the query looks for. */
export interface QueryTerm {
  stem: string;
  /** Term id in the index (see `SearchIndex.idOf`): a question looks each stem up once. */
  id: number;
  weight: number;
  /** Added by an abbreviation or synonym rather than written: it may match, but does not make its word matter more. */
  expansion?: boolean;
  /** A joined pair's question words: a chunk holding the pair as one word ("DriftAlert") holds both. */
  joins?: QueryGroup[];
  /** A word of the long form of a short form the question writes ("access" for "iam"). */
  longForm?: true;
}

/** A word of the question with the index terms that stand for it (itself, a correction, an expansion). */
export interface QueryGroup {
  word: string;
  terms: QueryTerm[];
  /** How much this word matters to the question (see `importance`). */
  importance: number;
  /** Taken from the previous question of a follow-up, not written in this one. */
  context?: boolean;
}

/**
 * A question word as the cues read it: the word of English it is a sure slip of ("tiime": time), or as written.
 * Worked out when a cue asks, not for every word: looking up a word's slips is most of the first search for it.
 */
export function wordAsMeant(group: QueryGroup | undefined): string {
  if (!group) return '';
  return sureEnglishSlip(group.word) ?? group.word;
}

export interface AnalyzedQuery {
  groups: QueryGroup[];
  /** Joined neighbours of the question, a bonus for chunks that have the phrase. */
  phrases: QueryTerm[];
}

/** The weight of a term by how it was read: as written, one or two slips away, as an expansion, a phrase, or from the
 * previous question of a follow-up. */
export const WEIGHT = Object.freeze({ exact: 1, oneEdit: 0.8, twoEdits: 0.6, expansion: 0.5, phrase: 0.6, context: 0.4 });

/** A stem the notes have, with its term id. */
export type KnownTerm = Pick<QueryTerm, 'stem' | 'id'>;

/**
 * The place of a term in a list, by id, -1 when absent. A loop, not `findIndex` with a callback: a question runs
 * these few checks once, when the code for them is no longer in the processor's caches, and each builtin called is
 * more code to fetch.
 */
export function slotOfTerm(terms: readonly { readonly id: number }[], id: number): number {
  for (let i = 0; i < terms.length; i++) if ((terms[i] as { id: number }).id === id) return i;
  return -1;
}

/** Whether a list of terms holds a stem, with a plain loop (see `slotOfTerm`). */
export function hasStem(terms: readonly QueryTerm[], stem: string): boolean {
  for (let i = 0; i < terms.length; i++) if ((terms[i] as QueryTerm).stem === stem) return true;
  return false;
}
