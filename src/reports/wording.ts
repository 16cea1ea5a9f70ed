import { tokenize } from '../search/analyze.js';

/** Two questions whose content stems overlap this much (Jaccard) count as the same question. */
const SAME_QUESTION = 2 / 3;

/**
 * The content of a question as the search engine sees it: its distinct non-stop-word stems, sorted. "How do I
 * rotate the DB password?" and "rotating db passwords" share one key. Questions made only of stop words keep
 * their words.
 */
export function wordingKey(question: string): string[] {
  const tokens = tokenize(question);
  const content = tokens.filter((token) => !token.stop).map((token) => token.stem);
  return [...new Set(content.length > 0 ? content : tokens.map((token) => token.surface))].sort();
}

export function similarWording(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return a.length === b.length;
  const other = new Set(b);
  const shared = a.filter((stem) => other.has(stem)).length;
  return shared / (a.length + b.length - shared) >= SAME_QUESTION;
}

/**
 * Groups items by the wording of their question: equal keys first, then each group joins the first larger group
 * whose key is similar. Deterministic: bigger groups claim first, ties by key.
 */
export function groupByWording<T extends { question: string }>(items: readonly T[]): T[][] {
  const exact = new Map<string, { key: string[]; items: T[] }>();
  for (const item of items) {
    const key = wordingKey(item.question);
    const id = key.join(' ');
    const group = exact.get(id);
    if (group) group.items.push(item);
    else exact.set(id, { key, items: [item] });
  }
  const ordered = [...exact.entries()].sort(([a, x], [b, y]) => y.items.length - x.items.length || (a < b ? -1 : a > b ? 1 : 0));
  const clusters: { key: string[]; items: T[] }[] = [];
  for (const [, group] of ordered) {
    const home = clusters.find((cluster) => similarWording(cluster.key, group.key));
    if (home) home.items.push(...group.items);
    else clusters.push({ key: group.key, items: [...group.items] });
  }
  return clusters.map((cluster) => cluster.items);
}
