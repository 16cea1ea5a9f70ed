import type { types } from '@slack/bolt';
import type { Answer, Citation } from '../../types.js';
import type { ShownAnswer, Vote } from './answer-store.js';
import { answerButtons } from './buttons.js';
import { SLACK_LIMITS } from './limits.js';
import { cutAtLine, cutText } from '../../chat/truncate.js';
import { escapeMrkdwn, markdownToMrkdwn } from './mrkdwn.js';

/** A chat.postMessage / respond payload: blocks plus the `text` fallback used in notifications. */
export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

/** How much of an echoed question is shown (raw characters, before escaping). */
const QUESTION_ECHO = 500;
const FALLBACK_TEXT = 300;
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;
/** Markdown past this is never shown (a quote is cut to one section), so it is not worth parsing. */
const QUOTE_INPUT_BUDGET = 2 * SLACK_LIMITS.sectionText;

/** Renders an answer as Block Kit. `id` is the stored answer's id, carried by the buttons. */
export function renderAnswer(id: string, shown: ShownAnswer): SlackMessage {
  const { answer } = shown;
  const blocks: types.KnownBlock[] = [];
  if (shown.echoQuestion) blocks.push(section(questionLine(answer.question, shown)));
  const quote = answer.found ? quoteMrkdwn(answer) : '';
  if (answer.found) blocks.push(...foundBlocks(answer, quote));
  else blocks.push(...notFoundBlocks(answer));
  const votes = voteLine(shown);
  if (votes) blocks.push(context(votes));
  const best = answer.citations[0];
  blocks.push(
    answerButtons(
      { id, question: answer.question, ...(best ? { citation: citationLabel(best) } : {}) },
      shown.audience === 'private',
    ),
  );
  return { text: fallbackText(answer, shown, quote), blocks: withinBlockLimit(blocks) };
}

/** Usage and example questions, for `/ask`, `/ask help` or an empty mention. */
export function renderHelp(command: string, examples: readonly string[]): SlackMessage {
  const usage =
    `*Ask me anything your team wrote down in its notes.*\n` +
    `\`${command} <question>\`: only you see the answer; *Share in channel* posts it for everyone.\n` +
    `Mention me in a channel to get the answer in a thread, or send me a direct message.`;
  const blocks: types.KnownBlock[] = [section(usage)];
  if (examples.length > 0) {
    const lines = examples.map((example) => `• \`${command} ${escapeMrkdwn(example.replace(/`/g, "'"))}\``);
    blocks.push(section(cutAtLine(`*Try:*\n${lines.join('\n')}`, SLACK_LIMITS.sectionText)));
  }
  return { text: `Usage: ${command} <question>`, blocks };
}

/** What the asker sees when answering failed; details go to the log, not to Slack. */
export function renderApology(): SlackMessage {
  const text = "Sorry, something went wrong while looking that up. Please try again in a moment.";
  return { text, blocks: [section(`:warning: ${text}`)] };
}

/** A short private note (rate limit, channel rules, restarting): the service's plain text, no buttons. */
export function renderNote(text: string): SlackMessage {
  return { text: cutText(escapeMrkdwn(text), FALLBACK_TEXT), blocks: [section(`:information_source: ${escapeMrkdwn(text)}`)] };
}

/** `file › section · L12–18`, as plain text. */
export function citationLabel(citation: Citation): string {
  const lines = citation.startLine === citation.endLine ? `L${citation.startLine}` : `L${citation.startLine}–${citation.endLine}`;
  return [citation.file, citation.section].filter((part) => part !== '').join(' › ') + ` · ${lines}`;
}

/** The quote as mrkdwn, cut at a line boundary to fit one section. */
function quoteMrkdwn(answer: Answer): string {
  const lines = answer.quote.length > 0 ? answer.quote : answer.text.split('\n');
  const kept: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (size + line.length > QUOTE_INPUT_BUDGET) {
      if (kept.length === 0) kept.push(line.slice(0, QUOTE_INPUT_BUDGET));
      break;
    }
    kept.push(line);
    size += line.length + 1;
  }
  let quote = markdownToMrkdwn(kept.join('\n'), { highlights: answer.highlights });
  if (kept.length < lines.length || (kept[0]?.length ?? 0) < (lines[0]?.length ?? 0)) quote += '\n…';
  return cutAtLine(quote.trim() === '' ? '…' : quote, SLACK_LIMITS.sectionText);
}

