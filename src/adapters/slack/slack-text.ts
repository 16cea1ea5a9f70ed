import { decodeEntities } from '../../render/entities.js';
import { escapeRegExp } from '../../escape-regexp.js';

/**
 * Turns the text of a Slack message or slash command into a plain question: the bot's own mention removed,
 * `<@U…|name>`, `<#C…|name>`, `<!here>` and `<url|label>` tokens reduced to what a person sees, entities decoded.
 * A person's bare id (`<@U…>`, as Slack sends mentions now) and emoji codes (`:thinking_face:`) are dropped: no
 * note is about them, and a word the notes lack counts against every answer.
 * Whatever comes out is plain text; renderers escape it again before it goes back to Slack.
 */
export function questionFromSlack(text: string, botUserId?: string): string {
  let question = text;
  if (botUserId !== undefined && botUserId !== '') {
    question = question.replace(new RegExp(`<@${escapeRegExp(botUserId)}(?:\\|[^>]*)?>`, 'g'), ' ');
  } else {
    question = question.replace(/^\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>/, ' ');
  }
  return decodeEntities(question.replace(/<([^<>]*)>/g, (_, inner: string) => readToken(inner)))
    .replace(EMOJI_CODE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `:name:` standing as a word of its own, skin tone included (`:wave::skin-tone-2:`); not `a:b:c` inside a word. */
const EMOJI_CODE = /(?<=^|\s)(?::[a-z0-9_+'-]+:)+(?=\s|$|[?!.,])/gi;

function readToken(inner: string): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? undefined : inner.slice(bar + 1);
  if (target.startsWith('@')) return label ? `@${label.replace(/^@/, '')}` : '';
  if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
  if (target.startsWith('!')) {
    const special = /^!(channel|here|everyone)\b/.exec(target);
    if (special) return `@${special[1]}`;
    return label ?? '';
  }
  if (label) return label;
  return target.replace(/^mailto:/, '');
}
