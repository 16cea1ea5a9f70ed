import { tokenize } from './analyze.js';
import { isEnglishWord } from './english-words.js';

/** An abbreviation and the words it stands for, both as stems. */
export interface Abbreviation {
  short: string;
  long: string[];
  /** Read off a camel-case name's capitals (`BigQuery` → bq), not defined in words. */
  fromName?: true;
}

/** Common abbreviations of engineering notes, both ways. Notes add their own by defining them. */
export const BUILT_IN_ABBREVIATIONS: readonly (readonly [string, string])[] = [
  ['k8s', 'kubernetes'],
  ['db', 'database'],
  ['repo', 'repository'],
  ['config', 'configuration'],
  ['env', 'environment'],
  ['auth', 'authentication'],
  ['prod', 'production'],
  ['docs', 'documentation'],
  ['vm', 'virtual machine'],
  ['os', 'operating system'],
  ['ha', 'high availability'],
  ['az', 'availability zone'],
  ['cert', 'certificate'],
  ['certs', 'certificates'],
  ['ci', 'continuous integration'],
  ['pr', 'pull request'],
  ['dns', 'domain name system'],
  ['iam', 'identity access management'],
  ['app', 'application'],
  ['apps', 'applications'],
  ['info', 'information'],
  ['admin', 'administrator'],
  ['dir', 'directory'],
  ['lib', 'library'],
  ['pkg', 'package'],
  ['deps', 'dependencies'],
  ['svc', 'service'],
  // Days of the week as standup and meeting notes head their lines ("Mon: Ana on PTO"); not "sat" or "sun", which
  // are words of their own.
  ['mon', 'monday'],
  ['tue', 'tuesday'],
  ['tues', 'tuesday'],
  ['wed', 'wednesday'],
  ['thu', 'thursday'],
  ['thurs', 'thursday'],
  ['fri', 'friday'],
];

const PARENTHESISED_SHORT = /\(\s*([A-Za-z][A-Za-z0-9]{1,9})\s*\)/g;
const SHORT_THEN_LONG = /\b([A-Z][A-Za-z0-9]{1,9})\s*\(\s*([^()\n]{3,80}?)\s*\)/g;
/** A glossary entry at the start of a line: "**PIR**: post-incident review", "- SLO — service level objective". */
const GLOSSARY_ENTRY = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?([A-Z][A-Za-z0-9]{1,9})(?:\*\*|__)?[ \t]*(?::|=|—|–|[ \t]-)[ \t]*(?:\*\*|__)?([^\n]{3,120})/gm;
/** A name written in camel case, each part a capital and small letters: `BigQuery`, `PagerDuty`, `GitHub`. */
const CAMEL_CASE_NAME = /(?<![\p{L}\d_])(?:[A-Z][a-z]+){2,4}(?![\p{L}\d_])/gu;
const MINOR = new Set(['of', 'for', 'and', 'the', 'a', 'an', 'to', 'in', 'on', 'with', '&']);

/**
 * Finds "Elastic Container Service (ECS)", "ECS (Elastic Container Service)" and glossary entries
 * ("**ECS**: Elastic Container Service, the …") in a note, and the short forms of its camel-case names (`BigQuery`
 * → bq).
 */
export function findAbbreviations(text: string): Abbreviation[] {
  const found: Abbreviation[] = [];
  for (const match of text.matchAll(PARENTHESISED_SHORT)) {
    const short = match[1] ?? '';
    if (!isAcronym(short)) continue;
    const before = text.slice(Math.max(0, match.index - 100), match.index);
    const words = (/[\p{L}\p{N}\s-]*$/u.exec(before)?.[0] ?? '').split(/[\s-]+/).filter(Boolean);
    const expansion = expansionFor(short, words, true);
    if (expansion) found.push(toAbbreviation(short, expansion));
  }
  for (const match of text.matchAll(SHORT_THEN_LONG)) {
    const short = match[1] ?? '';
    if (!isAcronym(short)) continue;
    const words = (match[2] ?? '').split(/[\s-]+/).filter(Boolean);
    const expansion = expansionFor(short, words, false);
    if (expansion) found.push(toAbbreviation(short, expansion));
  }
  for (const match of text.matchAll(GLOSSARY_ENTRY)) {
    const short = match[1] ?? '';
    if (!isAcronym(short)) continue;
    // The definition runs on after the expansion ("post-incident review. Written within …"): its words up to
    // the first stop of punctuation must begin with the expansion.
    const words = (/^[\p{L}\p{N}\s-]*/u.exec(match[2] ?? '')?.[0] ?? '').split(/[\s-]+/).filter(Boolean);
    const expansion = expansionFor(short, words, false, true);
    if (expansion) found.push(toAbbreviation(short, expansion));
  }
  // A camel-case name is written short by its capitals, as its users write it in a hurry: `bq` for BigQuery, `pdb`
  // for PodDisruptionBudget.
  const names = new Set<string>();
  for (const match of text.matchAll(CAMEL_CASE_NAME)) names.add(match[0]);
  for (const name of names) {
    const short = name.replace(/[^A-Z]/g, '');
    // "ProxyObjectDefinition" is not what a question's "pod" means.
    if (!isEnglishWord(short.toLowerCase())) found.push({ ...toAbbreviation(short, [name]), fromName: true });
  }
  return found;
}

