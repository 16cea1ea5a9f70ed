import type { types } from '@slack/bolt';
import { cutAtLine, cutText } from '../../chat/truncate.js';
import type { Conversation } from '../../chat/conversation.js';
import type { Reply } from '../../chat/turn.js';
import type { ShownAnswer } from '../../chat/shown.js';
import { CLOSEST_LINES, EXAMPLES_TITLE, LOOKED_FOR, NO_GAPS, citationLabel, votesLine } from '../../chat/wording.js';
import { QUESTION_ECHO, answerParts, gapsReport, questionEcho, renderReply as renderWith, type AnswerParts } from '../../render/chat-parts.js';
import type { KnowledgeGap } from '../../types.js';
import { actionsBlock } from './buttons.js';
import { SLACK_LIMITS } from './limits.js';
import { MRKDWN, escapeMrkdwn, markdownToMrkdwn } from './mrkdwn.js';

/** A chat.postMessage / respond payload: blocks plus the `text` fallback used in notifications. */
export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

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

/** Renders a shown answer as Block Kit (at most nine blocks, well within Slack's 50); its buttons carry its id. */
export function renderAnswer(shown: ShownAnswer): SlackMessage {
  const { answer, examples } = shown.reply;
  const parts = answerParts(answer, examples, { dialect: MRKDWN, markdown: markdownToMrkdwn, quoteMax: SLACK_LIMITS.sectionText });
  const { found, more } = parts;
  const blocks: types.KnownBlock[] = [];
  if (shown.echoQuestion) blocks.push(section(questionLine(answer.question, shown)));
  if (found) {
    blocks.push(section(found.quote), context(`:page_facing_up: ${found.source}`));
    if (more.length > 0) blocks.push(context(`${parts.layout.more.title}: ${more.join('  ·  ')}`));
  } else {
    blocks.push(section(cutText(parts.text, SLACK_LIMITS.sectionText)));
    if (parts.closest) blocks.push(section(cutAtLine(`*${CLOSEST_LINES}:* ${parts.closest.citation}\n${parts.closest.lines}`, SLACK_LIMITS.sectionText)));
    if (more.length > 0) blocks.push(section(cutAtLine(`*${parts.layout.more.title}:*\n${more.map((link) => `• ${link}`).join('\n')}`, SLACK_LIMITS.sectionText)));
  }
  if (parts.examples.length > 0) blocks.push(context(cutText(`${EXAMPLES_TITLE} ${parts.examples.join('  ·  ')}`, 500)));
  if (parts.stale) blocks.push(context(`:hourglass: ${parts.stale}`));
  if (parts.lookedFor.length > 0) blocks.push(context(cutText(`${LOOKED_FOR}: ${parts.lookedFor.join(', ')}`, 500)));
  const votes = votesLine(shown.votes, shown.reply.visibility);
  if (votes) blocks.push(context(votes));
  blocks.push(actionsBlock({ answerId: shown.id, ...shown.reply.vote }, shown.reply.share));
  return { text: fallbackText(shown, parts), blocks };
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
  const who = shown.askedBy && SLACK_USER_ID.test(shown.askedBy) ? `<@${shown.askedBy}>` : undefined;
  return questionEcho(question, shown.reply.visibility, who, MRKDWN);
}

function fallbackText(shown: ShownAnswer, { found, text }: AnswerParts): string {
  const prefix = shown.echoQuestion && shown.reply.visibility === 'public' ? `${questionLine(shown.reply.answer.question, shown)}\n` : '';
  const summary = found ? `${escapeMrkdwn(citationLabel(found.citation))}: ${found.quote.replace(/\s*\n\s*/g, ' ')}` : text;
  return cutText(prefix + summary, FALLBACK_TEXT + QUESTION_ECHO);
}

function section(text: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text, verbatim: true } };
}

function context(text: string): types.ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: cutText(text, SLACK_LIMITS.contextText), verbatim: true }] };
}
