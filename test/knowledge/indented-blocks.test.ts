import { describe, expect, it } from 'vitest';
import { withIndentedBlocksRead } from '../../src/knowledge/indented-blocks.js';

const lines = (text: string) => text.split('\n');

describe('withIndentedBlocksRead', () => {
  it.each([
    ['an admonition', '!!! warning "Never run FLUSHALL"'],
    ['a folded admonition', '??? tip "Checking replication lag"'],
    ['an open folded admonition', '???+ note'],
    ['a content tab', '=== "Staging"'],
  ])('moves the body of %s out of its indent, every line where it was', (_, opener) => {
    const text = [opener, '', '    FLUSHALL drops every session.', '', '    - use --scan instead', '', 'After the box.'].join('\n');
    expect(lines(withIndentedBlocksRead(text))).toEqual([opener, '', 'FLUSHALL drops every session.', '', '- use --scan instead', '', 'After the box.']);
  });

  it('reads boxes nested in boxes, a level at a time, and a tab as four columns', () => {
    const text = ['!!! note', '    Outer text.', '', '    !!! tip', '        Inner text.', '\tTabbed text.'].join('\n');
    expect(lines(withIndentedBlocksRead(text))).toEqual(['!!! note', 'Outer text.', '', '!!! tip', 'Inner text.', 'Tabbed text.']);
  });

  it('leaves alone an indented block under anything else, code fences and a setext heading', () => {
    const text = ['Run this:', '', '    make deploy', '', '```', '!!! note', '    not a box', '```', 'Title', '==='].join('\n');
    expect(withIndentedBlocksRead(text)).toBe(text);
  });

  it('leaves front matter alone', () => {
    const text = ['---', 'title: x', '---', '!!! note', '    Body.'].join('\n');
    expect(lines(withIndentedBlocksRead(text))).toEqual(['---', 'title: x', '---', '!!! note', 'Body.']);
  });
});
