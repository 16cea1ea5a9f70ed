/**
 * Names the notes lack, read as another word: the tool and product names of the FAQ sets' documentation, each asked
 * about in the bundled notes and every team folder that never writes it ("where can I ask about vitess?"). A name
 * read as a word of the notes ("vitess" as "votes") answers about that word where "No note uses: vitess" was owed,
 * so the lower the better. The speller's wider readings (two slips, joined words) are checked against this count.
 */
import type { LoadedFile } from '../src/knowledge/load.js';
import { indexNotes } from '../src/knowledge/build.js';
import { isEnglishWord } from '../src/search/english-words.js';
import { isMisspeltEnglish } from '../src/search/slips.js';
import { analyzeQuery } from '../src/search/query.js';

/** Names of every length a typo is read at, seen often enough in the documentation to be names, not typos. */
const NAME = /\b[a-z]{4,12}\b/g;
const MIN_USES = 3;

/** The names of a set of documentation: words of no general English, English misspelt neither, used at least thrice. */
export function namesIn(files: readonly LoadedFile[]): string[] {
  const uses = new Map<string, number>();
  for (const file of files) for (const word of file.text.toLowerCase().match(NAME) ?? []) uses.set(word, (uses.get(word) ?? 0) + 1);
  return [...uses]
    .filter(([word, count]) => count >= MIN_USES && !isEnglishWord(word) && !isMisspeltEnglish(word))
    .map(([word]) => word)
    .sort();
}

export interface NamesRead {
  asked: number;
  read: number;
}

/** How many of the names the notes never write are read as a word of theirs. */
export function countNamesRead(notes: readonly LoadedFile[], names: readonly string[]): NamesRead {
  const { index } = indexNotes([...notes]);
  let asked = 0;
  let read = 0;
  for (const name of names) {
    if (index.vocabulary.has(name)) continue;
    asked++;
    const group = analyzeQuery(index, `where can I ask about ${name}`).groups.find((each) => each.word === name);
    if (group && group.terms.length > 0) read++;
  }
  return { asked, read };
}
