/**
 * Follow-ups, measured: conversations of two and three turns over the bundled notes and the team folders, each
 * last turn scored by its first citation (`follow-up-devset.ts`). Four readings side by side: lore's, as a chat
 * conversation reads each turn (with what the conversation was about, `topicAfter`); the last turn read with the
 * turn before it only (lore before chains were followed); the last turn alone; and every turn joined into one
 * question at full weight.
 */
import { Lore } from '../src/engine.js';
import { EvalInputError } from './eval-input.js';
import { halfOf, readConversations, scoreConversations, type ConversationScore } from './follow-up-devset.js';
import { followUpFolders, READINGS } from './follow-up-readings.js';
import { runScript } from './run-script.js';
import { formatTable } from './table.js';

const USAGE = 'usage: npm run eval:follow-ups\n  asks the follow-up conversations over the bundled notes and bench/devsets/team-*';

const add = (a: ConversationScore, b: ConversationScore): ConversationScore => ({
  answerable: a.answerable + b.answerable,
  right: a.right + b.right,
  unanswerable: a.unanswerable + b.unanswerable,
  honest: a.honest + b.honest,
});
const NONE: ConversationScore = { answerable: 0, right: 0, unanswerable: 0, honest: 0 };

async function main(): Promise<void> {
  if (process.argv.length > 2) throw new EvalInputError(`Unexpected argument ${process.argv[2]}.\n${USAGE}`);
  const rows: string[][] = [];
  const totals = new Map<string, ConversationScore[]>();
  for (const folder of followUpFolders()) {
    const lore = await Lore.open({ knowledgeDir: folder.knowledgeDir });
    const readers = READINGS.map(({ read }) => read(lore));
    for (const { kind, path } of folder.files) {
      const conversations = readConversations(path);
      for (const part of ['tune', 'report'] as const) {
        const asked = conversations.filter((_, position) => halfOf(position) === part);
        const scores = readers.map((answerTurns) => scoreConversations(asked, answerTurns));
        rows.push(row(folder.name, kind, part, scores));
        const key = `${kind}|${part}`;
        totals.set(key, (totals.get(key) ?? READINGS.map(() => NONE)).map((total, i) => add(total, scores[i] ?? NONE)));
      }
    }
  }
  for (const [key, scores] of totals) {
    const [kind = '', part = ''] = key.split('|');
    rows.push(row('every folder', kind, part, scores));
  }
  console.log('\nThe last turn of each conversation: answered on the right lines (of those the notes answer), then honest "I couldn\'t find" (of those they do not).\n');
  const names = READINGS.map((reading) => reading.name);
  console.log(formatTable(['notes', 'turns', 'part', 'n', ...names.map((name) => `right: ${name}`), ...names.map((name) => `honest: ${name}`)], rows));
}

function row(name: string, kind: string, part: string, scores: readonly ConversationScore[]): string[] {
  const first = scores[0] ?? NONE;
  return [name, kind, part, `${first.answerable} + ${first.unanswerable}`, ...scores.map((s) => String(s.right)), ...scores.map((s) => `${s.honest}/${s.unanswerable}`)];
}

runScript(main, EvalInputError);
