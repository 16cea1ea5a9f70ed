/**
 * Typo variants and the needs_context flag of the FAQ dev set builders. Same rules for every docset.
 */
import { seeded, type Random } from '../random.js';

const STOP = new Set(
  ('a an the and or but if of to in on at by for from with without into onto about as is are was were be been being am do does did done ' +
    'have has had having can could should would will shall may might must not no yes i me my we our us you your it its this that these those ' +
    'there their them they he she his her what whats how why when where which who whom whose than then so such some any all each every ' +
    'other more most much many very just also only too up out over under again any use used using get got make made way need want one two').split(' '),
);

const KEY_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
function neighbours(c: string): string[] {
  const lower = c.toLowerCase();
  for (let r = 0; r < KEY_ROWS.length; r++) {
    const row = KEY_ROWS[r] ?? '';
    const col = row.indexOf(lower);
    if (col < 0) continue;
    const near: string[] = [];
    for (const [dr, dc] of [[0, -1], [0, 1], [-1, 0], [-1, 1], [1, -1], [1, 0]] as const) {
      const k = KEY_ROWS[r + dr]?.[col + dc];
      if (k) near.push(k);
    }
    return near.map((k) => (c === lower ? k : k.toUpperCase()));
  }
  return [];
}

type TypoKind = 'del' | 'dup' | 'swap' | 'sub';

function typoWord(word: string, kind: TypoKind, random: Random): string {
  // Keep the first letter: people rarely get it wrong and it keeps the word recognisable.
  const at = random.int(1, word.length - 1);
  switch (kind) {
    case 'del':
      return word.slice(0, at) + word.slice(at + 1);
    case 'dup':
      return word.slice(0, at + 1) + word.slice(at);
    case 'swap': {
      const i = Math.min(at, word.length - 2);
      return word[i] === word[i + 1] ? word : word.slice(0, i) + (word[i + 1] ?? '') + (word[i] ?? '') + word.slice(i + 2);
    }
    case 'sub': {
      const near = neighbours(word[at] ?? '');
      return near.length === 0 ? word : word.slice(0, at) + random.pick(near) + word.slice(at + 1);
    }
  }
}

interface Token {
  word: string;
  start: number;
}

/** Plain alphabetic words of 4+ letters that are not part of code, paths, contractions or identifiers. */
function typoCandidates(question: string): Token[] {
  const found: Token[] = [];
  for (const m of question.matchAll(/[A-Za-z]+/g)) {
    const start = m.index ?? 0;
    const word = m[0];
    const before = question[start - 1] ?? ' ';
    const after = question[start + word.length] ?? ' ';
    if (word.length < 4 || new Set(word.toLowerCase()).size < 3 || /[\w'’./\\:@=-]/.test(before) || /[\w'’/\\@=_(-]/.test(after) || (after === '.' && /\w/.test(question[start + word.length + 1] ?? ''))) continue;
    found.push({ word, start });
  }
  return found;
}

export function makeTypo(question: string, seed: number): { text: string; ops: string[] } {
  const random = seeded(seed);
  const candidates = typoCandidates(question);
  const content = candidates.filter((t) => !STOP.has(t.word.toLowerCase()));
  // Never the only content word when another 4+ letter word can take the typo instead.
  let pool = content.length === 1 && candidates.length > 1 ? candidates.filter((t) => t !== content[0]) : content.length > 0 ? content : candidates;
  const wanted = pool.length >= 2 && random.chance(0.45) ? 2 : 1;
  const ops: string[] = [];
  const edits: { start: number; from: string; to: string }[] = [];
  const kinds: TypoKind[] = ['del', 'dup', 'swap', 'sub'];
  for (let attempt = 0; edits.length < wanted && pool.length > 0 && attempt < 20; attempt++) {
    const token = random.pick(pool);
    const kind = random.pick(kinds);
    const to = typoWord(token.word, kind, random);
    if (to === token.word || to.toLowerCase() === token.word.toLowerCase()) continue;
    edits.push({ start: token.start, from: token.word, to });
    ops.push(`${kind}:${token.word}->${to}`);
    pool = pool.filter((t) => t !== token);
  }
  let text = question;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.to + text.slice(e.start + e.from.length);
  const order = new Map(edits.map((e, i) => [e.start, i]));
  const sortedOps = [...edits].sort((a, b) => a.start - b.start).map((e) => ops[order.get(e.start) ?? 0] ?? '');
  return { text, ops: sortedOps };
}

// ---------------------------------------------------------------------------------------------------
// needs_context: a question that names nothing ("How do I do that?"), leans on a pronoun for its subject
// ("Does it work on Windows?") or carries on from the one before ("What about …?", "But …?") only makes
// sense beside its page title.

const ELLIPTICAL = /^(?:(?:does|do|is|are|can|will|would|should|could)\s+(?:it|this|that|they|these|those)\b|(?:what|how)\s+about\b|(?:but|and|so)\b)/i;

export function needsContext(question: string): boolean {
  const words = (question.toLowerCase().match(/[a-z][a-z0-9]*/g) ?? []).filter((w) => w.length >= 3 && !STOP.has(w));
  return words.length === 0 || ELLIPTICAL.test(question);
}
