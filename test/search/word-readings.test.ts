import { describe, expect, it } from 'vitest';
import { indexNotes } from '../../src/knowledge/build.js';
import { applyNoteEdit } from '../../src/knowledge/update.js';
import { keptByWord } from '../../src/search/kept-by-word.js';
import { analyzeQuery } from '../../src/search/query.js';
import { search } from '../../src/search/search.js';
import { readingOf } from '../../src/search/word-readings.js';

const notes = (text: Record<string, string>) => Object.entries(text).map(([file, body]) => ({ file, text: body }));

describe('the readings kept per word', () => {
  it('works a word out once per index, and hands out copies the question may weigh in place', () => {
    const { index } = indexNotes(notes({ 'a.md': 'Fargate runs each pod on a node of its own.' }));
    let reads = 0;
    const read = () => {
      reads++;
      return [{ stem: 'fargat', id: 0, weight: 1 }];
    };
    const first = readingOf(index, 'fargate', read);
    (first?.[0] ?? { weight: 0 }).weight = 0.01;
    expect(readingOf(index, 'fargate', read)).toEqual([{ stem: 'fargat', id: 0, weight: 1 }]);
    expect(reads).toBe(1);
    expect(readingOf(index, 'ecs', () => undefined)).toBeUndefined();
    expect(readingOf(index, 'ecs', read)).toBeUndefined();
    expect(reads).toBe(1);
    // Another index reads the word for itself.
    readingOf(indexNotes(notes({ 'b.md': 'Fargate.' })).index, 'fargate', read);
    expect(reads).toBe(2);
  });

  it('reads a word afresh once the notes change', () => {
    const knowledge = { ...indexNotes(notes({ 'a.md': 'The wombat sleeps in the burrow.' })), skipped: [], buildMs: 0, builtAt: new Date() };
    // "quokka" is no word of the notes yet, and "quokkas" a slip of none of theirs.
    expect(analyzeQuery(knowledge.index, 'quokkas').groups[0]?.terms).toEqual([]);
    applyNoteEdit(knowledge, { loaded: [{ file: 'b.md', text: 'A quokka smiles at the camera.' }], removed: [], skipped: [] });
    expect(analyzeQuery(knowledge.index, 'quokkas').groups[0]?.terms.map((term) => term.stem)).toEqual(['quokka']);
    expect(search(knowledge.index, 'quokkas').hits[0]?.chunk.file).toBe('b.md');
  });

  it('keeps a pure reading by word, within a bound', () => {
    const calls: string[] = [];
    const upper = keptByWord((word) => {
      calls.push(word);
      return word.length > 3 ? word.toUpperCase() : undefined;
    }, 2);
    expect([upper('abcd'), upper('abcd'), upper('ab'), upper('ab')]).toEqual(['ABCD', 'ABCD', undefined, undefined]);
    expect(calls).toEqual(['abcd', 'ab']);
    upper('xyzw');
    upper('abcd');
    expect(calls).toEqual(['abcd', 'ab', 'xyzw', 'abcd']);
  });
});
