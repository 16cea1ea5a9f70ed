/** Longest question analysed; longer text is cut (a pasted log should not stall the bot). */
export const MAX_QUESTION_CHARS = 2000;

/**
 * A question as it will be searched and echoed: control characters and null bytes removed,
 * white space collapsed, length capped. Never throws, whatever it is given.
 */
export function cleanQuestion(input: unknown): string {
  if (typeof input !== 'string') return '';
  if (input.length <= MAX_QUESTION_CHARS && isClean(input)) return input;
  // Keep letters of every script (RTL included) and emoji; drop C0/C1 controls and bidi overrides.
  const cleaned = input
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned.length <= MAX_QUESTION_CHARS ? cleaned : `${cleaned.slice(0, MAX_QUESTION_CHARS).trimEnd()}…`;
}

/**
 * Whether the cleaning above would leave the text as it is: printable ASCII with single spaces between words and
 * none at either end, as most questions are. A loop over the text costs about half of what the two replacements
 * do when, as between questions, neither is in the processor's caches.
 */
function isClean(text: string): boolean {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const code = text.charCodeAt(i);
    if (code === 32) {
      if (i === 0 || i === last || text.charCodeAt(i + 1) === 32) return false;
    } else if (code < 33 || code > 126) {
      return false;
    }
  }
  return true;
}
