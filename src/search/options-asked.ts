import { asksWhatItIs } from './answer-cues.js';

/**
 * Words that ask for the choices there are ("ecs compute options", "which compute choices can sit underneath ECS?",
 * "ways of running containers"). The answer is a list announced by its opening line ("We can use ECS with:", then
 * EC2 and Fargate), which seldom says "options": the word asks for the form of the answer, as "url" does for a web
 * address. Plural only: "is there an option to skip the freeze?" asks whether one setting exists.
 */
export const OPTION_WORDS: ReadonlySet<string> = new Set(['options', 'choices', 'alternatives', 'ways']);

/** Not a name written as code: `--options`, `pod.options`, `options:` in a config. */
const OPTION_WORD = new RegExp('(?<![-_.`/\\w])(?:' + [...OPTION_WORDS].join('|') + ')(?![-_.`(:\\w])', 'i');

/** Whether a question asks what the choices are: not how to do something, why, or whether. */
export function asksForOptions(question: string): boolean {
  return OPTION_WORD.test(question) && asksWhatItIs(question);
}

/** A line that ends in a colon ("We can use `ECS` with:", "**Options:**"), then at least two list items. */
const ANNOUNCED_LIST = /:(?:\*\*|__)?[ \t]*\n(?:[ \t]*\n)*(?:[ \t]*(?:[-*+]|\d+[.)])[ \t]+\S[^\n]*(?:\n|$)(?:[ \t]*\n)*){2,}/;

/** Whether a text holds a list announced by the line before it, the form a question of choices is answered in. */
export function holdsAnnouncedList(text: string): boolean {
  return ANNOUNCED_LIST.test(text);
}