export function builtInAbbreviations(): Abbreviation[] {
  return BUILT_IN_ABBREVIATIONS.map(([short, long]) => toAbbreviation(short, long.split(' ')));
}

function isAcronym(word: string): boolean {
  const capitals = word.replace(/[^A-Z]/g, '').length;
  return capitals >= 2 && capitals >= word.length - 2;
}

/**
 * The words, taken from the end (long form first) or the start, whose initials spell the abbreviation. Taken
 * from the start, they must be all the words, unless `leading` allows more words after them.
 */
function expansionFor(short: string, words: string[], fromEnd: boolean, leading = false): string[] | undefined {
  const asWritten = initialsSpell(short, words, fromEnd, leading);
  if (asWritten) return asWritten;
  // "NLDC — NodeLocal DNSCache": a camel-case word is as many words as it has parts.
  const parts = words.flatMap((word) => word.split(CAMEL_CASE_PART));
  return parts.length > words.length ? initialsSpell(short, parts, fromEnd, leading) : undefined;
}

/** Where a camel-case word's parts meet: "Node|Local", "DNS|Cache", "Pod|Disruption|Budget". */
const CAMEL_CASE_PART = /(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/;

function initialsSpell(short: string, words: string[], fromEnd: boolean, leading: boolean): string[] | undefined {
  const letters = short.toLowerCase().replace(/[^a-z]/g, '');
  for (const skipMinor of [true, false]) {
    const candidates = skipMinor ? words.filter((w) => !MINOR.has(w.toLowerCase())) : words;
    const take = fromEnd ? candidates.slice(-letters.length) : candidates.slice(0, letters.length);
    if (take.length !== letters.length) continue;
    const initials = take.map((w) => w[0]?.toLowerCase()).join('');
    if (initials === letters && (fromEnd || leading || take.length === candidates.length)) return take;
  }
  return undefined;
}

function toAbbreviation(short: string, long: string[]): Abbreviation {
  return {
    short: tokenize(short)[0]?.stem ?? short.toLowerCase(),
    long: tokenize(long.join(' ')).filter((t) => !t.stop).map((t) => t.stem),
  };
}

/**
 * The abbreviations, less the short forms read off camel-case names that more than one name gives, or that only one
 * note names: in code-heavy documentation "ca" is the capitals of `ClientAuth`, `CreatedAt` and twenty more, and
 * means none of them; and an identifier one page mentions (`ManagementClusterMode`) is no name people shorten (a
 * question's "MCM" meant another). Each note gives a name once.
 */
export function withoutAmbiguousNames(abbreviations: readonly Abbreviation[]): Abbreviation[] {
  const names = new Map<string, Map<string, number>>();
  for (const { short, long, fromName } of abbreviations) {
    if (!fromName) continue;
    const notesByLong = names.get(short) ?? new Map<string, number>();
    const key = long.join(' ');
    notesByLong.set(key, (notesByLong.get(key) ?? 0) + 1);
    names.set(short, notesByLong);
  }
  const kept = (short: string) => {
    const notesByLong = names.get(short);
    return notesByLong?.size === 1 && [...notesByLong.values()][0]! >= MIN_NOTES_NAMING;
  };
  return abbreviations.filter(({ short, fromName }) => !fromName || kept(short));
}

const MIN_NOTES_NAMING = 2;
