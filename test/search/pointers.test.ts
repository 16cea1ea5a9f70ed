import { describe, expect, it } from 'vitest';
import { indexNotes } from '../../src/knowledge/build.js';
import { applyNoteEdit } from '../../src/knowledge/update.js';
import { LARGE_NOTES_SECTIONS } from '../../src/search/notes-size.js';
import { onlyPointsElsewhere } from '../../src/search/pointers.js';
import { search } from '../../src/search/search.js';
import { indexAmongLargeNotes } from './large-notes.js';
import type { Chunk } from '../../src/types.js';

const chunkOf = (text: string) => ({ text }) as Chunk;

describe('a piece that only points elsewhere', () => {
  it.each([
    ['For more information around browser support, see the [Service Manual](https://www.gov.uk/service-manual).', true],
    ['See the runbook.\n\n- Refer to the on-call page for the rota.', true],
    ['More details in #deploys.', true],
    ['We support the last two versions of every browser. See the matrix for the rest.', false],
    ['Seeding the database takes ten minutes.', false],
    ['', false],
  ])('%j: %s', (text, expected) => {
    expect(onlyPointsElsewhere(chunkOf(text))).toBe(expected);
  });

  it("is not the section's piece to quote when another piece says it", () => {
    // As a real manual of 1,600 sections showed it: the page's answer, a paragraph on internal apps, then a pointer
    // to a page elsewhere that names the same words.
    const page = [
      '# Which browsers we support',
      '',
      'Our public site [shares the browser support matrix of the design system](https://design.example.org/#browser-support) for pages served to the general public.',
      '',
      'If the application you are working on is aimed at internal users rather than the general public, look at your analytics data and check which browsers your users are using. Then you can make an informed decision about which browsers to test with, and write it down in the README of the application, with the date you looked.',
      '',
      'For more information around browser support, see the standards page about [designing for different browsers and devices](https://standards.example.org/browsers-and-devices).',
      '',
    ].join('\n');
    const index = indexAmongLargeNotes({ 'browser-support.md': page });
    expect(index.unitCount).toBeGreaterThanOrEqual(LARGE_NOTES_SECTIONS);
    const quoted = (ranking: { pointerFactor?: number }) => search(index, 'which browsers do we support', { ranking }).hits[0]?.chunk.text ?? '';
    expect(quoted({ pointerFactor: 1 })).toMatch(/^For more information/);
    expect(quoted({})).toContain('browser support matrix');
  });

  describe('among sections', () => {
    // As the same manual showed it: a page on something else holds a section that only points to the page on
    // environment syncs elsewhere, and outranked the page on the environments.
    const environments = [
      '---',
      'title: Our environments (integration, staging, production)',
      '---',
      '',
      'The platform has several environments with different purposes. By _environment_, we mean:',
      '',
      '- a self-contained, running instance of all the software of the platform',
      '- the cloud account and network which hosts that instance',
      '- the configuration (settings) for that instance',
      '',
      'This document describes each environment and its uses. Data is synced nightly from production to staging.',
      '',
      'Developers also run the whole stack locally on laptops or workstations, with seeded data and stubbed queues.',
      '',
    ].join('\n');
    const indexes = '# Fix out-of-date search indexes\n\n## Rebuild the index\n\nRun the rebuild task against the search cluster.\n\n## Environment syncs\n\nFor more information on environment syncs across the platform see https://docs.example.org/environment-syncs.html\n';
    const index = indexAmongLargeNotes({ 'environments.md': environments, 'search-indexes.md': indexes });
    const first = (question: string, ranking: { pointerFactor?: number } = {}) => search(index, question, { ranking }).hits[0]?.chunk.file;

    it('a section that only points elsewhere ranks below one that says it', () => {
      expect(first('what environments does the platform have', { pointerFactor: 1 })).toBe('search-indexes.md');
      expect(first('what environments does the platform have')).toBe('environments.md');
    });

    it('keeps its place for a question of where something is, which a pointer answers', () => {
      expect(first('where are environment syncs described')).toBe('search-indexes.md');
    });

    it('reads the pieces an edit adds for themselves, not as the pieces they replace', () => {
      // Readings are kept by piece id: an edit's pieces take new ids, so the pointer read before says nothing of them.
      const files = [
        { file: 'environments.md', text: environments },
        { file: 'search-indexes.md', text: indexes },
        ...Array.from({ length: LARGE_NOTES_SECTIONS }, (_, i) => ({ file: `filler-${i}.md`, text: `# Widget ${i}\n\nwidget${i} ships as chart${i}.` })),
      ];
      const knowledge = { ...indexNotes(files), skipped: [], buildMs: 0, builtAt: new Date() };
      const firstIn = (question: string) => search(knowledge.index, question).hits[0]?.chunk.file;
      expect(firstIn('what environments does the platform have')).toBe('environments.md');
      const stated = indexes.replace(/For more information on environment syncs .*\n/, 'The platform has environments for integration, staging and production, and each has its own data.\n');
      applyNoteEdit(knowledge, { loaded: [{ file: 'search-indexes.md', text: stated }], removed: [], skipped: [] });
      expect(search(knowledge.index, 'what environments does the platform have').hits.find((hit) => hit.chunk.file === 'search-indexes.md')?.chunk.text).toMatch(/^The platform has environments/);
      expect(firstIn('what environments does the platform have')).toBe('search-indexes.md');
    });
  });
});
