import type { Chunk } from '../types.js';
import { tokenize } from './analyze.js';
import { isPhrasedAsQuestion } from './answer-cues.js';
import { fileWords } from './file-analysis.js';
import type { QueryGroup } from './query-terms.js';

/**
 * Words that ask for a link ("what's the grafana url", "link to the payments dashboard"). The answer is a web
 * address, which seldom says "url": the words ask for the form of the answer, as "stand for" does for a long form.
 */
export const LINK_WORDS: ReadonlySet<string> = new Set(['url', 'urls', 'link', 'links']);

const LINK_WORD_SOURCE = `(?:${[...LINK_WORDS].join('|')})`;
const LINK_WORD = new RegExp(`\\b${LINK_WORD_SOURCE}\\b`, 'i');
/**
 * "what's the grafana …", "where is the runbook …", "which …": the opening of a question of the thing asked for, up
 * to four words before the word that names its form (a link, a phone number).
 */
export const ASKING_OF = String.raw`(?:what|whats|which|where)(?:'s|\s+is|\s+are)?\s+(?:[\p{L}\d'-]+\s+){0,4}?`;
/** "what's the grafana url", "where is the runbook link?", "which url do I use": a question that asks for the link. */
const ASKS_FOR_LINK = new RegExp(`\\b${ASKING_OF}${LINK_WORD_SOURCE}\\b`, 'iu');

/**
 * Someone telling what happened or what they did to a thing of a form (`form`, a pattern's source): a subject
 * before the word that names it, and no wish for one ("i need the grafana url"). `subjects` are more subjects than
 * the pronouns.
 */
export function tellingOf(form: string, subjects: readonly string[] = []): RegExp {
  const who = ['i', 'we', 'someone', 'somebody', 'they', 'he', 'she', ...subjects].join('|');
  return new RegExp(String.raw`\b(?:${who})\s+(?!(?:need|want|am\s+looking|looking)\b)[^.?!]*?${form}`, 'i');
}

/** "i clicked a link in a phishing email", "someone sent me a link": telling of a link, not asking for one. */
const TELLS_OF_LINK = tellingOf(`\\b${LINK_WORD_SOURCE}\\b`);

/**
 * Whether the question asks for a link: typed as keywords ("jira url", "link to the payments dashboard"), or
 * asked with "what", "which" or "where" of the link itself. A question about links ("Why does my URL rewrite
 * fail?", "how do I link my account") does not, nor a message that tells of one ("i clicked a link in a phishing
 * email, what now").
 */
export function asksForLink(question: string): boolean {
  if (!LINK_WORD.test(question)) return false;
  return isPhrasedAsQuestion(question) ? ASKS_FOR_LINK.test(question) : !TELLS_OF_LINK.test(question);
}

/** A web address with its scheme, or a host name of three labels or more ("grafana.internal.example.io"). */
const WEB_ADDRESS = /(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*:\/\/[^\s<>()`'"]+|(?<![\w.@/-])[a-z0-9-]+(?:\.[a-z0-9-]+)+\.[a-z]{2,}(?![\w.(-])/i;

/** Whether a text holds a web address or host name. */
export function holdsWebAddress(text: string): boolean {
  return WEB_ADDRESS.test(text);
}

/** A Markdown link, to a page out of the notes or to another note ("[deploy runbook](runbooks/deploy.md)"), or a wiki link. */
const MARKDOWN_LINK = /\[[^\]\n]*\]\([^)\s]+(?:\s+"[^"]*")?\)|\[\[[^\]\n]+\]\]/;

/** Whether a text gives a link: a web address, a host name, or a Markdown link to any page. */
export function holdsLink(text: string): boolean {
  return holdsWebAddress(text) || MARKDOWN_LINK.test(text);
}

/** A line that is a Markdown link or a web address and nothing more, as a list item or on its own. */
const LINK_LINE = /^\s*(?:[-*+]|\d+[.)])?\s*(?:\[[^\]]*\]\([^)\s]*(?:\s+"[^"]*")?\)|<?[a-z][a-z0-9+.-]*:\/\/[^\s<>]+>?)\s*[.:]?\s*$/i;

/** Whether lines hold links and nothing else: a pointer to another page, which answers only a question for the link. */
export function onlyLinks(lines: readonly string[]): boolean {
  let links = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    if (!LINK_LINE.test(line)) return false;
    links++;
  }
  return links > 0;
}

/**
 * Whether a chunk's note and headings name every word asked but the link words ("link to the deploy runbook" of a
 * note titled "Deploy runbook"): that note is the page asked for, and its citation is the link.
 */
export function isPageAsked(asked: readonly QueryGroup[], chunk: Chunk): boolean {
  const named = new Set(tokenize([fileWords(chunk.file), ...chunk.section].join('\n')).map((token) => token.stem));
  return asked.every((group) => LINK_WORDS.has(group.word.toLowerCase()) || group.terms.some((term) => named.has(term.stem)));
}
