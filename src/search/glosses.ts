import type { Chunk } from '../types.js';
import { contentStems } from './analyze.js';
import { saysLongForm } from './answer-cues.js';
import { MEANING_WORDS } from './phrasing.js';
import { wordAsMeant, type AnalyzedQuery } from './query-terms.js';
import { firstCellOf, tablesIn } from './table-records.js';

/**
 * The longest head a gloss line is taken to have, in words other than stop words: the name and at most three more
 * ("AWS Fargate", "Elastic Container Service (ECS)"). A longer head is a sentence that holds the name and ends in a
 * colon ("Write a handover note in #mlp-oncall: …").
 */
const MAX_NAME_WORDS = 5;
const MAX_WORDS_BESIDE_NAME = 3;
/** A line's list marker, heading marks or quote mark, before the words it opens with. */
const LINE_MARKER = /^\s*(?:[-*+]\s+|\d+[.)]\s+|#{1,6}\s+|>\s*)?/;
/** What parts a name from its gloss: a dash, a colon, or "is"/"are" ("Fargate - serverless …", "SLO: …"). */
const GLOSS_SEPARATOR = /\s[-–—]\s|:\s|\s(?:is|are)\s/;

/**
 * The name a question of meaning asks about, as stems: "what is fargate" → fargat. Undefined when the question
 * has more words than a name would (the cue is for "what is X?", not for any question that opens with "what is"),
 * or a word the notes lack.
 */
export function glossedName(query: AnalyzedQuery): string[] | undefined {
  const own = query.groups.filter((group) => !group.context && !MEANING_WORDS.has(wordAsMeant(group)));
  if (own.length === 0 || own.length > 3) return undefined;
  const stems: string[] = [];
  for (const group of own) {
    const term = group.terms[0];
    if (!term || term.expansion) return undefined;
    stems.push(term.stem);
  }
  return stems;
}

/**
 * Whether a line of the chunk glosses the name, as notes and glossaries write a definition: the name, then a dash,
 * a colon or "is", then what it is ("- AWS Fargate - serverless compute engine for containers", "**SLO**: …"), or a
 * table row whose first cell is the name. A line that only mentions the name ("We can use ECS with: … Fargate")
 * does not.
 */
export function glossesName(chunk: Chunk, name: readonly string[]): boolean {
  for (const line of chunk.text.split('\n')) {
    const cell = firstCellOf(line);
    if (cell !== undefined) {
      if (isTheName(cell, name)) return true;
      continue;
    }
    const head = headOf(line);
    if (head === undefined || head.includes('`')) continue;
    const stems = contentStems(head);
    if (stems.length <= Math.min(MAX_NAME_WORDS, name.length + MAX_WORDS_BESIDE_NAME) && name.every((stem) => stems.includes(stem))) return true;
  }
  return false;
}

/** Stems of the header cells that say a table's rows give what their keys are ("Level | Definition | …"). */
const DEFINING_COLUMNS: ReadonlySet<string> = new Set(['definition', 'meaning', 'description', 'explanation'].map((word) => contentStems(word)[0] as string));

/**
 * Whether a table of the chunk keys a row by the name and has a column that says what each key is ("| SEV2 | Major
 * degradation of a Tier 1 service … |" under "Level | Definition"): the row is the name's definition, as
 * much as a glossary's line is, though the table around it, one long chunk, ranks below a short line keyed by the
 * same name that says one thing more about it ("**SEV2:** status page update only if …").
 */
export function rowDefinesName(chunk: Chunk, name: readonly string[]): boolean {
  if (!chunk.text.includes('|')) return false;
  const lines = chunk.text.split('\n');
  for (const table of tablesIn(lines)) {
    if (!contentStems(lines[table.header] ?? '').some((stem) => DEFINING_COLUMNS.has(stem))) continue;
    for (let row = table.header + 2; row <= table.last; row++) {
      const cell = firstCellOf(lines[row] ?? '');
      if (cell !== undefined && isTheName(cell, name)) return true;
    }
  }
  return false;
}

/** Whether a table row's first cell is the name itself: a cell such as `BEACON_PORT` names something else. */
function isTheName(cell: string, name: readonly string[]): boolean {
  const stems = contentStems(cell);
  return stems.length === name.length && name.every((stem) => stems.includes(stem));
}

/** The words a line opens with before its gloss, bold and italics removed; undefined for a line with no gloss. */
function headOf(line: string): string | undefined {
  const text = line.replace(/\*\*|__/g, '').replace(LINE_MARKER, '');
  const separator = GLOSS_SEPARATOR.exec(text);
  if (!separator || separator.index === 0) return undefined;
  const gloss = text.slice(separator.index + separator[0].length);
  return /\p{L}{2,}.*\s.*\p{L}{2,}/u.test(gloss) ? text.slice(0, separator.index) : undefined;
}

/**
 * Whether a line of the chunk holds the name and says what it stands for ("NATS stands for Neural Autonomic
 * Transport System", "the NATS acronym"): for a question of what a short form stands for, that is its definition,
 * where "NATS is a client/server system" glosses the name without saying it.
 */
export function saysWhatNameStandsFor(chunk: Chunk, name: readonly string[]): boolean {
  return chunk.text.split('\n').some((line) => {
    if (!saysLongForm(line)) return false;
    const stems = contentStems(line);
    return name.every((stem) => stems.includes(stem));
  });
}
