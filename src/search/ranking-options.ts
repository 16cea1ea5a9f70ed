/**
 * Every tuning constant of the ranking, in one place. The defaults were chosen on the tune half of the
 * large FAQ dev set and checked on its report half (see docs on ranking); the search takes overrides so the
 * eval can measure what each part earns.
 */
export interface RankingOptions {
  /**
   * Rank sections (`Chunk.unit`: the text under a heading, a `---` block, or a top-level bullet of an
   * outline) rather than the small chunks that are quoted. Larger units hold more of an answer's words.
   */
  sections: boolean;
  /**
   * The fewest live sections at which sections are ranked; below it, chunks are, as with `sections` off. A
   * section's statistics (IDF among sections, their average length, question words standing near each other by
   * chance) are estimated from the collection, and a collection of a dozen sections is too few: in an outline
   * note, two long top-level bullets hold most of its words and outrank the short section that answers. The
   * count is of the whole index, live, so an edited index decides as a fresh build of the same notes does. 0
   * ranks sections at any size.
   */
  minSections: number;
  /**
   * How much the best chunk's own BM25 score adds to its section's: a large section (a long top-level
   * bullet of an outline) is then found by the piece of it that answers, not only by its total. 0 ranks by
   * the section alone.
   */
  passageWeight: number;
  /**
   * BM25TP term proximity: pairs of question words that stand within `proximityWindow` content words of
   * each other add a bounded bonus, saturating like a BM25 term. This is its weight; 0 turns it off.
   */
  proximityWeight: number;
  /** The widest gap, in content words, at which two question words still count as near. */
  proximityWindow: number;
  /**
   * How far the share of the question that the section's best chunk matches reorders the head: a score is
   * multiplied by `1 − w + w·coverage`. 0 leaves BM25's order alone.
   */
  coverageWeight: number;
  /**
   * The same, in notes of fewer than `LARGE_NOTES_SECTIONS` sections: among a few hundred sections a word's IDF says
   * less, and the share of the question a passage holds more. Chosen on the bundled and the two older team folders'
   * sets from 0.4–1 (0.5: five answers better, none worse; above 0.55 team-ml loses); in large notes 0.45 or 0.5
   * cost tune answers.
   */
  smallNotesCoverageWeight: number;
  /** Factor for a passage that opens with "Yes"/"No", on a yes/no question. 1 turns it off. */
  directAnswerBoost: number;
  /**
   * Factor for a passage that holds a short form of the question and all the words of its long form ("PIR" and
   * "post-incident review"), or a line glossing the name asked about ("**Keel**: our feature store"), on a
   * question of what it means. 1 turns it off.
   */
  definitionBoost: number;
  /**
   * Factor for a passage holding a table row that, read with the table's header, has every word of the question
   * ("slack channel for the billing team" → the billing row under "Service | Slack channel"), in notes of fewer
   * than 1,000 sections (`LARGE_NOTES_SECTIONS`). 1 turns it off.
   */
  recordBoost: number;
  /**
   * Factor for a passage under a heading that asks the question itself, as a team's FAQ page does ("Do I have to
   * install docker and ECS agent to EC2s myself?" for "do i have to install docker on ecs ec2 instances"): a
   * heading ending in "?" that holds at least `askedHeadingShare` of the question's words, by importance, whose own
   * words the question holds in the same share, and that names nothing the question does not. The same factor, in
   * notes of fewer than 1,000 sections, for a passage under a heading whose every word the question holds, those
   * words being at least `askedHeadingShare` of it ("ecs optimized ami contents" under "ECS-Optimized AMI"). 1 turns
   * both off.
   */
  askedHeadingBoost: number;
  askedHeadingShare: number;
  /**
   * Factor for a passage that names the act a question of what to do asks about ("what do I need to *install* on
   * the workers", "what do i *tock* parental leave to"), in notes of any size. 1 turns it off.
   */
  actBoost: number;
  /**
   * Factor for a passage filed under another subject than the question's, in notes of fewer than 1,000 sections: its
   * section is headed by names (words of no general English) none of which the question names, while the question
   * names one that heads a section elsewhere and the passage's text and path lack it ("ecs control plane" and EKS's
   * "Control Plane Nodes …"). 1 turns it off.
   */
  otherSubjectFactor: number;
  /**
   * Factor for a piece that only points elsewhere ("For more information …, see", "Refer to …"): when a section's
   * piece to quote is chosen, and on the score of a section or chunk whose quoted piece it is. Not for a question of
   * where something is, or of its link, which a pointer answers. 1 turns it off.
   */
  pointerFactor: number;
  /**
   * Sections rescored with the best chunk, proximity and coverage, after the first BM25 pass (at least as many
   * as the hits asked for). 20 to 100 rank the dev sets' questions alike; each rescored section costs a scan of
   * its chunks and words, the larger part of a question's time.
   */
  rescore: number;
  /** Whether neighbours written joined ("daemonsets" for "daemon sets") are looked for as a phrase. */
  phrases: boolean;
}

export const DEFAULT_RANKING: Readonly<RankingOptions> = Object.freeze({
  sections: true,
  minSections: 50,
  passageWeight: 1,
  proximityWeight: 1,
  proximityWindow: 5,
  coverageWeight: 0.4,
  smallNotesCoverageWeight: 0.5,
  directAnswerBoost: 1.75,
  // The yes/no cue's factor, not tuned: the FAQ sets ask too few such questions to tune it on.
  definitionBoost: 1.75,
  // The same factor again, not tuned: the FAQ sets hold few tables of records.
  recordBoost: 1.75,
  // Not tuned: the FAQ sets store their answers without their own question headings, and no tune rank moves.
  askedHeadingBoost: 1.75,
  askedHeadingShare: 0.6,
  // Not tuned either; where the how-to question's act was scored up so too, the FAQ tune halves lost first places.
  actBoost: 1.75,
  // Chosen on the small dev sets from 0.6 / 0.8 / 0.9, which 0.8 and 0.9 rank alike; the milder kept. No FAQ set reaches it.
  otherSubjectFactor: 0.9,
  // Not tuned: 0.8, 0.6 and 0.5 choose alike over every dev set, and a piece that says nothing of the topic is worth
  // half of one that does, at most.
  pointerFactor: 0.5,
  rescore: 30,
  phrases: true,
});
