/**
 * Words that carry no topic in a question: English function words plus the filler of chat questions
 * ("can someone tell me…", "pls", "btw"), and "e.g." and "i.e." as they are read ("eg", "ie"), as "etc" is.
 * Negations and words like "not", "free", "only" stay: they change answers.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any anyone anything are aren as at be because been before being
  below between both but by can cannot could couldn did didn do does doesn doing don down during each else etc ever
  every few for from further get gets getting got had hadn has hasn have haven having he her here hers herself him
  himself his how however i if in into is isn it its itself just let lets like ll may me might mine more most must my
  myself need needs nor now of off on once one onto or other ought our ours ourselves out over own per please re really
  s same shall shan she should shouldn so some someone something still such t than thank thanks that the their theirs
  them themselves then there these they this those through to too under until up upon us ve very via want wants was
  wasn way we were weren what whats when where whether which while who whom whose why will with within without won
  would wouldn yet you your yours yourself yourselves hi hey hello tell know anybody somebody guys folks team question questions
  sorry d m o y ok okay pls plz thx ty btw fyi asap imo imho afaik tbh iirc vs versus eg ie`
    .split(/\s+/)
    .filter(Boolean)
    .concat(contractionsWithoutApostrophe()),
);

/**
 * English contractions typed without the apostrophe, as chat questions are ("dont", "didnt", "im", "youre", "thats"):
 * written with it, each is two stop words ("don" and "t"), so without it, it is one. From the closed class of English
 * contractions: "n't" after an auxiliary, "'m" after "I", "'ve" and "'re" after a pronoun or modal, "'s" after a
 * pronoun or question word. Not "'ll" or "'d", which would make stop words of "well", "shell", "id" and "shed".
 */
function contractionsWithoutApostrophe(): string[] {
  const endings: Record<string, string> = {
    t: 'don didn doesn isn aren wasn weren hasn haven hadn shouldn wouldn couldn won can shan mustn needn mightn',
    m: 'i',
    ve: 'i you we they could would should might must',
    re: 'you we they',
    s: 'that there here what where who how when it he she let',
  };
  return Object.entries(endings).flatMap(([ending, words]) => words.split(' ').map((word) => word + ending));
}
