/** Longest question analysed; longer text is cut (a pasted log should not stall the bot). */
export const MAX_QUESTION_CHARS = 2000;

/**
 * A question as it will be searched and echoed: control characters and null bytes removed,
 * white space collapsed, length capped. Never throws, whatever it is given.
 */
export function cleanQuestion(input: unknown): string {
  if (typeof input !== 'string') return '';
  // Keep letters of every script (RTL included) and emoji; drop C0/C1 controls and bidi overrides.
  const cleaned = input
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned.length <= MAX_QUESTION_CHARS ? cleaned : `${cleaned.slice(0, MAX_QUESTION_CHARS).trimEnd()}…`;
}
