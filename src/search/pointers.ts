import type { Chunk } from '../types.js';
import { readingsByChunk } from './chunk-readings.js';

/** A line that sends the reader elsewhere: "For more information around browser support, see …", "See the runbook", "Refer to …". */
const POINTER_LINE = /^\s*(?:[-*+]\s+)?(?:(?:for|find)\s+(?:more|further)\s+(?:information|info|details)\b|more\s+(?:information|info|details)\b|see\b|refer\s+to\b|read\s+more\b)/i;

/** Whether every line of the chunk only points elsewhere: it names the topic, and says nothing of it. */
export function onlyPointsElsewhere(chunk: Chunk): boolean {
  const lines = chunk.text.split('\n').filter((line) => line.trim() !== '');
  return lines.length > 0 && lines.every((line) => POINTER_LINE.test(line));
}

/** `onlyPointsElsewhere` of a chunk of the index, by its id (`readingsByChunk`). */
export const pointersIn = readingsByChunk(onlyPointsElsewhere);
