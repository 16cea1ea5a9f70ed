import { describe, expect, it } from 'vitest';
import { withoutComments } from '../../src/knowledge/comments.js';
import { indexNotes } from '../../src/knowledge/build.js';
import { composeAnswer } from '../../src/answer/compose.js';
import { search } from '../../src/search/search.js';

const lines = (text: string) => text.split('\n');

describe('withoutComments', () => {
  it.each([
    ['an HTML comment', 'Releases are cut on Tuesdays. <!-- Bob used to cut them -->', 'Bob'],
    ['an Obsidian comment', 'Releases are cut on Tuesdays. %% Bob used to cut them %%', 'Bob'],
  ])('blanks %s, and keeps the rest of the line', (_, text, hidden) => {
    const visible = withoutComments(text);
    expect(visible).not.toContain(hidden);
    expect(visible).toContain('Releases are cut on Tuesdays.');
    expect(visible).toHaveLength(text.length);
  });

  it('blanks a comment over several lines and keeps every line where it was', () => {
    const text = ['# Release', '<!--', 'draft: ask Bob', '-->', 'Cut on Tuesdays.', '%%', 'rota in PagerDuty', '%%', 'End.'].join('\n');
    const visible = withoutComments(text);
    expect(lines(visible)).toHaveLength(lines(text).length);
    expect(lines(visible)[4]).toBe('Cut on Tuesdays.');
    expect(lines(visible)[8]).toBe('End.');
    expect(visible).not.toMatch(/Bob|PagerDuty/);
  });

  it('leaves code as written: fenced blocks, code spans, and an opener with no close before a fence', () => {
    const fenced = ['```html', '<!-- a comment in an example -->', '```', 'printf uses `"%%"` for a percent sign, and so does `"%%d"`.'].join('\n');
    expect(withoutComments(fenced)).toBe(fenced);
    const unclosed = ['CPU at 100%% is fine.', '```', 'printf "%%"', '```'].join('\n');
    expect(withoutComments(unclosed)).toBe(unclosed);
  });

  it('leaves front matter alone: it is YAML, where "%%" may be a value', () => {
    const text = ['---', 'format: "%%Y"', 'note: "%% kept %%"', '---', 'Body %% hidden %% text.'].join('\n');
    const visible = withoutComments(text);
    expect(lines(visible).slice(0, 4)).toEqual(lines(text).slice(0, 4));
    expect(visible).not.toContain('hidden');
  });
});

describe('notes with comments', () => {
  const text = ['# Release process', '', '<!-- TODO: the old release manager was Bob -->', 'Releases are cut every second Tuesday by the release captain.', '', '%% ask Priya before changing this %%'].join('\n');
  const { index, notes } = indexNotes([{ file: 'release.md', text }]);
  const ask = (question: string) => composeAnswer(question, search(index, question, { limit: 32 }), index, { top: 3 });

  it('neither finds nor quotes what a comment hides, and cites the lines where they stand', () => {
    const answer = ask('when are releases cut');
    expect(answer.found).toBe(true);
    expect(answer.citations[0]?.snippet).toBe('Releases are cut every second Tuesday by the release captain.');
    expect(answer.citations[0]?.startLine).toBe(4);
    expect(ask('who was the old release manager bob').found).toBe(false);
    expect(ask('who should i ask priya').citations.map((citation) => citation.snippet).join('\n')).not.toContain('Priya');
  });

  it('keeps the note as the file has it, so an edit is still told from a rewrite of the same text', () => {
    expect(notes[0]?.text).toBe(text);
  });
});

describe("Logseq's own block properties", () => {
  it('blanks a folded block\'s `collapsed::` and a referenced block\'s `id::`, and no other property', () => {
    const text = ['- Retention is 7 days', '  collapsed:: true', '- Lag alerts at 10k', '  id:: 6612a0f3-1c2b-4e5f-9a8b-1234567890ab', '- owner:: [[Team Platform]]'].join('\n');
    const visible = lines(withoutComments(text));
    expect(visible).toHaveLength(5);
    expect(visible[1]?.trim()).toBe('');
    expect(visible[3]?.trim()).toBe('');
    expect(visible[4]).toBe('- owner:: [[Team Platform]]');
  });
});
