const SENTENCE_END = /[.!?。！？][)"'”’\]]*\s+/g;

/**
 * Splits `text[start, end)` into ranges of at most `maxChars`, cutting after sentence ends where it can,
 * then at white space, then anywhere.
 */
export function splitSentences(text: string, start: number, end: number, maxChars: number): [number, number][] {
  const cuts: number[] = [];
  SENTENCE_END.lastIndex = start;
  for (let match = SENTENCE_END.exec(text); match && match.index < end; match = SENTENCE_END.exec(text)) {
    cuts.push(match.index + match[0].length);
  }
  const ranges: [number, number][] = [];
  let from = start;
  while (end - from > maxChars) {
    const limit = from + maxChars;
    let cut = -1;
    for (const c of cuts) {
      if (c > from && c <= limit) cut = c;
      else if (c > limit) break;
    }
    if (cut === -1) {
      const space = text.lastIndexOf(' ', limit);
      cut = space > from + maxChars / 2 ? space + 1 : limit;
    }
    ranges.push([from, trimEnd(text, from, cut)]);
    from = cut;
  }
  if (end > from) ranges.push([from, end]);
  return ranges;
}

function trimEnd(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && /\s/.test(text[end - 1] ?? '')) end--;
  return end;
}
