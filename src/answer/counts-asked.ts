import { tokenize } from '../search/analyze.js';

/**
 * A number as a count is written: digits ("24", "1,000", "2.5") or a number word ("three starter tasks"). Not a digit
 * of a name ("EC2", "k8s"), a version ("1.29.3") or a number inside a path or an address.
 */
const COUNT = /(?<![\p{L}\d_.:/-])(?:\d[\d,]*(?:\.\d+)?(?![\d.]*\d)|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|dozen)\b)(?![\p{L}_])/giu;
/** What ends the words a count can apply to: the end of a sentence, a clause or a table cell. */
const BREAK = /[.!?;:|()\n]/u;
/** The words read after a count: "24 credit hours", "1,000 active channels", "two more weeks of leave". */
const WORDS_AFTER = 3;

/**
 * Whether a text counts something the question names: a number, then one of `stems` among the few words after it,
 * within its clause ("up to 24 credit hours", "over 1,000 channels"). A number beside other words ("one pay period"
 * for "how many credit hours") or a count said in words ("multiple channels") counts nothing asked.
 */
export function countsOneOf(text: string, stems: ReadonlySet<string>): boolean {
  if (stems.size === 0) return false;
  for (const match of text.matchAll(COUNT)) {
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 80);
    const clause = after.split(BREAK, 1)[0] ?? '';
    const words = tokenize(clause).slice(0, WORDS_AFTER);
    if (words.some((word) => stems.has(word.stem))) return true;
  }
  return false;
}
