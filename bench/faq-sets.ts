import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A FAQ dev set: a folder of notes and its questions. */
export interface FaqSet {
  name: string;
  knowledgeDir: string;
  questionsFile: string;
}

const DEVSETS = fileURLToPath(new URL('./devsets/', import.meta.url));

/** The folders under bench/devsets that hold `file`, by name: each with its notes (`knowledge/`) and that file. */
export function devsetFolders(file: string): { name: string; knowledgeDir: string; file: string }[] {
  if (!existsSync(DEVSETS)) return [];
  return readdirSync(DEVSETS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(`${DEVSETS}${entry.name}/${file}`))
    .map((entry) => ({ name: entry.name, knowledgeDir: `${DEVSETS}${entry.name}/knowledge`, file: `${DEVSETS}${entry.name}/${file}` }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * A team folder's later batches of questions beside its `devset.json` (`devset-fresh.json`, `devset-second.json`, …),
 * each named by what follows `devset-`, in name order.
 */
export function laterBatches(folderFile: string): { name: string; file: string }[] {
  const folder = folderFile.slice(0, folderFile.lastIndexOf('/') + 1);
  return readdirSync(folder)
    .filter((name) => /^devset-[a-z0-9-]+\.json$/.test(name))
    .sort()
    .map((name) => ({ name: name.slice('devset-'.length, -'.json'.length), file: `${folder}${name}` }));
}

/** Every FAQ dev set under bench/devsets (a folder with a questions.jsonl), by name. */
export function faqSets(): FaqSet[] {
  return devsetFolders('questions.jsonl').map(({ name, knowledgeDir, file }) => ({ name, knowledgeDir, questionsFile: file }));
}
