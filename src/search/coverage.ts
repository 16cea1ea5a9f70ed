import { slotOfTerm, type AnalyzedQuery } from './query-terms.js';
import type { ResolvedTerm } from './resolved-terms.js';

/**
 * How much of a question a chunk holds: each word by its importance, held at the weight of its strongest reading
 * the chunk has, read from the chunk's row of term weights (`chunkWeights`).
 */

/**
 * The question's words as coverage reads them: each group's importance, strongest weight, and terms by id and by
 * their place (slot) among the question's resolved terms.
 */
export interface CoverageGroup {
  importance: number;
  strongest: number;
  terms: { id: number; stem: string; slot: number; weight: number; longForm?: true }[];
  /**
   * A short form the notes never write, found only by the words of its long form: a chunk holds it where it holds
   * every one of them that the notes write ("iam" is not held by a chunk that says "manage" alone).
   */
  byLongForm?: true;
}

export function coverageGroups(query: AnalyzedQuery, resolved: readonly ResolvedTerm[]): CoverageGroup[] {
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

/** How much of the question (by importance) a chunk matches, from its row of term weights. */
export function coverageOfRow(table: Float64Array, row: number, groups: readonly CoverageGroup[], totalImportance: number): number {
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

/** How much of the question (by importance) the groups leave unmatched in a chunk: what `coverageOfRow` misses of them. */
export function uncoveredShare(table: Float64Array, row: number, groups: readonly CoverageGroup[], totalImportance: number): number {
  let uncovered = 0;
  for (const group of groups) uncovered += group.importance - coverageOfRow(table, row, [group], 1);
  return uncovered / totalImportance;
}

/** Stems of the question found in a chunk, group by group, from its row of found terms. */
export function matchedIn(found: Uint8Array, row: number, groups: readonly CoverageGroup[]): string[] {
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
export function knownImportance(
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
export function rankingShare(share: number, knownScale: number): number {
  return Math.min(1, share * knownScale);
}

/** Whether a chunk's row of found terms holds any of the slots. */
export function holdsAny(found: Uint8Array, row: number, slots: readonly number[]): boolean {
  for (const slot of slots) if (found[row + slot] === 1) return true;
  return false;
}

/** Whether a chunk's row of found terms holds every one of the slots (a slot of -1 is a term not looked for). */
export function holdsAll(found: Uint8Array, row: number, slots: readonly number[]): boolean {
  for (const slot of slots) if (slot < 0 || found[row + slot] !== 1) return false;
  return true;
}
