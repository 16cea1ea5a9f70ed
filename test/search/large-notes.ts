import { indexNotes } from '../../src/knowledge/build.js';
import type { SearchIndex } from '../../src/search/index.js';
import { LARGE_NOTES_SECTIONS } from '../../src/search/notes-size.js';

/**
 * The notes indexed among enough one-section filler notes to reach `LARGE_NOTES_SECTIONS`, where the large-notes
 * rules hold. `filler` writes each filler note's text; by default it shares no word with any note.
 */
export function indexAmongLargeNotes(notes: Record<string, string>, filler = (i: number) => `# Widget ${i}\n\nwidget${i} ships as chart${i}.`): SearchIndex {
  const files = [...Object.entries(notes).map(([file, text]) => ({ file, text })), ...Array.from({ length: LARGE_NOTES_SECTIONS }, (_, i) => ({ file: `filler-${i}.md`, text: filler(i) }))];
  return indexNotes(files).index;
}
