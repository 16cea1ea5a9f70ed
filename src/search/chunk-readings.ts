import type { Chunk } from '../types.js';
import type { SearchIndex } from './index.js';

/**
 * A reading of each chunk (`read`), worked out the first time a question asks it and kept per index by the chunk's
 * id: the same chunks are weighed question after question, and an index never gives an id to another chunk (an edit
 * adds chunks with new ids). Kept by id rather than by chunk, a reading costs no visit to the chunk, which for the
 * sections a question rescores in large notes is seldom in the processor's caches. `read` never returns undefined.
 */
export function readingsByChunk<T>(read: (chunk: Chunk) => T): (index: SearchIndex) => (id: number) => T {
  const byIndex = new WeakMap<SearchIndex, (T | undefined)[]>();
  return (index) => {
    let kept = byIndex.get(index);
    if (!kept) {
      // Filled, not left with holes: an array first written at a high index is kept as a dictionary.
      kept = new Array<T | undefined>(index.chunks.length).fill(undefined);
      byIndex.set(index, kept);
    }
    const readings = kept;
    return (id) => {
      while (readings.length <= id) readings.push(undefined);
      return (readings[id] ??= read(index.chunks[id] as Chunk));
    };
  };
}
