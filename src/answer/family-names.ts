import type { SearchIndex } from '../search/index.js';

/**
 * A name of a numbered family, as teams number severities, percentiles, quarters, tiers and versions: "sev3", "p99",
 * "q2", "v2". Such a name picks one member out of its family: the update rhythm of SEV1 and SEV2 does not answer
 * "how often … during a sev3". A name the notes number no other way ("ec2", "k8s", "s3") names a platform, which an
 * answer about it need not repeat, and is not one.
 */
const NUMBERED = /(?<![\p{L}\d-])([a-z]+)-?(\d{1,3})(?![\p{L}\d-])/gu;

/** The names of numbered families a question names (lower-cased, each once), where the notes hold another member. */
export function familyNamesIn(question: string, index: SearchIndex): string[] {
  const names = new Set<string>();
  for (const [, letters = '', digits = ''] of question.toLowerCase().matchAll(NUMBERED)) {
    if (hasSibling(index, letters, digits)) names.add(`${letters}${digits}`);
  }
  return [...names];
}

/** Whether the notes hold the same letters with another number of as many digits: "sev1" beside "sev3". */
function hasSibling(index: SearchIndex, letters: string, digits: string): boolean {
  const from = digits.length === 1 ? 0 : 10 ** (digits.length - 1);
  for (let n = from; n < 10 ** digits.length; n++) {
    const other = String(n);
    if (other !== digits && index.heldTermId(`${letters}${other}`) !== -1) return true;
  }
  return false;
}

/** Whether a text names it, however its parts are set apart ("SEV3", "sev 3", "Sev-3"), and not inside a longer name ("sev30"). */
export function namesFamilyName(text: string, name: string): boolean {
  const [, letters = '', digits = ''] = /^([a-z]+)(\d+)$/.exec(name) ?? [];
  return new RegExp(String.raw`(?<![\p{L}\d])${letters}[\s_-]?${digits}(?![\d])`, 'iu').test(text);
}
