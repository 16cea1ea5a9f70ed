/**
 * Honest "I couldn't find", measured at scale. Each question of a FAQ dev set is asked twice: of all the set's
 * notes, and of the notes without its own doc set (its pages under `docs/<doc set>/` and its FAQ answers,
 * `faq/<doc set>-*.md`, as the builders name them). Left out, nothing answers it any more, so every answer lore
 * still gives is a false one: this is the rate the confidence rule exists to keep down.
 */
import { fileURLToPath } from 'node:url';
import { answerQuestion } from '../src/answer/answer-question.js';
import { indexNotes } from '../src/knowledge/build.js';
import { loadNoteFiles, type LoadedFile } from '../src/knowledge/load.js';
import { countAbstentions } from './abstain.js';
import { addCounts, countInSubsets, type SubsetCounts } from './abstain-subsets.js';
import { EvalInputError, halvesOf, readQuestions, runEval } from './eval-input.js';
import { devsetFolders, faqSets } from './faq-sets.js';
import { countNamesRead, namesIn } from './names-read.js';
import { fixed, formatTable } from './table.js';

const USAGE = 'usage: npm run eval:abstain\n  asks every FAQ dev set\'s questions with and without their own doc set';
const MAX_NOTE_BYTES = 2 * 1024 * 1024;
const BUNDLED = fileURLToPath(new URL('../knowledge', import.meta.url));

const engineAnswerer = (files: LoadedFile[]) => {
  const { index } = indexNotes(files);
  return (question: string) => answerQuestion(index, question);
};

async function main(): Promise<void> {
  if (process.argv.length > 2) throw new EvalInputError(`Unexpected argument ${process.argv[2]}.\n${USAGE}`);
  const rows: string[][] = [];
  for (const set of faqSets()) {
    const { files } = await loadNoteFiles(set.knowledgeDir, { maxBytes: MAX_NOTE_BYTES });
    const counts = countAbstentions(files, readQuestions(set.questionsFile), engineAnswerer);
    for (const c of counts) {
      const share = (n: number) => `${n} (${fixed(n / c.questions, 3)})`;
      rows.push([set.name, c.part, String(c.questions), share(c.answered), share(c.right), share(c.answeredWithout)]);
    }
  }
  console.log('\nEach question asked of all the notes, then of the notes without its own doc set, where any answer is a false one.\n');
  console.log(formatTable(['set', 'part', 'n', 'answered, all notes', 'right file first', 'answered, own doc set left out (lower is better)'], rows));
  await printTeamSized();
  await printNamesRead();
}

/** Draws of a few doc sets each, per FAQ set with halves: notes of a team's size (`abstain-subsets.ts`). */
const DRAWS = { docSets: [2, 3, 4], drawsEach: 4, seed: 7 };

async function printTeamSized(): Promise<void> {
  const pooled = new Map<string, SubsetCounts>();
  for (const set of faqSets()) {
    const halves = halvesOf(readQuestions(set.questionsFile));
    if (halves.length < 2) continue;
    const { files } = await loadNoteFiles(set.knowledgeDir, { maxBytes: MAX_NOTE_BYTES });
    for (const [part, questions] of halves) {
      for (const counts of countInSubsets(files, questions, drawAnswerer, DRAWS)) {
        const key = `${part}\t${counts.size}`;
        const sum = pooled.get(key);
        pooled.set(key, sum ? addCounts(sum, counts) : counts);
      }
    }
  }
  const rows = [...pooled].map(([key, c]) => [...key.split('\t'), String(c.draws), `${c.right} of ${c.inside} (${fixed(c.right / c.inside, 3)})`, `${c.answered} of ${c.outside} (${fixed(c.answered / c.outside, 3)})`]);
  console.log(`\nNotes of a team's size: ${DRAWS.drawsEach} draws each of ${DRAWS.docSets.join(', ')} doc sets of every large FAQ set, every question of the half asked of each draw; a question of a doc set not drawn has no answer there.\n`);
  console.log(formatTable(['part', 'notes drawn', 'draws', 'right file first (its doc set drawn)', 'answered, its doc set not drawn (lower is better)'], rows));
}

const drawAnswerer = (files: LoadedFile[]) => {
  const { index } = indexNotes(files);
  return { sections: index.unitCount, answer: (question: string) => answerQuestion(index, question) };
};

/** The FAQ sets' names asked of the small notes, which lack them (`names-read.ts`). */
async function printNamesRead(): Promise<void> {
  const names = new Set<string>();
  for (const set of faqSets()) for (const name of namesIn((await loadNoteFiles(set.knowledgeDir, { maxBytes: MAX_NOTE_BYTES })).files)) names.add(name);
  const folders = [{ name: 'bundled', knowledgeDir: BUNDLED }, ...devsetFolders('devset.json')];
  const rows: string[][] = [];
  let asked = 0;
  let read = 0;
  for (const folder of folders) {
    const counts = countNamesRead((await loadNoteFiles(folder.knowledgeDir, { maxBytes: MAX_NOTE_BYTES })).files, [...names]);
    asked += counts.asked;
    read += counts.read;
    rows.push([folder.name, String(counts.asked), `${counts.read} (${fixed(counts.read / counts.asked, 3)})`]);
  }
  rows.push(['all', String(asked), `${read} (${fixed(read / asked, 3)})`]);
  console.log(`\nThe FAQ sets' ${names.size} tool and product names, asked of the bundled and team notes, which never write them ("where can I ask about …"), where a name read as a word of the notes is a false reading.\n`);
  console.log(formatTable(['notes', 'names asked', 'read as a word of the notes (lower is better)'], rows));
}

runEval(main);
