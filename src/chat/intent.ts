/** What a turn asks for; the same words mean the same thing on every surface. */
export type Intent = 'help' | 'gaps' | 'greeting' | 'thanks' | 'question';

export function intentOf(text: string): Intent {
  const trimmed = text.trim();
  // "/help" and "!help" as a chat user types them out of habit (a terminal has no slash commands, Discord bots take "!").
  if (trimmed === '' || /^[/!]?(help|\?)[!?.]*$/i.test(trimmed)) return 'help';
  if (/^[/!]?gaps[!?.]*$/i.test(trimmed)) return 'gaps';
  return smallTalkOf(trimmed) ?? 'question';
}

/** Words that make a message a greeting, or thanks (an acknowledgement: "ok", "got it", "perfect"), on their own. */
const GREETING_WORDS: ReadonlySet<string> = new Set(['hi', 'hello', 'hey', 'heya', 'hiya', 'howdy', 'yo', 'hola', 'greetings', 'morning', 'afternoon', 'evening']);
const THANKS_WORDS: ReadonlySet<string> = new Set(['thanks', 'thank', 'thx', 'thnx', 'ty', 'tysm', 'cheers', 'ta', 'great', 'awesome', 'perfect', 'nice', 'cool', 'ok', 'okay', 'got', 'helps', 'helped', 'helpful', 'brilliant', 'excellent', 'lovely', 'appreciated']);
/** Words that go with either and say nothing alone: "thank you so much", "good morning all", "that helped, thanks again". */
const FILLER_WORDS: ReadonlySet<string> = new Set(['you', 'u', 'so', 'very', 'much', 'a', 'lot', 'many', 'again', 'it', 'that', 'this', 'really', 'good', 'there', 'all', 'everyone', 'folks', 'team', 'guys', 'lore', 'bot', 'for', 'the', 'help']);
/** 👍 🙏 🙌 👌 ❤️ 🎉 and the like, alone: thanks. */
const THANKS_EMOJI = /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f|\s)+$/u;

/**
 * A greeting ("hi!", "good morning all") or thanks ("thanks!", "great, thank you 🙏", "got it") and nothing else: a
 * message with a word of its own ("thanks, and on EKS?") is a question. Answered with a word back, not a search that
 * finds nothing to look for.
 */
function smallTalkOf(text: string): 'greeting' | 'thanks' | undefined {
  if (THANKS_EMOJI.test(text)) return 'thanks';
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu);
  if (!words || words.length > 8) return undefined;
  let greeting = false;
  let thanks = false;
  for (const word of words) {
    if (THANKS_WORDS.has(word)) thanks = true;
    else if (GREETING_WORDS.has(word)) greeting = true;
    else if (!FILLER_WORDS.has(word)) return undefined;
  }
  return thanks ? 'thanks' : greeting ? 'greeting' : undefined;
}
