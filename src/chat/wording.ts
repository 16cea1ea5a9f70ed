import { updatedAgo } from '../answer/age.js';
import type { Answer, Citation, KnowledgeGap } from '../types.js';
import type { AnswerLayout } from './layout.js';

/** Everything lore says in chat besides the notes themselves, the same on every platform. */

export const APOLOGY = 'Sorry, something went wrong while looking that up. Please try again in a moment.';
export const NOT_RECORDING = "Questions aren't being recorded here (LORE_DB is off or could not be opened), so there are no gaps to show.";
export const GAPS_NOT_HERE = "The knowledge-gap report isn't available in this channel.";
export const GAPS_IN_TERMINAL = 'Run `lore gaps` for the questions the notes did not answer well.';
export const NO_GAPS = 'No knowledge gaps in this channel lately: every question asked here found an answer and none was voted down.';
export const GAPS_FOOTER = 'Run `lore gaps` for the full list.';
export const CANNOT_SHARE = "Sorry, I can't share that answer here.";
export const NOT_FOUND_TITLE = 'Not in the notes';
/** Said back to thanks or an "ok" after an answer, instead of a search for words it does not hold. */
export const YOU_ARE_WELCOME = 'Glad to help! Ask me anything else about the notes.';
/** Before the help text, said back to a greeting. */
export const GREETING = 'Hi!';

/** The first lines of help; `command` is the platform's slash command (absent in the terminal). */
export function helpText(command: string | undefined): string {
  const ways =
    command === undefined
      ? 'Type a question and press Enter; a follow-up like "and on EKS?" reads on from the one before.'
      : `Use \`${command} <question>\`, mention me in a channel, or send me a direct message; in a thread, a follow-up like "and on EKS?" reads on from the question before.`;
  return `Ask me anything your team wrote down in its notes. ${ways}`;
}

/** An answer's small print, where a platform has a footer: where it came from and how old, and the words looked for. */
export function provenance(found: boolean, age: string | undefined, lookedFor: readonly string[]): string {
  const from = found ? `From your team's notes${age ? ` (${age})` : ''}` : "Searched your team's notes";
  return lookedFor.length > 0 ? `${from} · looked for: ${lookedFor.join(', ')}` : from;
}

/** The whole small print of an answer: the warning that its lines are old first, where there is one, then its provenance. */
export function smallPrint(answer: Pick<Answer, 'found' | 'lookedFor'>, { source, stale }: Pick<AnswerLayout, 'source' | 'stale'>): string {
  const text = provenance(answer.found, source && updatedAgo(source), answer.lookedFor);
  return stale ? `${stale}\n${text}` : text;
}

export const EXAMPLES = 'Try asking';
export const EXAMPLES_TITLE = `${EXAMPLES}:`;
export const SEE_ALSO = 'See also';
export const CLOSEST_NOTES = 'Closest notes';
/** Over the closest note's own lines, under an "I couldn't find": they are shown for the asker to judge, not as the answer. */
export const CLOSEST_LINES = 'Closest lines (they may not answer it)';
export const LOOKED_FOR = 'Looked for';

export function gapsTitle(n: number): string {
  return `Top ${count(n, 'knowledge gap')} in this channel: questions the notes did not answer well, most asked first.`;
}

/** The note past the rate limit, with the wait until the person may ask again. */
export function rateLimited(limit: number, retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `You've asked ${count(limit, 'question')} in the last minute, the most I answer. Please try again in ${count(seconds, 'second')}.`;
}

/** The terminal chat's greeting: what it answers from, how to leave, and example questions when there are some. */
export function terminalGreeting(stats: { files: number; chunks: number }, examples: readonly string[]): string {
  const greeting = `lore: ask about your notes (${count(stats.files, 'file')}, ${count(stats.chunks, 'section')}). Type "exit" to leave, "help" for help.`;
  return examples.length > 0 ? `${greeting}\nFor example: ${examples.map((example) => `"${example}"`).join(' or ')}` : greeting;
}

/** `1 file`, `3 files`. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Under an answer with votes: the asker's own vote on a private answer, the count of each on a public one. */
export function votesLine(votes: ReadonlyMap<string, 'up' | 'down'>, visibility: 'public' | 'private'): string | undefined {
  const all = [...votes.values()];
  if (all.length === 0) return undefined;
  if (visibility === 'private') return `You voted ${VOTE_EMOJI[all[0] ?? 'up']}. Thanks for the feedback!`;
  const count = (wanted: 'up' | 'down') => all.filter((vote) => vote === wanted).length;
  return `Feedback: ${VOTE_EMOJI.up} ${count('up')}  ·  ${VOTE_EMOJI.down} ${count('down')}. Thanks!`;
}

export const VOTE_EMOJI = Object.freeze({ up: '👍', down: '👎' });

/** The buttons under an answer; each platform puts {@link VOTE_EMOJI} before the vote labels its own way. */
export const BUTTON_LABELS = Object.freeze({ share: 'Share in channel', up: 'Helpful', down: 'Not helpful' });

export function voteThanks(vote: 'up' | 'down'): string {
  return vote === 'up' ? 'Thanks, glad it helped!' : 'Thanks for telling us; the notes owners will see it.';
}

/** `file › section · L12–18`, the way a citation is named to people everywhere. */
export function citationLabel(citation: Pick<Citation, 'file' | 'section' | 'startLine' | 'endLine'>): string {
  const lines = citation.startLine === citation.endLine ? `L${citation.startLine}` : `L${citation.startLine}–${citation.endLine}`;
  return [citation.file, citation.section].filter((part) => part !== '').join(' › ') + ` · ${lines}`;
}

/** The day a gap was last seen, as shown in the report. */
export function gapDay(gap: KnowledgeGap): string {
  return gap.lastAt.toISOString().slice(0, 10);
}
