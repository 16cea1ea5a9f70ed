import { describe, expect, it } from 'vitest';
import { Lexer, Tokenizer } from 'marked';
import { isMarkupHeavy, listItemRunsTooLong, maySetextHeadingOpen, nestsTooDeep, withBoundedSetextHeadings, withLinearFenceLookahead } from '../src/markdown-limits.js';

describe('nestsTooDeep', () => {
  it('holds for a line opening with over 200 characters of blanks and list or quote markers', () => {
    expect(nestsTooDeep(`${'- '.repeat(101)}x`)).toBe(true);
    expect(nestsTooDeep(`${'- '.repeat(99)}x`)).toBe(false);
    expect(nestsTooDeep(`intro\n${'1. '.repeat(70)}x\n`)).toBe(true);
    expect(nestsTooDeep(`${'> '.repeat(101)}x`)).toBe(true);
    expect(nestsTooDeep(`${' '.repeat(300)}- x`)).toBe(true);
  });

  it('does not hold for blank lines, deeply indented code or dashes that are text', () => {
    expect(nestsTooDeep(`text\n${' '.repeat(5000)}\nmore`)).toBe(false);
    expect(nestsTooDeep(`\`\`\`\n${' '.repeat(300)}code()\n\`\`\``)).toBe(false);
    expect(nestsTooDeep('-'.repeat(500))).toBe(false);
    expect(nestsTooDeep(`- ${'a - '.repeat(200)}`)).toBe(false);
  });
});

describe('isMarkupHeavy', () => {
  it('holds for long text where over a quarter of the characters are inline markup', () => {
    expect(isMarkupHeavy('[a]('.repeat(200))).toBe(true);
    expect(isMarkupHeavy('*a '.repeat(200))).toBe(true);
    expect(isMarkupHeavy('_'.repeat(1000))).toBe(true);
  });

  it('does not hold for short text, prose with links and emphasis, or code', () => {
    expect(isMarkupHeavy('[a]('.repeat(50))).toBe(false);
    const prose = 'See the [rollback runbook](https://wiki.example.com/ops/rollback) and **ask** in #ops first. '.repeat(10);
    expect(isMarkupHeavy(prose)).toBe(false);
    const code = Array.from({ length: 40 }, (_, i) => `f(a[${i}], {b: [1, 2]}) // (x)`).join('\n');
    expect(isMarkupHeavy(`Run this:\n\n\`\`\`\n${code}\n\`\`\`\n`)).toBe(false);
    expect(isMarkupHeavy(`Run \`${'[a]('.repeat(200)}\` now.`)).toBe(false);
  });
});

describe('withLinearFenceLookahead', () => {
  const lexerWith = (mend: boolean) => {
    const tokenizer = new Tokenizer();
    const lexer = new Lexer({ gfm: true, tokenizer });
    if (mend) tokenizer.rules = { ...tokenizer.rules, block: withLinearFenceLookahead(tokenizer.rules.block) };
    return { lexer, rules: tokenizer.rules.block as unknown as Record<string, unknown> };
  };

  it("mends the look-ahead for a `~` fence in marked's paragraph, table and quote rules, and leaves no such pattern", () => {
    const { rules } = lexerWith(true);
    const { rules: before } = lexerWith(false);
    for (const name of ['paragraph', 'table', 'blockquote']) expect(rules[name]).not.toBe(before[name]);
    for (const rule of Object.values(rules)) if (rule instanceof RegExp) expect(rule.source).not.toContain('~{3,})[^\\n]*\\n');
  });

  it.each([
    'zebra\n~~~~ zebra',
    'zebra\n~~~\ncode\n~~~\n',
    '> zebra\n> ~~~~~~ x\n> y\n',
    '| a | b |\n|---|---|\n| 1 | 2 |\n~~~\nx\n~~~',
    'text\n~~ not a fence\nmore',
  ])('reads %j as marked does', (markdown) => {
    expect(lexerWith(true).lexer.lex(markdown)).toEqual(lexerWith(false).lexer.lex(markdown));
  });
});

describe('isMarkupHeavy on fences', () => {
  it('leaves fenced code out, whatever the length of its fence, and counts a line of `~` that opens none', () => {
    const code = Array.from({ length: 40 }, (_, i) => `f(a[${i}], {b: [1, 2]})`).join('\n');
    expect(isMarkupHeavy(`Run:\n~~~~~\n${code}\n~~~~~\n`)).toBe(false);
    expect(isMarkupHeavy('~'.repeat(2000))).toBe(true);
  });
});

describe('listItemRunsTooLong', () => {
  it('holds for a list item that runs on for over 1,000 lines of text without a blank line', () => {
    expect(listItemRunsTooLong(`- item\n${'more\n'.repeat(1001)}`)).toBe(true);
    expect(listItemRunsTooLong(`- item\n${'  more\n'.repeat(1001)}`)).toBe(true);
  });

  it('holds for a list item of fewer lines that run on for over 100,000 characters', () => {
    expect(listItemRunsTooLong(`- item\n${`${'x'.repeat(999)}\n`.repeat(101)}`)).toBe(true);
    expect(listItemRunsTooLong(`- item\n${`${'x'.repeat(999)}\n`.repeat(99)}`)).toBe(false);
  });

  it('does not hold for a long paragraph outside lists, a long list, a blank line between, fenced code or a table', () => {
    expect(listItemRunsTooLong('line\n'.repeat(5000))).toBe(false);
    expect(listItemRunsTooLong('- item\n'.repeat(5000))).toBe(false);
    expect(listItemRunsTooLong(`- item\n${'more\n'.repeat(900)}\n${'more\n'.repeat(900)}`)).toBe(false);
    expect(listItemRunsTooLong(`- item\n  \`\`\`\n${'  code\n'.repeat(3000)}  \`\`\`\n`)).toBe(false);
    expect(listItemRunsTooLong(`- item\n  | a | b |\n  |---|---|\n${'  | 1 | 2 |\n'.repeat(3000)}`)).toBe(false);
  });
});

describe('setext headings', () => {
  it('may open only where an underline closes the text within 64 lines, before a blank line', () => {
    expect(maySetextHeadingOpen('Title\n=====\n')).toBe(true);
    expect(maySetextHeadingOpen('Two line\ntitle\n---\n')).toBe(true);
    expect(maySetextHeadingOpen('Title\n\n===\n')).toBe(false);
    expect(maySetextHeadingOpen('just text')).toBe(false);
    expect(maySetextHeadingOpen(`${'line\n'.repeat(70)}===\n`)).toBe(false);
  });

  it('are read as marked reads them, but for a heading of more than 64 lines', () => {
    const lex = (markdown: string, bounded: boolean) => {
      const tokenizer = new Tokenizer();
      return new Lexer({ gfm: true, tokenizer: bounded ? withBoundedSetextHeadings(tokenizer) : tokenizer }).lex(markdown);
    };
    for (const markdown of ['Title\n===\n\ntext', '- item\n  Title\n  ---\n', 'a\nb\n---\nc', '- a\n  b\nc\nd\n']) expect(lex(markdown, true)).toEqual(lex(markdown, false));
    const long = `${'line\n'.repeat(70)}===\n`;
    expect(lex(long, false)[0]?.type).toBe('heading');
    expect(lex(long, true)[0]?.type).toBe('paragraph');
  });
});
