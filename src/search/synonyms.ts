import { stem } from './analyze.js';

/**
 * Words that engineering notes and the questions about them use for the same thing: someone asks about
 * "benefits" where the note says "Advantage:", or "pricing" where it says "pay only for". Kept to words
 * whose meaning does not depend on the topic.
 */
const GROUPS: readonly string[] = [
  'advantage benefit pro upside',
  'disadvantage downside drawback con limitation',
  'cost price pricing pay billing billed charge charged free',
  'delete remove',
  'start launch',
];

/** Each word's stem → the stems of the other words of its group. */
const BY_STEM: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const group of GROUPS) {
    const stems = [...new Set(group.split(' ').map((word) => stem(word)))];
    for (const own of stems) map.set(own, [...(map.get(own) ?? []), ...stems.filter((other) => other !== own)]);
  }
  return map;
})();

const NONE: readonly string[] = Object.freeze([]);

export function synonymsOf(stemmed: string): readonly string[] {
  return BY_STEM.get(stemmed) ?? NONE;
}
