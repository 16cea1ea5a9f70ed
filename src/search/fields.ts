/**
 * How much a word counts by where it stands. The chunk's own words count most; the headings and parent
 * bullets above it less; the note's title, aliases, tags and file name least, but more than nothing.
 */
export const FIELD_WEIGHTS = Object.freeze({ body: 1, section: 0.5, note: 0.35 });

/** BM25 saturation and length normalisation. */
export const BM25 = Object.freeze({ k1: 1.2, b: 0.75 });
