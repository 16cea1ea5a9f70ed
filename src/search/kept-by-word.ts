/**
 * `read`, kept word by word: for a pure reading of a word (what it is a slip of), asked again with every question
 * that holds the word, as a team's questions share their words. Past `max` words the kept readings are dropped and
 * kept afresh, a bound on memory.
 */
export function keptByWord<T>(read: (word: string) => T, max = 4096): (word: string) => T {
  const kept = new Map<string, T>();
  return (word) => {
    if (kept.has(word)) return kept.get(word) as T;
    const value = read(word);
    if (kept.size >= max) kept.clear();
    kept.set(word, value);
    return value;
  };
}
