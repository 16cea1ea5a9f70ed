import { describe, expect, it } from 'vitest';
import { parseFrontMatter, parseYamlFrontMatter, simpleFrontMatter } from '../../src/knowledge/frontmatter.js';
import { processWarningsDuring } from '../process-warnings.js';

describe('front matter read without the YAML parser', () => {
  it.each([
    'title: Rolling back a deploy',
    'title: Runbook\ntags: [deploy, ops]',
    'tags: [ deploy ,ops ]\naliases: [roll back, undo release]\ntitle: x1 v2.3 a_b c-d',
    'tags: deploy\naliases: []',
    'title: foo  bar.',
    'title: e10\ntags: [Infinity, NaN]',
  ])('reads %j as YAML does', (text) => {
    expect(simpleFrontMatter(text)).toBeDefined();
    expect(parseFrontMatter(text)).toEqual(parseYamlFrontMatter(text));
  });

  it.each([
    ['a boolean', 'title: true'],
    ['a YAML 1.1 boolean in a list', 'tags: [ops, Yes]'],
    ['a number', 'title: 12'],
    ['a repeated key', 'title: a\ntitle: b'],
    ['a list as title', 'title: [a, b]'],
    ['an empty item', 'tags: [a, , b]'],
    ['a trailing comma', 'tags: [a, b,]'],
    ['a comment', 'title: a # b'],
    ['a quoted value', 'title: "a"'],
    ['another key', 'title: a\nqueries: [how]'],
    ['a blank line', 'title: a\n'],
    ['a trailing space', 'title: a '],
    ['two spaces after the colon', 'title:  a'],
    ['a block list', 'tags:\n  - a'],
    ['a comma in a plain value', 'tags: a, b'],
    ['nothing', ''],
  ])('leaves %s to the YAML parser', (_, text) => {
    expect(simpleFrontMatter(text)).toBeUndefined();
    expect(parseFrontMatter(text)).toEqual(parseYamlFrontMatter(text));
  });

  it('agrees with the YAML parser on generated front matter', () => {
    const pieces = ['a', 'Zed', 'b', 'x1', 'word', ' y', 'v2.3', 'a_b', 'c-d', 'true', 'no', 'Null', '1', '0x1F', '.inf', ' ', '  ', ',', '#', ':', '[', ']', '-', '.', "'", '~'];
    let seed = 7;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const words = () => Array.from({ length: 1 + next(4) }, () => pieces[next(pieces.length)]).join('');
    let readSimply = 0;
    for (let i = 0; i < 3000; i++) {
      const lines = Array.from({ length: 1 + next(3) }, () => {
        const key = ['title', 'tags', 'aliases'][next(3)];
        return next(2) === 0 ? `${key}: ${words()}` : `${key}: [${Array.from({ length: next(4) }, words).join(next(2) ? ', ' : ',')}]`;
      });
      const text = lines.join('\n');
      if (simpleFrontMatter(text)) readSimply++;
      expect(parseFrontMatter(text), text).toEqual(parseYamlFrontMatter(text));
    }
    expect(readSimply).toBeGreaterThan(200);
  });
});

describe('front matter keywords', () => {
  it('reads keywords, as static-site generators write them, among the tags', () => {
    const read = parseFrontMatter('title: Leaving\nkeywords: quit, quitting, resign\ntags: [people, quit]');
    expect(read.ok).toBe(true);
    expect(read.meta.tags).toEqual(['people', 'quit', 'quitting', 'resign']);
  });

  it('reads a list of keywords as a list of tags', () => {
    expect(parseFrontMatter('keywords:\n  - out of office\n  - leave').meta.tags).toEqual(['out of office', 'leave']);
  });
});

describe('front matter the YAML parser warns about', () => {
  // A process warning would reach stderr outside the log; what lore cannot read is the note's problem instead.
  it.each([
    ['read', 'title: Incidents\n!!foo tags: ops', true],
    ['reported as the note\'s problem where it cannot be read', 'title: Incidents\n**PIR**: post-incident review', false],
  ])('is %s, without a process warning', async (_, text, ok) => {
    let read: ReturnType<typeof parseFrontMatter> | undefined;
    const warnings = await processWarningsDuring(() => {
      read = parseFrontMatter(text);
    });
    expect(warnings).toEqual([]);
    expect(read?.ok).toBe(ok);
    expect(read?.meta.title).toBe(ok ? 'Incidents' : undefined);
  });
});
