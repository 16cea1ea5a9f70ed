import { describe, expect, it } from 'vitest';
import { composeAnswer } from '../../src/answer/compose.js';
import { indexNotes } from '../../src/knowledge/build.js';
import { pageProperties } from '../../src/knowledge/page-properties.js';
import { search } from '../../src/search/search.js';

const kafka = [
  'title:: Kafka',
  'alias:: kafka cluster, [[event bus]]',
  'tags:: #infra, [[streaming]]',
  'owner:: [[Team Platform]]',
  '',
  '- ## Topics',
  '\t- Retention is 7 days on all topics except `audit.*`, which keeps 365 days',
  '- ## Consumers',
  '\t- Lag alerts fire at 10k messages for 5 minutes',
].join('\n');

describe('pageProperties', () => {
  it("reads a Logseq page's title, aliases and tags as front matter, and leaves its other properties in the text", () => {
    const properties = pageProperties(kafka);
    expect(properties?.meta).toMatchObject({ title: 'Kafka', aliases: ['kafka cluster', 'event bus'], tags: ['infra', 'streaming'] });
    const lines = properties?.text.split('\n') ?? [];
    expect(lines).toHaveLength(kafka.split('\n').length);
    expect(lines.slice(0, 3).every((line) => line.trim() === '')).toBe(true);
    expect(lines[3]).toBe('owner:: [[Team Platform]]');
  });

  it('reads nothing from a note that does not open with properties', () => {
    expect(pageProperties('# Kafka\n\ntitle:: not a page property here')).toBeUndefined();
    expect(pageProperties('---\ntitle: Kafka\n---\nbody')).toBeUndefined();
  });

  it('answers by the page\'s lines, not by the line that names it', () => {
    const { index, notes } = indexNotes([{ file: 'pages/Kafka.md', text: kafka }]);
    expect(notes[0]?.meta.aliases).toContain('event bus');
    const question = 'event bus retention';
    const answer = composeAnswer(question, search(index, question, { limit: 32 }), index, { top: 3 });
    expect(answer.found).toBe(true);
    expect(answer.citations[0]?.snippet).toContain('Retention is 7 days');
    expect(answer.citations[0]?.snippet).not.toContain('alias::');
  });
});
