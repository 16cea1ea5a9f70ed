/** Slack's documented limits that lore's messages have to fit in. */
export const SLACK_LIMITS = Object.freeze({
  /** `text` of a section block. */
  sectionText: 3000,
  /** `text` of one context block element. */
  contextText: 3000,
  /** Blocks in one message. */
  blocks: 50,
  /** `value` of a button. */
  buttonValue: 2000,
  /** `text` of a button (plain_text). */
  buttonText: 75,
});

const ELLIPSIS = '…';
const FENCE = /^\s*```/;

/**
 * Cuts mrkdwn to at most `max` characters at a line boundary, ending with a "…" line.
 * A code fence left open by the cut is closed, so the rest of the message keeps its formatting.
 */
export function cutAtLine(text: string, max: number): string {
  if (text.length <= max) return text;
  const kept: string[] = [];
  let length = 0;
  let inFence = false;
  for (const line of text.split('\n')) {
    const fenceAfter: boolean = FENCE.test(line) ? !inFence : inFence;
    const added = (kept.length > 0 ? 1 : 0) + line.length;
    const closing = fenceAfter ? '\n```'.length : 0;
    if (length + added + closing + `\n${ELLIPSIS}`.length > max) break;
    kept.push(line);
    length += added;
    inFence = fenceAfter;
  }
  while (kept.length > 0 && kept[kept.length - 1]?.trim() === '') kept.pop();
  if (kept.length === 0) return cutText(text.split('\n')[0] ?? '', max);
  return `${kept.join('\n')}${inFence ? '\n```' : ''}\n${ELLIPSIS}`;
}

/**
 * Cuts one piece of mrkdwn to at most `max` characters, ending with "…", preferably at a space.
 * Never splits a `<link|label>`, an `&amp;` entity or a surrogate pair.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - ELLIPSIS.length));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const openLink = cut.lastIndexOf('<');
  if (openLink > cut.lastIndexOf('>')) cut = cut.slice(0, openLink);
  const amp = cut.lastIndexOf('&');
  if (amp >= 0 && !cut.slice(amp).includes(';')) cut = cut.slice(0, amp);
  const space = cut.lastIndexOf(' ');
  if (space > cut.length * 0.6) cut = cut.slice(0, space);
  return `${cut.trimEnd()}${ELLIPSIS}`;
}
