/**
 * Plain ASCII, the common case of a question: read by character codes or by expressions of ASCII classes, where the
 * expressions over every script's letters (`\p{L}`) are far slower to run from cold, as they are between questions.
 */
export function isPlainAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

export function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** What `\s` matches below 128: tab, line feed, vertical tab, form feed, carriage return and space. */
export function isAsciiSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}
