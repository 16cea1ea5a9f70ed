import type { types } from '@slack/bolt';
import { gapCounts } from '../../reports/render.js';
import type { KnowledgeGap } from '../../types.js';
import { SLACK_LIMITS } from './limits.js';
import { cutText } from '../../chat/truncate.js';
import { escapeMrkdwn } from './mrkdwn.js';
import type { SlackMessage } from './render.js';

/** How many gaps `/ask gaps` shows. */
export const CHAT_GAPS = 10;

/** `/ask gaps`, in any case. */
export function wantsGaps(question: string): boolean {
  return /^gaps$/i.test(question.trim());
}

/** The top knowledge gaps as Block Kit: one section per gap, with its counts and the notes closest to it. */
export function renderGaps(gaps: readonly KnowledgeGap[]): SlackMessage {
  if (gaps.length === 0) {
    const text = 'No knowledge gaps in this channel lately: every question asked here found an answer and none was voted down.';
    return { text, blocks: [section(`:white_check_mark: ${text}`)] };
  }
  const blocks: types.KnownBlock[] = [section(`*Top ${gaps.length} knowledge gap${gaps.length === 1 ? '' : 's'} in this channel*: questions the notes did not answer well, most asked first.`)];
  gaps.forEach((gap, i) => {
    const lines = [`*${i + 1}.* ${escapeMrkdwn(gap.question)}`, `${gapCounts(gap)} · last ${gap.lastAt.toISOString().slice(0, 10)}`];
    if (gap.variants.length > 0) lines.push(`_Also asked as:_ ${gap.variants.map((variant) => `“${escapeMrkdwn(variant)}”`).join(', ')}`);
    if (gap.closest.length > 0) lines.push(`_Closest notes:_ ${gap.closest.map((note) => `\`${escapeMrkdwn(note.file.replace(/`/g, "'"))}\` (${note.times}×)`).join(', ')}`);
    blocks.push(section(cutText(lines.join('\n'), SLACK_LIMITS.sectionText)));
  });
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Run `lore gaps` for the full list.' }] });
  return { text: `Top ${gaps.length} knowledge gaps`, blocks: blocks.slice(0, SLACK_LIMITS.blocks) };
}

function section(text: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}
