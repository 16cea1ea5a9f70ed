import { seeded, type Random } from './random.js';

export type QueryKind = 'word' | 'typo' | 'question' | 'no-match';

export interface BenchQuery {
  text: string;
  kind: QueryKind;
}

/** Questions about the bundled notes, so some queries read like real ones. */
const REAL_QUESTIONS = [
  'What is AWS Fargate?',
  'difference between ECS and EKS',
  'how do I join EC2 instances to the cluster',
  'is the EKS control plane free?',
  'Fargate not suitable for stateful apps',
];

const NO_MATCH = ['zqxvbt', 'qwrtzplk vvbnmq', 'how do I frobnicate the xylqorp?', 'jjjkkklll', 'zzxq wvvq kkpt ffgh', 'Where is it?'];

/**
 * About 50 queries over a vocabulary (most frequent word first), interleaved by kind so that any prefix
 * of the list is a mix: single words, misspelt words, multi-word questions and queries nothing matches.
 */
export function makeQueries(words: readonly string[], seed: number): BenchQuery[] {
  const random = seeded(seed);
  // Content words from the head to the middle of the distribution: present at every corpus size.
  const pool = words.slice(150, 4000).filter((word) => word.length >= 5);
  const single = Array.from({ length: 14 }, (_, i) => pool[Math.floor((i * pool.length) / 14)] ?? 'word');
  const typos = Array.from({ length: 10 }, () => misspell(random.pick(pool.filter((word) => word.length >= 6)), random));
  const templates = ['how do I {} the {} {}?', 'what is {} {}', 'why does {} {} fail when {}?', '{} {} {} {}', 'where are the {} for {}'];
  const questions = [
    ...REAL_QUESTIONS,
    ...Array.from({ length: 14 }, (_, i) => (templates[i % templates.length] ?? '{}').replace(/\{\}/g, () => random.pick(pool))),
  ];
  const lists: BenchQuery[][] = [
    single.map((text) => ({ text, kind: 'word' })),
    typos.map((text) => ({ text, kind: 'typo' })),
    questions.map((text) => ({ text, kind: 'question' })),
    NO_MATCH.map((text) => ({ text, kind: 'no-match' })),
  ];
  const mixed: BenchQuery[] = [];
  for (let i = 0; mixed.length < lists.reduce((sum, list) => sum + list.length, 0); i++) {
    for (const list of lists) {
      const query = list[i];
      if (query) mixed.push(query);
    }
  }
  return mixed;
}

/** One realistic slip: swapped neighbours, a doubled letter, a dropped letter or a wrong one. */
function misspell(word: string, random: Random): string {
  const at = random.int(1, word.length - 2);
  switch (random.int(0, 3)) {
    case 0:
      return word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
    case 1:
      return word.slice(0, at) + (word[at] ?? '') + word.slice(at);
    case 2:
      return word.slice(0, at) + word.slice(at + 1);
    default:
      return word.slice(0, at) + random.pick([...'aeioustnr'].filter((c) => c !== word[at])) + word.slice(at + 1);
  }
}

/**
 * Queries none of `seen` asks, drawn as `makeQueries` draws them from further down the vocabulary: for timing a
 * question an engine meets for the first time, with none of its words' work left from an earlier pass.
 */
export function freshQueries(words: readonly string[], seed: number, seen: readonly BenchQuery[], sets = 4): BenchQuery[] {
  const asked = new Set(seen.map((query) => query.text));
  const fresh: BenchQuery[] = [];
  for (let set = 1; set <= sets; set++) {
    for (const query of makeQueries(words.slice(set * 97), seed + set)) {
      if (asked.has(query.text)) continue;
      asked.add(query.text);
      fresh.push(query);
    }
  }
  return fresh;
}
