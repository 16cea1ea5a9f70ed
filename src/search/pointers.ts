import type { Chunk } from '../types.js';

/** A line that sends the reader elsewhere: "For more information around browser support, see …", "See the runbook", "Refer to …". */
const POINTER_LINE = /^\s*(?:[-*+]\s+)?(?:(?:for|find)\s+(?:more|further)\s+(?:information|info|details)\b|more\s+(?:information|info|details)\b|see\b|refer\s+to\b|read\s+more\b)/i;

/** Each chunk's reading, made once: the same chunks are weighed for question after question. */
const POINTERS = new WeakMap<Chunk, boolean>();

/** Whether every line of the chunk only points elsewhere: it names the topic, and says nothing of it. */
export function onlyPointsElsewhere(chunk: Chunk): boolean {
  let pointer = POINTERS.get(chunk);
  if (pointer === undefined) {
    const lines = chunk.text.split('\n').filter((line) => line.trim() !== '');
    pointer = lines.length > 0 && lines.every((line) => POINTER_LINE.test(line));
    POINTERS.set(chunk, pointer);
  }
  return pointer;
}
