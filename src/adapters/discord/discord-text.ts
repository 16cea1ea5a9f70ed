/**
 * Turns the content of a Discord message into a plain question: the bot's own mention removed, and the markup a
 * person sees as a name or a picture dropped (mentions of people, roles and channels by id, custom emoji, timestamps,
 * command mentions). No note is about an id, and a word the notes lack counts against every answer. `@everyone`
 * and `@here` are plain text and stay.
 */
export function questionFromDiscord(content: string, botId: string): string {
  return content
    .replace(new RegExp(`<@!?${botId}>`, 'g'), ' ')
    .replace(DISCORD_MARKUP, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const DISCORD_MARKUP = /<(?:@[!&]?\d+|#\d+|a?:\w+:\d+|t:-?\d+(?::[tTdDfFR])?|\/[\w -]+:\d+)>/g;
