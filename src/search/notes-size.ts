/**
 * Rules that hold only in notes of at least this many sections, where they were measured and cost no right answer.
 * In a team's smaller notes, questions are terse and their answers one line in a section: a word's absence or a
 * weak score says little there ("how long" where the note says "kept for 35 days"), and coverage alone decides
 * whether to answer. Conversely, a table there is most often a list of the team's records ("who owns what"), while
 * in large documentation it is as often a reference matrix whose rows share a question's words with no answer.
 */
export const LARGE_NOTES_SECTIONS = 1000;