function foundBlocks(answer: Answer, quote: string): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [section(quote)];
  const [best, ...seeAlso] = answer.citations;
  if (best) blocks.push(context(`:page_facing_up: ${citationLink(best)}`));
  if (seeAlso.length > 0) blocks.push(context(`See also: ${seeAlso.map(citationLink).join('  ·  ')}`));
  const looked = lookedForLine(answer);
  if (looked) blocks.push(context(looked));
  return blocks;
}

function notFoundBlocks(answer: Answer): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [section(cutText(escapeMrkdwn(answer.text), SLACK_LIMITS.sectionText))];
  if (answer.citations.length > 0) {
    const closest = answer.citations.map((citation) => `• ${citationLink(citation)}`).join('\n');
    blocks.push(section(cutAtLine(`*Closest notes:*\n${closest}`, SLACK_LIMITS.sectionText)));
  }
  // The engine's sentence often names the terms already; don't say it twice.
  const named = answer.lookedFor.every((term) => answer.text.toLowerCase().includes(term.toLowerCase()));
  const looked = named ? undefined : lookedForLine(answer);
  if (looked) blocks.push(context(looked));
  return blocks;
}

function citationLink(citation: Citation): string {
  const label = escapeMrkdwn(cutText(citationLabel(citation), 200));
  const url = citation.url && /^https?:\/\/\S+$/.test(citation.url) ? citation.url.replace(/[<>|]/g, encodeURIComponent) : undefined;
  return url ? `<${url.replace(/&/g, '&amp;')}|${label}>` : label;
}

function questionLine(question: string, shown: ShownAnswer): string {
  const echoed = escapeMrkdwn(cutText(question, QUESTION_ECHO));
  if (shown.audience === 'private') return `*You asked:* ${echoed}`;
  const who = shown.askedBy && SLACK_USER_ID.test(shown.askedBy) ? `<@${shown.askedBy}>` : 'Someone';
  return `${who} asked: ${echoed}`;
}

function lookedForLine(answer: Answer): string | undefined {
  if (answer.lookedFor.length === 0) return undefined;
  return cutText(`Looked for: ${answer.lookedFor.map(escapeMrkdwn).join(', ')}`, 500);
}

function voteLine(shown: ShownAnswer): string | undefined {
  if (shown.votes.size === 0) return undefined;
  if (shown.audience === 'private') {
    const [vote] = [...shown.votes.values()];
    return `You voted ${emoji(vote ?? 'up')}. Thanks for the feedback!`;
  }
  const count = (wanted: Vote) => [...shown.votes.values()].filter((vote) => vote === wanted).length;
  return `Feedback: ${emoji('up')} ${count('up')}  ·  ${emoji('down')} ${count('down')}. Thanks!`;
}

function emoji(vote: Vote): string {
  return vote === 'up' ? '👍' : '👎';
}

function fallbackText(answer: Answer, shown: ShownAnswer, quote: string): string {
  const prefix = shown.echoQuestion && shown.audience === 'public' ? `${questionLine(answer.question, shown)}\n` : '';
  const best = answer.citations[0];
  if (!answer.found || !best) return cutText(prefix + escapeMrkdwn(answer.text), FALLBACK_TEXT + QUESTION_ECHO);
  const oneLine = quote.replace(/\s*\n\s*/g, ' ');
  return cutText(`${prefix}${escapeMrkdwn(citationLabel(best))}: ${oneLine}`, FALLBACK_TEXT + QUESTION_ECHO);
}

function section(text: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text, verbatim: true } };
}

function context(text: string): types.ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: cutText(text, SLACK_LIMITS.contextText), verbatim: true }] };
}

/** Keeps the buttons (last block) if a message would ever exceed Slack's block limit. */
function withinBlockLimit(blocks: types.KnownBlock[]): types.KnownBlock[] {
  if (blocks.length <= SLACK_LIMITS.blocks) return blocks;
  const last = blocks[blocks.length - 1];
  return [...blocks.slice(0, SLACK_LIMITS.blocks - 1), ...(last ? [last] : [])];
}
