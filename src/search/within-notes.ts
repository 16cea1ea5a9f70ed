/**
 * Orders the sections of each note among themselves, leaving the notes' order as it is: each note keeps the places
 * its sections hold among the first `count`, and those places go to its sections by score, a section under a
 * heading the question names (`named`) counting `boost` times.
 *
 * In large notes a heading's words are as often met by a page about something else, so a named heading may not
 * lift its note above another (over the FAQ sets it cost questions their first place). Within one note it still
 * tells the section that answers from one that only mentions the same words: "how do I cancel my transit benefit"
 * is answered under "Cancelling transit benefit", not by the page's opening line, "This page outlines how to sign
 * up for and how to cancel the transit benefit".
 */
export function orderWithinNotes<T extends { score: number }>(ranked: T[], count: number, noteOf: (item: T) => number, named: (item: T) => boolean, boost: number): void {
  const n = Math.min(ranked.length, count);
  const placesByNote = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const note = noteOf(ranked[i] as T);
    const places = placesByNote.get(note);
    if (places) places.push(i);
    else placesByNote.set(note, [i]);
  }
  for (const places of placesByNote.values()) {
    if (places.length < 2) continue;
    const items = places.map((place) => {
      const item = ranked[place] as T;
      return { item, weighed: named(item) ? item.score * boost : item.score };
    });
    if (items.every(({ item, weighed }) => weighed === item.score)) continue;
    // Stable: sections that weigh the same keep their order.
    items.sort((a, b) => b.weighed - a.weighed);
    places.forEach((place, k) => {
      ranked[place] = (items[k] as { item: T }).item;
    });
  }
}
