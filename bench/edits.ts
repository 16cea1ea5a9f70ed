/**
 * Edit-to-answerable for the speed bench: a seeded mix of changed, added and removed notes applied one at a
 * time to an index built from a corpus, each timed from the edit until a question about it is answered.
 */
import { search } from '../src/search/search.js';
import type { Knowledge } from '../src/knowledge/build.js';
import type { LoadedFile } from '../src/knowledge/load.js';
import { applyNoteEdit } from '../src/knowledge/update.js';
import { seeded } from './random.js';

export interface EditTimes {
  /** Milliseconds per edit, in the order applied. */
  times: number[];
  /** Edits by kind, for the table's note. */
  mix: { changed: number; added: number; removed: number };
}

/**
 * Applies `count` edits: 60% a note changed (a paragraph added), 20% a note added (another note's text under a
 * new name), 20% a note removed. Each is timed from `applyNoteEdit` until `search` for a word of the edit
 * returns, so work put off until the first question counts too. The notes are in memory: reading the file
 * is not timed, as in the build row.
 */
export function benchEdits(knowledge: Knowledge, files: readonly LoadedFile[], words: readonly string[], count: number, seed: number): EditTimes {
  const random = seeded(seed ^ 0x5eed);
  const current = new Map(files.map((file) => [file.file, file.text]));
  const names = () => [...current.keys()];
  const times: number[] = [];
  const mix = { changed: 0, added: 0, removed: 0 };
  for (let i = 0; i < count; i++) {
    const roll = random.next();
    const marker = words[random.int(2000, Math.min(words.length - 1, 20_000))] ?? 'marker';
    let edit: { loaded: LoadedFile[]; removed: string[] };
    if (roll < 0.6) {
      const file = random.pick(names());
      const text = `${current.get(file) ?? ''}\n\n## Edited ${marker}\n\nThe ${marker} step now runs after the ${random.pick(words.slice(100, 2000))} check.\n`;
      edit = { loaded: [{ file, text }], removed: [] };
      mix.changed++;
    } else if (roll < 0.8) {
      const file = `edited/${marker}-${i}.md`;
      edit = { loaded: [{ file, text: `${current.get(random.pick(names())) ?? ''}\n\nAbout ${marker}.\n` }], removed: [] };
      mix.added++;
    } else {
      edit = { loaded: [], removed: [random.pick(names())] };
      mix.removed++;
    }
    const started = performance.now();
    applyNoteEdit(knowledge, { ...edit, skipped: [] });
    search(knowledge.index, `${marker} step`, { limit: 10 });
    times.push(performance.now() - started);
    for (const file of edit.removed) current.delete(file);
    for (const { file, text } of edit.loaded) current.set(file, text);
  }
  return { times, mix };
}
