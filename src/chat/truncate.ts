/** Cutting rendered text to a platform's length limits; the same rules for every dialect. */

const ELLIPSIS = '…';
/** A fence opener or closer: three or more backticks or tildes (CommonMark). */
const FENCE = /^\s*(`{3,}|~{3,})/;

/**
 * Cuts text to at most `max` characters at a line boundary, ending with a "…" line. A code fence left open by the cut
 * is closed with its own kind (``` or ~~~, as long as the opener), so the rest of the message keeps its formatting.
 * A first line longer than `max` is itself cut with {@link cutText}.
 */
export function cutAtLine(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, max));
  const lines = text.split('\n');
  const kept: string[] = [];
  let length = 0;
  let open: string | undefined;
  for (const line of lines) {
    const after = fenceAfter(line, open);
    const added = (kept.length > 0 ? 1 : 0) + line.length;
    const closing = after === undefined ? 0 : after.length + 1;
    if (length + added + closing + ELLIPSIS.length + 1 > max) break;
    kept.push(line);
    length += added;
    open = after;
  }
  while (kept.length > 0 && kept.at(-1)?.trim() === '') kept.pop();
  if (kept.length === 0) return cutText(lines[0] ?? '', max);
  // Blank lines dropped at the end may have closed nothing; count the fences again on what is kept.
  const stillOpen = kept.reduce<string | undefined>((state, line) => fenceAfter(line, state), undefined);
  return `${kept.join('\n')}${stillOpen === undefined ? '' : `\n${stillOpen}`}\n${ELLIPSIS}`;
}

/**
 * Cuts one piece of text to at most `max` characters, ending with "…", preferably at a space. Never splits a
 * surrogate pair, a `<link|label>`, an `&amp;` entity, or leaves a dangling escape backslash.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, max));
  let cut = text.slice(0, max - ELLIPSIS.length);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const openLink = cut.lastIndexOf('<');
  if (openLink > cut.lastIndexOf('>')) cut = cut.slice(0, openLink);
  const amp = cut.lastIndexOf('&');
  if (amp >= 0 && /^&[#a-z0-9]*$/i.test(cut.slice(amp))) cut = cut.slice(0, amp);
  const space = cut.lastIndexOf(' ');
  if (space > cut.length * 0.5) cut = cut.slice(0, space);
  return `${cut.replace(/\\+$/, '').trimEnd()}${ELLIPSIS}`;
}

/**
 * Lines within `max` characters, with `head` and `tail` kept whole (each cut beforehand) and `body` between them cut
 * at a line ({@link cutAtLine}) to the room they leave; an empty piece takes no line.
 */
export function cutBetween(head: string, body: string, tail: string, max: number): string {
  const room = max - head.length - tail.length - 2;
  const pieces = [head, body === '' ? '' : cutAtLine(body, room), tail].filter((piece) => piece !== '');
  return cutAtLine(pieces.join('\n'), max);
}

/** The fence open after `line` (its opener's run, e.g. "~~~~"), given the one open before it. */
function fenceAfter(line: string, open: string | undefined): string | undefined {
  const run = FENCE.exec(line)?.[1];
  if (run === undefined) return open;
  if (open === undefined) return run;
  // Only the same character, at least as long, closes a fence; anything else is code inside it.
  return run[0] === open[0] && run.length >= open.length && line.trim() === run ? undefined : open;
}
