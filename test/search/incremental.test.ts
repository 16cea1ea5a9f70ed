import { describe, expect, it } from 'vitest';
import { seeded, type Random } from '../../bench/random.js';
import { composeAnswer } from '../../src/answer/compose.js';
import { indexNotes, type Knowledge } from '../../src/knowledge/build.js';
import type { LoadedFile } from '../../src/knowledge/load.js';
import { applyNoteEdit } from '../../src/knowledge/update.js';
import { stem } from '../../src/search/analyze.js';
import type { SearchIndex } from '../../src/search/index.js';
import type { RankingOptions } from '../../src/search/ranking-options.js';
import { search } from '../../src/search/search.js';

/** A small vocabulary, so that notes share words, scores tie and edits move every global figure. */
const WORDS = (
  'deploy rollback cluster node pod helm chart alert dashboard metric queue worker cache token secret backup ' +
  'restore database replica shard index query latency timeout retry budget owner team rotation pager incident ' +
  'runbook fargate daemonset sidecar ingress certificate renewal staging production canary release branch'
).split(' ');
const RARE = 'wombat quokka narwhal platypus axolotl pangolin'.split(' ');
const FOLDERS = ['', 'team/', 'team/ops/', 'a/', 'a-b/', 'zeta/'];
const NAMES = ['a', 'a-b', 'a_b', 'deploys', 'on-call', 'faq', 'Zed', 'z'];

const QUESTIONS = [
  'how do I rollback a helm chart?',
  'deploy',
  'who owns the pager rotation',
  'daemonset on fargate',
  'what is the cache timeout for the worker queue?',
  'databse replcia lag', // typos, corrected through the vocabulary
  'BGD', // an abbreviation some notes define
  'blue green deployment',
  'wombat quokka',
  'narwhal',
  'certificate renewal in production',
  'latency budget alert dashboard',
  'can I restore a backup?',
  'axolotl pangolin platypus',
];

