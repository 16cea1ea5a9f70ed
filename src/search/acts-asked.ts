/**
 * The verb a question of what to do asks about: "eks self managed ec2, what do i need to *install* on the workers",
 * "what should we *patch* first", "what to *bring* on day one". Like the act of a how-to question (`asksActAt`), it
 * is the question's head: a passage that never names it says nothing of what to do, though it may hold every other
 * word ("EC2 (self-managed by you)").
 */
const ACT_ASKED = /\bwhat\s+(?:(?:do|does|should|must|would|can|could)\s+(?:i|we|you|one)\s+(?:(?:need|have)\s+to\s+)?|to\s+)([a-z]+)\b/i;

/** Verbs that say little by themselves: "what do I need for …", "what do we get", "what do I have to do". */
const LIGHT_VERBS: ReadonlySet<string> = new Set(['need', 'have', 'get', 'want', 'do', 'be']);

/** The act a question of what to do asks about, in lower case; undefined for any other question. */
export function actAsked(question: string): string | undefined {
  const verb = ACT_ASKED.exec(question)?.[1]?.toLowerCase();
  return verb === undefined || LIGHT_VERBS.has(verb) ? undefined : verb;
}
