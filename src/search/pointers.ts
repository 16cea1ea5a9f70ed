import type { Chunk } from '../types.js';
import type { SearchIndex } from './index.js';

/** A line that sends the reader elsewhere: "For more information around browser support, see …", "See the runbook", "Refer to …". */
const POINTER_LINE = /^\s*(?:[-*+]\s+)?(?:(?:for|find)\s+(?:more|further)\s+(?:information|info|details)\b|more\s+(?:information|info|details)\b|see\b|refer\s+to\b|read\s+more\b)/i;

/** Whether every line of the chunk only points elsewhere: it names the topic, and says nothing of it. */
export function onlyPointsElsewhere(chunk: Chunk): boolean {
  const lines = chunk.text.split('\n').filter((line) => line.trim() !== '');
  return lines.length > 0 && lines.every((line) => POINTER_LINE.test(line));
}

const UNREAD = 0;
const SAYS_SOMETHING = 1;
const POINTS_ELSEWHERE = 2;

/**
 * Each chunk's reading by its id, made once per index: the same chunks are weighed question after question, and an
 * id is never given to another chunk (an edit adds chunks with new ids). Read by id rather than kept by chunk, a
 * reading costs no visit to the chunk, which for the sections a question rescores is seldom in the processor's caches.
 */
const READINGS = new WeakMap<SearchIndex, Uint8Array>();

/** `onlyPointsElsewhere` of a chunk of the index, by its id. */
export function pointersIn(index: SearchIndex): (id: number) => boolean {
  let readings = READINGS.get(index) ?? new Uint8Array(0);
  return (id) => {
    if (id >= readings.length) {
      const grown = new Uint8Array(Math.max(id + 1, index.chunks.length));
      grown.set(readings);
      readings = grown;
      READINGS.set(index, readings);
    }
    let reading = readings[id] as number;
    if (reading === UNREAD) {
      reading = onlyPointsElsewhere(index.chunks[id] as Chunk) ? POINTS_ELSEWHERE : SAYS_SOMETHING;
      readings[id] = reading;
    }
    return reading === POINTS_ELSEWHERE;
  };
}
