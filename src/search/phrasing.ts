/**
 * Words that shape a question rather than name its topic ("what does ECS stand for", "difference between
 * EC2 and Fargate"). When the notes never use one, it is dropped instead of counting as a topic the notes
 * lack; when they do use it, it is searched like any other word.
 */
export const PHRASING_WORDS: ReadonlySet<string> = new Set(
  `stand stands mean means meaning meant difference differences diff diffs different differ differs compare compared
  comparison versus vs explain explained describe purpose example examples happen happens happened possible able best
  recommended recommend supposed exactly actually basically idea thing things stuff kind sort usually normally
  generally typically overview summary info details detail much many`
    .split(/\s+/)
    .filter(Boolean),
);
