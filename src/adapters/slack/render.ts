import type { types } from '@slack/bolt';
import { layoutAnswer } from '../../chat/layout.js';
import { cutAtLine, cutText } from '../../chat/truncate.js';
import type { Conversation } from '../../chat/conversation.js';
import type { Reply } from '../../chat/turn.js';
import type { ShownAnswer } from '../../chat/shown.js';
import { EXAMPLES_TITLE, LOOKED_FOR, NO_GAPS, citationLabel, votesLine } from '../../chat/wording.js';
import { citationWithAge, gapsReport, quoteFor, renderReply as renderWith } from '../../render/chat-parts.js';
import type { Answer, KnowledgeGap } from '../../types.js';
import { actionsBlock } from './buttons.js';
import { SLACK_LIMITS } from './limits.js';
import { MRKDWN, escapeMrkdwn, markdownToMrkdwn } from './mrkdwn.js';

/** A chat.postMessage / respond payload: blocks plus the `text` fallback used in notifications. */
export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

/** How much of an echoed question is shown (raw characters, before escaping). */
const QUESTION_ECHO = 500;
const FALLBACK_TEXT = 300;
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

/** Any reply as Block Kit; an answer is kept as shown so its buttons can find it again. */
export function renderReply(reply: Exclude<Reply, { kind: 'silent' }>, deps: { conversation: Conversation; command: string }, shown: { askedBy?: string; echo: boolean }): SlackMessage {
  return renderWith(reply, {
    answer: (answer) => renderAnswer(deps.conversation.shown.add(answer, { askedBy: shown.askedBy, echoQuestion: shown.echo })),
    help: (text, examples) => renderHelp(text, deps.command, examples),
    gaps: renderGaps,
    note: renderNote,
  });
}

/** A short note (a refusal, where to ask, an apology): plain text, no buttons. */
export function renderNote(text: string, problem = false): SlackMessage {
  return { text: cutText(escapeMrkdwn(text), FALLBACK_TEXT), blocks: [section(`${problem ? ':warning:' : ':information_source:'} ${escapeMrkdwn(text)}`)] };
}

/** Renders a shown answer as Block Kit; its buttons carry its id. */
export function renderAnswer(shown: ShownAnswer): SlackMessage {
  const { answer, examples } = shown.reply;
  const { source, more, stale, lookedFor, ...layout } = layoutAnswer(answer, examples);
  const quote = source ? quoteFor(answer, markdownToMrkdwn, SLACK_LIMITS.sectionText) : '';
  const blocks: types.KnownBlock[] = [];
  if (shown.echoQuestion) blocks.push(section(questionLine(answer.question, shown)));
  const links = more.citations.map((citation) => citationWithAge(citation, MRKDWN));
  if (source) {
    blocks.push(section(quote), context(`:page_facing_up: ${citationWithAge(source, MRKDWN)}`));
    if (links.length > 0) blocks.push(context(`${more.title}: ${links.join('  ·  ')}`));
  } else {
    blocks.push(section(cutText(escapeMrkdwn(answer.text), SLACK_LIMITS.sectionText)));
    if (links.length > 0) blocks.push(section(cutAtLine(`*${more.title}:*\n${links.map((link) => `• ${link}`).join('\n')}`, SLACK_LIMITS.sectionText)));
  }
  if (layout.examples.length > 0) blocks.push(context(cutText(`${EXAMPLES_TITLE} ${layout.examples.map(escapeMrkdwn).join('  ·  ')}`, 500)));
  if (stale) blocks.push(context(`:hourglass: ${escapeMrkdwn(stale)}`));
  if (lookedFor.length > 0) blocks.push(context(cutText(`${LOOKED_FOR}: ${lookedFor.map(escapeMrkdwn).join(', ')}`, 500)));
  const votes = votesLine(shown.votes, shown.reply.visibility);
  if (votes) blocks.push(context(votes));
  blocks.push(actionsBlock({ answerId: shown.id, ...shown.reply.vote }, shown.reply.share));
  return { text: fallbackText(answer, shown, quote), blocks: withinBlockLimit(blocks) };
}

function renderHelp(text: string, command: string, examples: readonly string[]): SlackMessage {
  const blocks: types.KnownBlock[] = [section(escapeMrkdwn(text))];
  if (examples.length > 0) {
    const lines = examples.map((example) => `• \`${command} ${escapeMrkdwn(example.replace(/`/g, "'"))}\``);
    blocks.push(section(cutAtLine(`*${EXAMPLES_TITLE}*\n${lines.join('\n')}`, SLACK_LIMITS.sectionText)));
  }
  return { text: `Usage: ${command} <question>`, blocks };
}

function renderGaps(gaps: readonly KnowledgeGap[]): SlackMessage {
  if (gaps.length === 0) return { text: NO_GAPS, blocks: [section(`:white_check_mark: ${NO_GAPS}`)] };
  const report = gapsReport(gaps, MRKDWN);
  const blocks = [section(report.heading), ...report.gaps.map((gap) => section(cutText(gap, SLACK_LIMITS.sectionText))), context(report.footer)];
  return { text: `Top ${gaps.length} knowledge gaps`, blocks: blocks.slice(0, SLACK_LIMITS.blocks) };
}

function questionLine(question: string, shown: ShownAnswer): string {
  const echoed = escapeMrkdwn(cutText(question, QUESTION_ECHO));
  if (shown.reply.visibility === 'private') return `*You asked:* ${echoed}`;
  const who = shown.askedBy && SLACK_USER_ID.test(shown.askedBy) ? `<@${shown.askedBy}>` : 'Someone';
  return `${who} asked: ${echoed}`;
}

function fallbackText(answer: Answer, shown: ShownAnswer, quote: string): string {
  const prefix = shown.echoQuestion && shown.reply.visibility === 'public' ? `${questionLine(answer.question, shown)}\n` : '';
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
