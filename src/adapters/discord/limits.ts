/** Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const LIMITS = Object.freeze({
  content: 2000,
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footer: 2048,
  /** Sum of title, description, field names and values, footer text and author name over all embeds. */
  embedTotal: 6000,
  choiceName: 100,
  customId: 100,
});

const ELLIPSIS = '…';
const FENCE = /^\s*(```|~~~)/;

/**
 * Shortens Markdown to at most `max` characters, cutting at a line boundary and ending with "…".
 * A code block left open by the cut is closed, so the rest of the message is not swallowed by it.
 * A first line longer than `max` is itself cut at a word boundary.
 */
export function cutAtLine(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, max));
  const lines = text.split('\n');
  const kept: string[] = [];
  let length = 0;
  for (const line of lines) {
    const added = kept.length === 0 ? line.length : line.length + 1;
    if (length + added > max) break;
    kept.push(line);
    length += added;
  }
  while (kept.length > 0) {
    const candidate = withSuffix(kept);
    if (candidate.length <= max) return candidate;
    kept.pop();
  }
  return cutText(lines[0] ?? '', max);
}

/** Shortens one line of text to at most `max` characters, at a word boundary when there is one, ending with "…". */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, max));
  const room = text.slice(0, max - ELLIPSIS.length);
  const space = room.lastIndexOf(' ');
  const cut = space > room.length / 2 ? room.slice(0, space) : room;
  // Never end on a lone high surrogate or a dangling escape backslash.
  return `${cut.replace(/[\uD800-\uDBFF]$/, '').replace(/\\$/, '').trimEnd()}${ELLIPSIS}`;
}

function withSuffix(kept: readonly string[]): string {
  const openFence = kept.filter((line) => FENCE.test(line)).length % 2 === 1;
  return `${kept.join('\n')}${openFence ? '\n```' : ''}\n${ELLIPSIS}`;
}
