import { LoreError } from '../errors.js';
import type { Note, SkippedFile } from '../types.js';
import { abbreviationsOf, prepareNote, type Knowledge } from './build.js';
import type { LoadedFile } from './load.js';
import { compareNotePaths } from './note-order.js';

/** Notes read again after they changed, notes that are gone, and changed files that can no longer be read as notes. */
export interface NoteEdit {
  loaded: readonly LoadedFile[];
  removed: readonly string[];
  skipped: readonly SkippedFile[];
}

/**
 * Applies an edit to notes already indexed, in place and at once: only the edited notes are parsed and
 * indexed again. Throws KNOWLEDGE_EMPTY, changing nothing, when the edit would leave no notes.
 */
export function applyNoteEdit(knowledge: Knowledge, edit: NoteEdit): void {
  const touched = new Set([...edit.loaded.map((file) => file.file), ...edit.removed, ...edit.skipped.map((file) => file.file)]);
  const remaining = knowledge.notes.filter((note) => !touched.has(note.file)).length + edit.loaded.length;
  if (remaining === 0) throw new LoreError('KNOWLEDGE_EMPTY', 'After this change the knowledge folder holds no notes; still serving the last good index.');

  const prepared = edit.loaded.map((file) => prepareNote(file, knowledge.chunking));
  const indexed = knowledge.notes.filter((note) => touched.has(note.file)).map((note) => note.file);
  knowledge.notes = insertNotes(knowledge.notes.filter((note) => !touched.has(note.file)), prepared.map((note) => note.note));
  knowledge.warnings = inOrder([...knowledge.warnings.filter((warning) => !touched.has(warning.file)), ...prepared.flatMap((note) => (note.warning ? [note.warning] : []))]);
  knowledge.skipped = inOrder([...knowledge.skipped.filter((skipped) => !touched.has(skipped.file)), ...edit.skipped]);
  for (const file of touched) knowledge.abbreviations.delete(file);
  for (const { note, abbreviations } of prepared) if (abbreviations.length > 0) knowledge.abbreviations.set(note.file, abbreviations);
  knowledge.index.update({
    removed: indexed,
    added: prepared.map(({ note, drafts }) => ({ file: note.file, chunks: drafts, meta: note.meta })),
    abbreviations: abbreviationsOf(knowledge.notes, knowledge.abbreviations),
    order: compareNotePaths,
  });
}

function inOrder(files: SkippedFile[]): SkippedFile[] {
  return files.sort((a, b) => compareNotePaths(a.file, b.file));
}

/** `notes` (in order) with `added` put in their places. */
function insertNotes(notes: Note[], added: readonly Note[]): Note[] {
  for (const note of added) {
    let lo = 0;
    let hi = notes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareNotePaths((notes[mid] as Note).file, note.file) < 0) lo = mid + 1;
      else hi = mid;
    }
    notes.splice(lo, 0, note);
  }
  return notes;
}

