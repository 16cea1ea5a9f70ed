/**
 * The two Markdown parsers lore could use for chunking, timed over the same notes: marked's lexer (what
 * `parseNote` runs, blocks only, inline text on demand) and micromark/mdast with GFM (what the chat renderers
 * parse replies with), which keeps exact positions but builds a full tree.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { LoadedFile } from '../src/knowledge/load.js';
import { parseNote } from '../src/knowledge/markdown.js';

export interface ParserTimes {
  markedMs: number;
  mdastMs: number;
}

export function timeParsers(files: readonly LoadedFile[]): ParserTimes {
  const time = (fn: () => void) => {
    const started = performance.now();
    fn();
    return performance.now() - started;
  };
  const markedMs = time(() => {
    for (const { text } of files) parseNote(text);
  });
  const mdastMs = time(() => {
    for (const { text } of files) fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  });
  return { markedMs, mdastMs };
}
