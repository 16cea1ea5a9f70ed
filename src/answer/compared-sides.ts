import { tokenize } from '../search/analyze.js';

/**
 * The words of a comparison's sides, as the question writes them (lower-cased, stop words left out). Beside "vs" or
 * "compared to", a side is the word next to it: in "bridge vs host network mode" the sides are bridge and host, and
 * "network mode" is what both are (as "video" in "ec2 vs fargate video"). A side that "difference between … and"
 * bounds is read whole, up to `BOUNDED_SIDE_WORDS` words ("the ECS task role and …": ecs, task, role). A comparison
 * asks of both sides; notes that never name one cannot answer it.
 */
export function comparedWords(question: string): string[] {
  const text = question.toLowerCase();
  const words: string[] = [];
  for (const match of text.matchAll(VERSUS)) {
    words.push(...sideBefore(text, match.index), ...sideAfter(text, match.index + match[0].length));
  }
  for (const match of text.matchAll(BETWEEN)) {
    const from = match.index + match[0].length;
    const and = text.slice(from, from + SIDE_REACH).search(/\band\b/);
    if (and < 0) continue;
    words.push(...contentRun(text.slice(from, from + and), 'last', BOUNDED_SIDE_WORDS), ...sideAfter(text, from + and + 3));
  }
  for (const match of text.matchAll(COMPARED)) words.push(...sideAfter(text, match.index + match[0].length));
  return [...new Set(words)].filter((word) => !COMPARISON_WORDS.has(word));
}

const VERSUS = /\b(?:vs\.?|versus)(?=\s)/g;
const BETWEEN = /\bdiff(?:erences?)?\s+between\b/g;
const COMPARED = /\bcompared\s+(?:to|with)\b/g;
/** The most words read of a side that "between … and" bounds. */
const BOUNDED_SIDE_WORDS = 3;
/** Words that ask for the comparison itself, not what is compared. */
const COMPARISON_WORDS: ReadonlySet<string> = new Set(['difference', 'differences', 'diff', 'different', 'differently', 'comparison', 'compare', 'comparing', 'better', 'pros', 'cons', 'tradeoff', 'tradeoffs']);

/**
 * How far from the word that compares a side is read, in characters: a question of many "vs" (2,000 characters of
 * them) reads each side once, not the whole question again for each.
 */
const SIDE_REACH = 200;

function sideBefore(text: string, at: number): string[] {
  const clause = text.slice(Math.max(0, at - SIDE_REACH), at).split(CLAUSE_END).pop() ?? '';
  return contentRun(clause, 'last', 1);
}

function sideAfter(text: string, at: number): string[] {
  const clause = text.slice(at, at + SIDE_REACH).split(CLAUSE_END)[0] ?? '';
  return contentRun(clause, 'first', 1);
}

const CLAUSE_END = /[,;:?!()]/;

/**
 * A side's words: the first (or last) run of words that are not stop words, at most `most` of them, nearest the word
 * that compares ("the ECS task role" read last, at most 3: ecs, task, role; "host network mode in ecs" read first, at
 * most 1: host).
 */
function contentRun(side: string, which: 'first' | 'last', most: number): string[] {
  const tokens = tokenize(side);
  if (which === 'last') tokens.reverse();
  const words: string[] = [];
  for (const token of tokens) {
    if (token.stop) {
      if (words.length > 0) break;
      continue;
    }
    words.push(token.surface);
    if (words.length === most) break;
  }
  return which === 'last' ? words.reverse() : words;
}
