import { describe, expect, it } from 'vitest';
import { countAbstentions, docSetOf, isOfDocSet } from '../../bench/abstain.js';
import { addCounts, countInSubsets } from '../../bench/abstain-subsets.js';
import type { EvalQuestion } from '../../bench/eval-input.js';
import { answerQuestion } from '../../src/answer/answer-question.js';
import { indexNotes } from '../../src/knowledge/build.js';
import type { LoadedFile } from '../../src/knowledge/load.js';

const files: LoadedFile[] = [
  { file: 'docs/vault/seal.md', text: '# Sealing\n\nVault starts sealed; unseal it with the unseal keys.' },
  { file: 'faq/vault-001.md', text: 'Vault stores secrets encrypted at rest in its storage backend.' },
  { file: 'docs/redis/persist.md', text: '# Persistence\n\nRedis writes snapshots to disk, or appends every write to a log.' },
  { file: 'faq/redis-001.md', text: 'Redis keeps the whole dataset in memory and persists it to disk.' },
];

const questions: EvalQuestion[] = [
  { id: 'vault-001', question: 'How does Vault store secrets?', gold: 'faq/vault-001.md', half: 'tune' },
  { id: 'redis-001', question: 'Does Redis keep the dataset in memory?', gold: 'faq/redis-001.md', half: 'report' },
];

const engine = (notes: LoadedFile[]) => {
  const { index } = indexNotes(notes);
  return (question: string) => answerQuestion(index, question);
};

describe('counting honest "I couldn\'t find"s', () => {
  it('takes the doc set from the id and finds its pages and answers', () => {
    expect(docSetOf({ id: 'flink-cdc-012' })).toBe('flink-cdc');
    expect(isOfDocSet('docs/vault/seal.md', 'vault')).toBe(true);
    expect(isOfDocSet('faq/vault-001.md', 'vault')).toBe(true);
    expect(isOfDocSet('docs/vaultwarden/a.md', 'vault')).toBe(false);
    expect(isOfDocSet('faq/redis-001.md', 'vault')).toBe(false);
  });

  it('asks each question of every note, then of the notes without its doc set', () => {
    const seen: string[][] = [];
    countAbstentions(files, questions, (notes) => {
      seen.push(notes.map((note) => note.file));
      return engine(notes);
    });
    expect(seen).toEqual([
      files.map((f) => f.file),
      ['docs/redis/persist.md', 'faq/redis-001.md'],
      ['docs/vault/seal.md', 'faq/vault-001.md'],
    ]);
  });

  it('counts answers, right first citations and false answers by half, with lore', () => {
    const counts = countAbstentions(files, questions, engine);
    expect(counts).toEqual([
      { part: 'tune', questions: 1, answered: 1, right: 1, answeredWithout: 0 },
      { part: 'report', questions: 1, answered: 1, right: 1, answeredWithout: 0 },
    ]);
  });

  it('counts an answer given without the doc set as a false one', () => {
    const alwaysAnswers = () => (question: string) => ({ question, found: true, text: '', quote: [], highlights: [], citations: [], lookedFor: [] });
    const counts = countAbstentions(files, questions.map((q) => ({ ...q, half: undefined })), alwaysAnswers);
    expect(counts).toEqual([{ part: 'all', questions: 2, answered: 2, right: 0, answeredWithout: 2 }]);
  });
});

describe('honest "I couldn\'t find"s in notes of a team\'s size', () => {
  const answering = (notes: LoadedFile[]) => ({ sections: notes.length * 600, answer: engine(notes) });

  it('asks every question of each draw, its answer there only when its doc set was drawn', () => {
    const drawn: string[][] = [];
    const counts = countInSubsets(files, questions, (notes) => {
      drawn.push(notes.map((note) => note.file));
      return answering(notes);
    }, { docSets: [1], drawsEach: 3, seed: 1 });
    expect(drawn).toHaveLength(3);
    for (const notes of drawn) expect(new Set(notes.map((file) => file.split(/[/-]/)[1])).size).toBe(1);
    // Two notes a draw, 1,200 "sections": every draw in the middle size.
    expect(counts).toEqual([{ size: '1,000 to 4,000', draws: 3, inside: 3, right: 3, outside: 3, answered: 0 }]);
  });

  it('counts an answer to a question whose doc set was not drawn as a false one', () => {
    const alwaysAnswers = (_notes: LoadedFile[]) => ({ sections: 10, answer: (question: string) => ({ question, found: true, text: '', quote: [], highlights: [], citations: [], lookedFor: [] }) });
    const counts = countInSubsets(files, questions, alwaysAnswers, { docSets: [1, 2], drawsEach: 1, seed: 1 });
    expect(counts).toEqual([{ size: 'under 1,000 sections', draws: 2, inside: 3, right: 0, outside: 1, answered: 1 }]);
  });
});

describe('counts of draws pooled over sets', () => {
  it('sum every count and keep the size', () => {
    const a = { size: '1,000 to 4,000', draws: 2, inside: 10, right: 4, outside: 30, answered: 7 };
    const b = { size: '1,000 to 4,000', draws: 3, inside: 5, right: 1, outside: 20, answered: 2 };
    expect(addCounts(a, b)).toEqual({ size: '1,000 to 4,000', draws: 5, inside: 15, right: 5, outside: 50, answered: 9 });
  });
});
