/**
 * Words that ask for a link ("what's the grafana url", "link to the payments dashboard"). The answer is a web
 * address, which seldom says "url": the words ask for the form of the answer, as "stand for" does for a long form.
 */
export const LINK_WORDS: ReadonlySet<string> = new Set(['url', 'urls', 'link', 'links', 'hostname', 'hostnames']);

/** "url" and "hostname" are nouns; "link" is one after "the", "a", "what's" or before "to"/"for" or at the end, not in "how do I link …". */
const LINK_NOUN = /\b(?:urls?|hostnames?)\b|\b(?:the|a|an|any|what'?s|whats|which|where'?s)\s+(?:[\p{L}\d-]+\s+){0,2}links?\b|\blinks?\s+(?:to|for)\b|\blinks?\s*\??\s*$/iu;

/** Whether the question asks for a link or address. */
export function asksForLink(question: string): boolean {
  return LINK_NOUN.test(question);
}

/** A web address with its scheme, or a host name of three labels or more ("grafana.internal.example.io"). */
export const WEB_ADDRESS = /\b[a-z][a-z0-9+.-]*:\/\/[^\s<>()`'"]+|(?<![\w.@/-])[a-z0-9-]+(?:\.[a-z0-9-]+)+\.[a-z]{2,}(?![\w.(-])/i;

/** Whether a text holds a web address or host name. */
export function holdsWebAddress(text: string): boolean {
  return WEB_ADDRESS.test(text);
}
