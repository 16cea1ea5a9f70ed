import { indexNotes } from '../../src/knowledge/build.js';
import type { SearchIndex } from '../../src/search/index.js';
import { analyzeQuery } from '../../src/search/query.js';
import { search } from '../../src/search/search.js';

/** The index of notes given as file → text. */
export function indexOf(notes: Record<string, string>): SearchIndex {
  return indexNotes(Object.entries(notes).map(([file, text]) => ({ file, text }))).index;
}

/** The file of the first hit for a question over notes given as file → text. */
export function firstFile(notes: Record<string, string>, question: string): string | undefined {
  return search(indexOf(notes), question).hits[0]?.chunk.file;
}

/** The stems a question looks for in an index: its words', their corrections' and their expansions'. */
export function stemsLookedFor(index: SearchIndex, question: string): string[] {
  return analyzeQuery(index, question).groups.flatMap((group) => group.terms.map((term) => term.stem));
}
