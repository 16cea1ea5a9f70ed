/** Slack's documented limits that lore's messages have to fit in. */
export const SLACK_LIMITS = Object.freeze({
  /** `text` of a section block. */
  sectionText: 3000,
  /** `text` of one context block element. */
  contextText: 3000,
  /** Blocks in one message. */
  blocks: 50,
  /** `value` of a button. */
  buttonValue: 2000,
  /** `text` of a button (plain_text). */
  buttonText: 75,
});
