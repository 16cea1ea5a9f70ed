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

export function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** What `\s` matches below 128: tab, line feed, vertical tab, form feed, carriage return and space. */
export function isAsciiSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

/**
 * Past this length a text is searched faster by the expression engine, which reads the characters where they lie,
 * than by `charCodeAt`: a note's text, read for dates as it is indexed, three to six times faster. A question's words
 * stay below it, where the codes are quicker from cold.
 */
const LONG_TEXT = 64;
const DIGIT = /\d/;

/** Whether a text holds a digit 0–9: what `/\d/` (without the `u` flag) finds, in any text. */
export function hasDigit(text: string): boolean {
  return text.length > LONG_TEXT ? DIGIT.test(text) : holdsCodeBetween(text, 48, 57);
}

/** Whether a text holds a letter a–z: what `/[a-z]/` finds. */
export function hasAsciiLower(text: string): boolean {
  return holdsCodeBetween(text, 97, 122);
}

/** Whether a text holds a letter A–Z: what `/[A-Z]/` finds. */
export function hasAsciiUpper(text: string): boolean {
  return holdsCodeBetween(text, 65, 90);
}

function holdsCodeBetween(text: string, low: number, high: number): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= low && code <= high) return true;
  }
  return false;
}

/** Whether a word is letters a–z only, and not empty: what `/^[a-z]+$/` matches. */
export function isLowerAsciiWord(word: string): boolean {
  if (word.length === 0) return false;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 97 || code > 122) return false;
  }
  return true;
}
