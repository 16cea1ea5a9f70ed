/** How a conversation's last turn is read, for `npm run eval:follow-ups` and its floors in the tests. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { topicAfter } from '../src/chat/follow-ups.js';
import type { Lore } from '../src/engine.js';
import type { Answer } from '../src/types.js';
import { EvalInputError } from './eval-input.js';
import { devsetFolders } from './faq-sets.js';

const FIXTURES = fileURLToPath(new URL('../test/fixtures/', import.meta.url));
const BUNDLED = fileURLToPath(new URL('../knowledge', import.meta.url));
const KINDS = [
  { kind: 'pairs', file: 'followups.json' },
  { kind: 'chains', file: 'followup-chains.json' },
] as const;

type Reading = (lore: Lore) => (turns: readonly string[]) => Answer;

export const READINGS: { name: string; read: Reading }[] = [
  { name: 'lore', read: (lore) => (turns) => askInTurn(lore, turns, topicAfter) },
  { name: 'turn before only', read: (lore) => (turns) => askInTurn(lore, turns, (answer) => answer.question) },
  { name: 'last turn alone', read: (lore) => (turns) => lore.answer(turns.at(-1) ?? '') },
  { name: 'all turns joined', read: (lore) => (turns) => lore.answer(turns.join(' ')) },
];

/** Each turn asked after the one before, as a conversation does, remembering what `remember` keeps of each answer. */
function askInTurn(lore: Lore, turns: readonly string[], remember: (answer: Answer) => string): Answer {
  let previousQuestion: string | undefined;
  let answer: Answer | undefined;
  for (const turn of turns) {
    answer = lore.answer(turn, previousQuestion === undefined ? {} : { previousQuestion });
    previousQuestion = remember(answer);
  }
  if (answer === undefined) throw new EvalInputError('A conversation has no turns.');
  return answer;
}

export interface Folder {
  name: string;
  knowledgeDir: string;
  files: { kind: string; path: string }[];
}

/** The bundled notes and every team folder with a follow-up set, each with the sets it holds. */
export function followUpFolders(): Folder[] {
  const bundled: Folder = { name: 'bundled', knowledgeDir: BUNDLED, files: KINDS.map(({ kind, file }) => ({ kind, path: `${FIXTURES}${file}` })).filter(({ path }) => existsSync(path)) };
  const teams = new Map<string, Folder>();
  for (const { kind, file } of KINDS) {
    for (const team of devsetFolders(file)) {
      const folder = teams.get(team.name) ?? { name: team.name, knowledgeDir: team.knowledgeDir, files: [] };
      folder.files.push({ kind, path: team.file });
      teams.set(team.name, folder);
    }
  }
  return [bundled, ...[...teams.values()].sort((a, b) => a.name.localeCompare(b.name))].filter((folder) => folder.files.length > 0);
}
