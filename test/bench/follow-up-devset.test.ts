import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EvalInputError } from '../../bench/eval-input.js';
import { halfOf, readConversations, scoreConversations } from '../../bench/follow-up-devset.js';
import { followUpFolders } from '../../bench/follow-up-readings.js';
import type { Answer } from '../../src/types.js';

describe.each(followUpFolders().flatMap((folder) => folder.files.map((file) => ({ folder, ...file }))))('$folder.name $kind', ({ folder, path }) => {
  it('has conversations of two turns or more, answered on lines that exist in their files, and some not answered', () => {
    const conversations = readConversations(path);
    expect(conversations.filter((c) => c.answer).length).toBeGreaterThanOrEqual(4);
    expect(conversations.filter((c) => !c.answer).length).toBeGreaterThanOrEqual(1);
    const beyond = (file: string, [start, end]: [number, number]) => {
      const note = join(folder.knowledgeDir, file);
      return !existsSync(note) || end > readFileSync(note, 'utf8').split('\n').length || start > end;
    };
    const outside = conversations.filter(({ answer }) => answer && [answer.lines, ...(answer.or ?? [])].some((range) => beyond(answer.file, range)));
    expect(outside.map((c) => c.turns.join(' / '))).toEqual([]);
    expect(conversations.every((c) => c.turns.length >= 2)).toBe(true);
  });
});

describe('reading follow-up sets', () => {
  const write = (value: unknown) => {
    const path = join(mkdtempSync(join(tmpdir(), 'lore-followups-')), 'set.json');
    writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
    return path;
  };

  it('reads pairs and chains alike, answered ones first', () => {
    const pairs = readConversations(write({ about: 'a', pairs: [{ first: 'x?', q: 'and y?', file: 'n.md', lines: [2, 3] }], noAnswer: [{ first: 'x?', q: 'and z?' }] }));
    expect(pairs).toEqual([{ turns: ['x?', 'and y?'], answer: { file: 'n.md', lines: [2, 3] } }, { turns: ['x?', 'and z?'] }]);
    const chains = readConversations(write({ about: 'a', chains: [{ turns: ['x?', 'and y?', 'why?'], file: 'n.md', lines: [4, 4] }] }));
    expect(chains).toEqual([{ turns: ['x?', 'and y?', 'why?'], answer: { file: 'n.md', lines: [4, 4] } }]);
    expect([0, 1, 2].map(halfOf)).toEqual(['tune', 'report', 'tune']);
  });

  it('says what is wrong with a bad file', () => {
    expect(() => readConversations(write('{ not json'))).toThrow(EvalInputError);
    expect(() => readConversations(write({ about: 'a', chains: [{ turns: ['only one'], file: 'n.md', lines: [1, 1] }] }))).toThrow(/chains\.0\.turns/);
    expect(() => readConversations(write({ about: 'a', pairs: [{ first: 'x', q: 'y', file: 'n.md', lines: [5, 2] }], noAnswer: [] }))).toThrow(/starts at or before its end/);
  });

  it('scores the last turn by its first citation, and an honest "I couldn\'t find" where the notes do not answer', () => {
    const cited = (file: string, startLine: number, endLine: number): Answer =>
      ({ question: 'q', found: true, text: '', quote: [], highlights: [], lookedFor: [], citations: [{ file, startLine, endLine }] }) as unknown as Answer;
    const notFound = { question: 'q', found: false, text: '', quote: [], highlights: [], citations: [], lookedFor: [] } as Answer;
    const conversations = [
      { turns: ['a', 'b'], answer: { file: 'n.md', lines: [3, 4] as [number, number] } },
      { turns: ['a', 'c'], answer: { file: 'n.md', lines: [9, 9] as [number, number], or: [[20, 21] as [number, number]] } },
      { turns: ['a', 'd'] },
    ];
    const answers: Record<string, Answer> = { b: cited('n.md', 4, 6), c: cited('n.md', 10, 19), d: notFound };
    expect(scoreConversations(conversations, (turns) => answers[turns.at(-1) ?? ''] as Answer)).toEqual({ answerable: 2, right: 1, unanswerable: 1, honest: 1 });
  });
});
