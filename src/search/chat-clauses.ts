import type { Token } from './analyze.js';
import { ASKING_WORD } from './answer-cues.js';
import { englishOneSlipFrom, isEnglishWord } from './english-words.js';
import { isLikelySlip } from './slips.js';
import type { QueryGroup } from './query-terms.js';

/** Whether a word is a likely slip of a word of general English ("qucik"): in a hurry, chat is typed too. */
function isEnglishSlip(word: string): boolean {
  if (word.length < 4) return false;
  for (const english of englishOneSlipFrom(word)) if (isLikelySlip(word, english)) return true;
  return false;
}

/** Where a question's clauses part: a comma, semicolon, colon or sentence end, or a dash standing between spaces. */
const CLAUSE_BREAK = /[,;:.!?]\s|\s[-–—]\s/g;

/**
 * Drops the words of a clause that holds no word the notes use, only words of general English, and no word that asks
 * ("sorry for the dumb question, but what's the tag format?"): chat around the question, not its topic. Where every
 * clause is of that kind, nothing is dropped.
 */
export function dropChatClauses(text: string, tokens: readonly Token[], groups: QueryGroup[], groupOf: ReadonlyMap<Token, QueryGroup>): void {
  // One clause is the question's own.
  if (text.search(CLAUSE_BREAK) === -1) return;
  const breaks = [...text.matchAll(CLAUSE_BREAK)].map((match) => match.index);
  const clauses = new Map<number, QueryGroup[]>();
  const asking = new Set<number>();
  // Tokens come in the order written: each clause starts where the one before ended.
  let clause = 0;
  for (const token of tokens) {
    while (clause < breaks.length && (breaks[clause] ?? 0) < token.offset) clause++;
    // A word that asks: its clause is the question's own, whatever the notes know of its words.
    if (ASKING_WORD.test(token.surface)) asking.add(clause);
    const group = groupOf.get(token);
    if (!group || !groups.includes(group)) continue;
    const own = clauses.get(clause);
    if (own) own.push(group);
    else clauses.set(clause, [group]);
  }
  const chat = [...clauses].filter(([clause, own]) => !asking.has(clause) && own.every((group) => group.terms.length === 0 && (isEnglishWord(group.word) || isEnglishSlip(group.word)))).map(([, own]) => own);
  if (chat.length === 0 || chat.length === clauses.size) return;
  for (const own of chat) for (const group of own) groups.splice(groups.indexOf(group), 1);
}
