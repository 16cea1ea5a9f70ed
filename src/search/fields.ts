/**
 * How much a word counts by where it stands. The chunk's own words count most; the headings and parent
 * bullets above it less; the note's title, aliases, tags and file name less again, but more than nothing.
 * Least of all, the words of a cross-reference inside the text (a link to another page or section of the
 * notes, its text and its target): they say what that page is about, and it is indexed in its own right.
 * Chosen on the tune halves from 0.5, 0.25 and 0.1 (lower ranked better); kept above 0 so that a list of links
 * is still found when nothing else names the words.
 */
export const FIELD_WEIGHTS = Object.freeze({ body: 1, section: 0.5, note: 0.35, reference: 0.1 });

/** BM25 saturation and length normalisation. */
export const BM25 = Object.freeze({ k1: 1.2, b: 0.75 });
