/** An ordered list's or a heading's numbering at the start of a line: "1. How to create a PR", "- 2) Restart", "### 3. Team travel". */
const LIST_NUMBER = /^(\s*(?:[-*+]\s+|#{1,6}\s+)?)\d{1,3}[.)](?=\s)/gm;

/** The text with its list numbering left out: a numbered step's number is its place in a list, not a figure it states. */
export function withoutListNumbers(text: string): string {
  return text.replace(LIST_NUMBER, '$1');
}