function sentence(random: Random, min: number, max: number): string {
  const words = Array.from({ length: random.int(min, max) }, () => (random.chance(0.03) ? random.pick(RARE) : random.pick(WORDS)));
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function note(random: Random): string {
  const out: string[] = [];
  if (random.chance(0.3)) {
    out.push('---', `title: ${sentence(random, 1, 3)}`, `tags: [${random.pick(WORDS)}, ${random.pick(WORDS)}]`);
    if (random.chance(0.3)) out.push(`aliases: ${random.pick(RARE)}`);
    if (random.chance(0.1)) out.push('tags: {bad');
    out.push('---', '');
  }
  out.push(`# ${sentence(random, 1, 3)}`, '');
  if (random.chance(0.3)) out.push(`We use Blue Green Deployment (BGD) for the ${random.pick(WORDS)}.`, '');
  if (random.chance(0.15)) out.push(`${random.pick(['SRE', 'TTL', 'BGD'])} (${sentence(random, 2, 3).slice(0, -1)}) is how we ${random.pick(WORDS)}.`, '');
  const sections = random.int(0, 4);
  for (let s = 0; s < sections; s++) {
    const kind = random.int(0, 4);
    if (kind === 0) out.push(`## ${sentence(random, 1, 4)}`, '', sentence(random, 4, 30), '');
    else if (kind === 1) out.push('---', '', sentence(random, 3, 12), '');
    else if (kind === 2) out.push(`**${sentence(random, 1, 3)}**`, '', sentence(random, 3, 12), '');
    else {
      const items = random.int(2, 12);
      for (let i = 0; i < items; i++) {
        out.push(`- ${random.chance(0.3) ? `**${random.pick(WORDS)}** – ` : ''}${sentence(random, 3, 40)}`);
        if (random.chance(0.4)) out.push(`  - ${sentence(random, 3, 25)}`);
      }
      out.push('');
    }
    if (random.chance(0.2)) out.push('```sh', `helm rollback ${random.pick(WORDS)} ${random.int(1, 9)}`, '```', '');
  }
  return out.join('\n');
}

function path(random: Random): string {
  return `${random.pick(FOLDERS)}${random.pick(NAMES)}${random.int(0, 3)}.md`;
}

/**
 * Rankings each question is asked under: the default (these collections, of 5 to 45 sections, rank chunks),
 * sections at any size, and a threshold that edits cross one way and the other.
 */
const RANKINGS: Partial<RankingOptions>[] = [{}, { minSections: 0 }, { minSections: 25 }];

/** What a question gets: the hits with their places and scores, and the composed answer with its citations. */
function results(index: SearchIndex): unknown[] {
  return QUESTIONS.flatMap((question) => {
    const hits = RANKINGS.map((ranking) =>
      search(index, question, { limit: 10, ranking }).hits.map((hit) => ({
        file: hit.chunk.file,
        lines: [hit.chunk.startLine, hit.chunk.endLine],
        section: hit.chunk.section,
        score: hit.score,
        coverage: hit.coverage,
        matched: hit.matched,
      })),
    );
    const scoped = search(index, question, { limit: 5, folders: ['team'], ranking: { sections: false } }).hits.map((hit) => [hit.chunk.file, hit.chunk.startLine, hit.score]);
    const answers = RANKINGS.slice(0, 2).map((ranking) => composeAnswer(question, search(index, question, { limit: 32, ranking }), index, { top: 3 }));
    return [{ question, hits, scoped, answers }];
  });
}

function knowledgeOf(files: Map<string, string>): Knowledge {
  const built = indexNotes([...files].map(([file, text]) => ({ file, text })));
  return { ...built, skipped: [], buildMs: 0, builtAt: new Date(0) };
}

function figures(knowledge: Knowledge) {
  const { index } = knowledge;
  const words = [...WORDS, ...RARE, 'green', 'blue', 'bgd', 'sre'];
  return {
    notes: knowledge.notes.map((note) => note.file),
    warnings: knowledge.warnings,
    counts: [index.chunkCount, index.unitCount, index.fileCount, index.liveTermCount],
    chunks: [...index.liveChunks()].map(({ file, startLine, endLine, section, text }) => ({ file, startLine, endLine, section, text })),
    vocabulary: [index.vocabulary.size, words.filter((word) => index.vocabulary.has(word))],
    df: words.map((word) => [index.df(word), index.idf(word), index.unitIdf(word)]),
    expansions: [...index.expansions].sort(),
  };
}

/**
 * Whether reading a term's weights over a range of chunks in one walk gives, chunk by chunk, what a lookup per chunk
 * gives: dead chunks and chunks added by edits included.
 */
function rangeWeightsMatch(index: SearchIndex, random: Random): boolean {
  const chunks = index.chunks.length;
  for (const word of [...WORDS, ...RARE]) {
    const term = index.idOf(stem(word));
    const from = random.int(0, chunks - 1);
    const to = random.int(from, chunks);
    const stride = 2;
    const table = new Float64Array((to - from) * stride).fill(-1);
    index.weightsOfTermIn(term, from, to, table, stride, 1);
    for (let id = from; id < to; id++) {
      const row = (id - from) * stride;
      const expected = index.weightOfTermIn(term, id);
      if (table[row] !== -1 || (table[row + 1] === -1 ? 0 : table[row + 1]) !== expected) return false;
    }
  }
  return true;
}

describe('an index kept up to date by edits', () => {
  it.each([1, 2, 3, 4])('matches a fresh build of the same notes after every edit of a random sequence (seed %i)', (seed) => {
    const random = seeded(seed * 7919);
    const files = new Map<string, string>();
    while (files.size < 12) files.set(path(random), note(random));
    const knowledge = knowledgeOf(files);
    for (let step = 0; step < 25; step++) {
      const loaded: LoadedFile[] = [];
      const removed: string[] = [];
      const edits = random.int(1, 3);
      for (let e = 0; e < edits; e++) {
        const existing = [...files.keys()].filter((file) => !removed.includes(file) && !loaded.some((l) => l.file === file));
        const action = existing.length <= 2 ? 0 : random.int(0, 2);
        if (action === 0) {
          const file = path(random);
          if (removed.includes(file) || loaded.some((l) => l.file === file)) continue;
          loaded.push({ file, text: note(random) });
        } else if (action === 1) {
          const file = random.pick(existing);
          const text = random.chance(0.5) ? note(random) : `${files.get(file) ?? ''}\n${sentence(random, 3, 20)}\n`;
          loaded.push({ file, text });
        } else {
          removed.push(random.pick(existing));
        }
      }
      for (const file of removed) files.delete(file);
      for (const { file, text } of loaded) files.set(file, text);
      applyNoteEdit(knowledge, { loaded, removed, skipped: [] });

      const fresh = knowledgeOf(files);
      expect(rangeWeightsMatch(knowledge.index, random), `after step ${step}`).toBe(true);
      expect(figures(knowledge), `after step ${step}`).toEqual(figures(fresh));
      expect(results(knowledge.index), `after step ${step}`).toEqual(results(fresh.index));
    }
  });

  it('refuses an edit that would leave no notes, and changes nothing', () => {
    const knowledge = knowledgeOf(new Map([['only.md', '# Only\n\nThe wombat queue drains at noon.\n']]));
    expect(() => applyNoteEdit(knowledge, { loaded: [], removed: ['only.md'], skipped: [] })).toThrow(/no notes/);
    expect(search(knowledge.index, 'wombat queue').hits[0]?.chunk.file).toBe('only.md');
  });

  it('takes a note that can no longer be read out of the index and lists it as skipped', () => {
    const knowledge = knowledgeOf(new Map([['a.md', '# A\n\nThe wombat queue.\n'], ['b.md', '# B\n\nThe quokka cache.\n']]));
    applyNoteEdit(knowledge, { loaded: [], removed: [], skipped: [{ file: 'b.md', reason: 'not UTF-8 text' }] });
    expect(search(knowledge.index, 'quokka').hits).toEqual([]);
    expect(knowledge.skipped).toEqual([{ file: 'b.md', reason: 'not UTF-8 text' }]);
    expect(knowledge.index.vocabulary.has('quokka')).toBe(false);
    expect(knowledge.index.has('quokka')).toBe(false);
  });
});
