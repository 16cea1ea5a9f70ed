import type { Token, TokenizerExtension, Tokens } from 'marked';

/** `[^label]` in text: shown as `[label]`. */
export interface FootnoteReference extends Tokens.Generic {
  type: 'footnoteReference';
  label: string;
  /** What plain text shows: `[label]`. */
  text: string;
}

/** `[^label]: text`, with its indented continuation lines: listed after the note. */
export interface FootnoteDefinition extends Tokens.Generic {
  type: 'footnoteDefinition';
  label: string;
  tokens: Token[];
}

const DEFINITION = /^\[\^([^\]\s]+)\]:[ \t]*([^\n]*(?:\n(?: {2,}|\t)[^\n]*)*)(?:\n|$)/;
const DEFINITION_ANYWHERE = /^\[\^[^\]\s]+\]:/m;
const REFERENCE = /^\[\^([^\]\s]+)\]/;

/**
 * GFM footnotes, which marked does not read: without these, `[^1]` and `[^1]: …` reach chat as written. A
 * definition also ends the paragraph before it, as on GitHub.
 */
export const FOOTNOTES: TokenizerExtension[] = [
  {
    name: 'footnoteDefinition',
    level: 'block',
    start: (src) => DEFINITION_ANYWHERE.exec(src)?.index,
    tokenizer(src) {
      const match = DEFINITION.exec(src);
      if (!match) return undefined;
      const token: FootnoteDefinition = { type: 'footnoteDefinition', raw: match[0], label: match[1] ?? '', tokens: [] };
      this.lexer.inline((match[2] ?? '').replace(/\n[ \t]+/g, '\n').trim(), token.tokens);
      return token;
    },
  },
  {
    name: 'footnoteReference',
    level: 'inline',
    start: (src) => {
      const at = src.indexOf('[^');
      return at < 0 ? undefined : at;
    },
    tokenizer(src) {
      const match = REFERENCE.exec(src);
      if (!match) return undefined;
      const label = match[1] ?? '';
      const token: FootnoteReference = { type: 'footnoteReference', raw: match[0], label, text: `[${label}]` };
      return token;
    },
  },
];

export function isFootnoteReference(token: Token): token is FootnoteReference {
  return token.type === 'footnoteReference';
}

export function isFootnoteDefinition(token: Token): token is FootnoteDefinition {
  return token.type === 'footnoteDefinition';
}
