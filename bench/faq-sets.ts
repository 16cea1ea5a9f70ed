import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A FAQ dev set: a folder of notes and its questions. */
export interface FaqSet {
  name: string;
  knowledgeDir: string;
  questionsFile: string;
}

const DEVSETS = fileURLToPath(new URL('./devsets/', import.meta.url));

/** Every dev set under bench/devsets (a folder with a questions.jsonl), by name. */
export function faqSets(): FaqSet[] {
  if (!existsSync(DEVSETS)) return [];
  return readdirSync(DEVSETS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(`${DEVSETS}${entry.name}/questions.jsonl`))
    .map((entry) => ({ name: entry.name, knowledgeDir: `${DEVSETS}${entry.name}/knowledge`, questionsFile: `${DEVSETS}${entry.name}/questions.jsonl` }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
