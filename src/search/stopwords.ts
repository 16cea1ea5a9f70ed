/**
 * Words that carry no topic in a question: English function words plus the filler of chat questions
 * ("can someone tell me…", "pls", "btw"). Negations and words like "not", "free", "only" stay: they change answers.
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
  would wouldn yet you your yours yourself yourselves hi hey hello tell know anybody somebody guys folks team question
  sorry d m o y ok okay pls plz thx ty btw fyi asap imo imho afaik tbh iirc vs versus`
    .split(/\s+/)
    .filter(Boolean),
);
