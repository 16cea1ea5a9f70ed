import { describe, expect, it } from 'vitest';
import { referencePieces } from '../../bench/bm25-reference.js';
import { scoreFirstPlaces, type NotesDevSet } from '../../bench/notes-devset.js';

describe("the reference's pieces", () => {
  it('know their lines: each piece is the text of its line range, cut at headings and at 1,500 characters', () => {
    const long = Array.from({ length: 40 }, (_, i) => `- item ${i} ${'x'.repeat(60)}`).join('\n');
    const text = `# Title\n\nintro line\n\n## Part two\n${long}\n\n## Part three\nlast line\n`;
    const pieces = referencePieces(text);
    const lines = text.split('\n');
    expect(pieces.length).toBeGreaterThanOrEqual(4);
    for (const piece of pieces) expect(lines.slice(piece.startLine - 1, piece.endLine).join('\n')).toBe(piece.text);
    expect(pieces[0]).toMatchObject({ startLine: 1, endLine: 4 });
    expect(pieces.find((piece) => piece.text.startsWith('## Part three'))).toMatchObject({ startLine: 47, endLine: 49 });
  });
});

describe('first places', () => {
  const devset: NotesDevSet = {
    questions: [
      { q: 'a', file: 'n.md', lines: [3, 4] },
      { q: 'b', file: 'n.md', lines: [10, 10], or: [[20, 21]] },
      { q: 'c', file: 'n.md', lines: [5, 5] },
    ],
    noAnswer: ['d'],
  };

  it('count a first result on any range that answers, in the right file', () => {
    const places: Record<string, { file: string; startLine: number; endLine: number } | undefined> = {
      a: { file: 'n.md', startLine: 1, endLine: 3 },
      b: { file: 'n.md', startLine: 21, endLine: 30 },
      c: { file: 'other.md', startLine: 5, endLine: 5 },
    };
    expect(scoreFirstPlaces(devset, (q) => places[q])).toEqual({ hits: 2, total: 3 });
    expect(scoreFirstPlaces(devset, () => undefined)).toEqual({ hits: 0, total: 3 });
  });
});
