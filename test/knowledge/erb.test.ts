import { describe, expect, it } from 'vitest';
import { withErbRead } from '../../src/knowledge/erb.js';
import { prepareNote } from '../../src/knowledge/build.js';
import { DEFAULT_CHUNK_OPTIONS } from '../../src/knowledge/chunk.js';

const page = (body: string) => ['---', 'title: Namespace resource limits', 'review_in: 6 months', '---', '', ...body.split('\n')].join('\n');
const bodyLines = (text: string) => text.split('\n').slice(5);

describe('withErbRead', () => {
  it("shows the front matter's title where the page prints it", () => {
    expect(bodyLines(withErbRead(page('# <%= current_page.data.title %>\n\nText.')))).toEqual(['# Namespace resource limits', '', 'Text.']);
  });

  it.each([
    ['a block tag', '<% content_for :sidebar do %>'],
    ['an end tag', '<% end %>'],
    ['a partial, which includes another file', "<%= partial 'partials/links' %>"],
    ['a comment', '<%# reviewed by the platform team %>'],
    ['a tag closed with -%>', '<% if x -%>'],
  ])('blanks a line of %s alone, keeping the line', (_, line) => {
    const shown = bodyLines(withErbRead(page(`Before.\n${line}\nAfter.`)));
    expect(shown).toEqual(['Before.', ' '.repeat(line.length), 'After.']);
  });

  it('shows quoted words that hold the other kind of quote', () => {
    const line = `<%= warning_text('Make the repo <a href="https://example.com/visibility">private</a> first') %>`;
    expect(bodyLines(withErbRead(page(line)))).toEqual(['Make the repo <a href="https://example.com/visibility">private</a> first']);
  });

  it('shows the words a helper is handed in quotes', () => {
    const shown = bodyLines(withErbRead(page("<%= warning_text('Never share the admin key') %>\nSee <%= link_to 'the runbook', '/runbook' %> first.")));
    expect(shown).toEqual(['Never share the admin key', 'See the runbook first.']);
  });

  it('shows nothing for a title the front matter lacks, and reads <%% as a literal <%', () => {
    const text = '# <%= current_page.data.title %>\n\nWrite `<%%= x %>` to print x.';
    expect(withErbRead(text).split('\n')).toEqual(['                                ', '', 'Write `<%= x %>` to print x.']);
  });

  it('leaves a note without tags as it is', () => {
    const text = page('# Title\n\nNo templates here.');
    expect(withErbRead(text)).toBe(text);
  });
});

describe('a templated Markdown note', () => {
  const text = page('# <%= current_page.data.title %>\n\n## Defaults\n\nEach container requests 10m of CPU by default.');

  it('is headed by its title in the section path, and its template tags are not its words', () => {
    const { drafts } = prepareNote({ file: 'concepts/namespace-limits.html.md.erb', text }, DEFAULT_CHUNK_OPTIONS);
    const last = drafts.at(-1);
    expect(last?.section).toEqual(['Namespace resource limits', 'Defaults']);
  });

  it('is read as written when it is not run through ERB', () => {
    const { drafts } = prepareNote({ file: 'concepts/namespace-limits.md', text }, DEFAULT_CHUNK_OPTIONS);
    expect(drafts.at(-1)?.section).toEqual(['<%= current_page.data.title %>', 'Defaults']);
  });
});
