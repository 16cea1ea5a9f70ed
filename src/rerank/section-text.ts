import type { SearchIndex } from '../search/index.js';

/** Characters of a section the encoder reads: its heading path, then its text from the top. */
export const SECTION_CHARS = 1500;

/**
 * What the encoder reads of a section (unit): the heading path of its first chunk, then its chunks' text, cut at
 * `SECTION_CHARS`. It depends on the section alone, not on the question, so it is embedded once.
 */
export function sectionText(index: SearchIndex, unit: number): string {
  const start = index.unitChunks[unit] ?? 0;
  const end = index.unitChunks[unit + 1] ?? index.chunks.length;
  let text = `${index.chunks[start]?.section.join(' / ') ?? ''}\n`;
  for (let id = start; id < end && text.length < SECTION_CHARS; id++) text += `${index.chunks[id]?.text ?? ''}\n`;
  return text.slice(0, SECTION_CHARS);
}
