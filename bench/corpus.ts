/**
 * Synthetic Markdown notes for the speed bench: headings, nested bullet outlines, paragraphs, code and
 * tables over a Zipf-distributed vocabulary, generated in memory and deterministic for a seed.
 */
import { chunkNote } from '../src/knowledge/chunk.js';
import type { LoadedFile } from '../src/knowledge/load.js';
import { parseNote } from '../src/knowledge/markdown.js';
import { seeded, subSeed, zipf, type Random } from './random.js';
import { makeWordList } from './words.js';

export interface CorpusOptions {
  /** Chunks wanted in total (base notes included); the result is within a few percent. */
  chunks: number;
  seed?: number;
  /** Distinct words to draw from (default 55 000; about 50 000 of them appear at 100k chunks). */
  vocabulary?: number;
  /** Real notes to include as they are, counted towards `chunks`. */
  base?: readonly LoadedFile[];
}

export interface Corpus {
  files: LoadedFile[];
  /** The vocabulary, most frequent first. */
  words: string[];
}

const DEFAULT_SEED = 20240601;
const DEFAULT_VOCABULARY = 55_000;
const ZIPF_EXPONENT = 1.25;
/** Notes generated and chunked to learn how many chunks a note makes. */
const CALIBRATION_NOTES = 40;

export function countChunks(files: readonly LoadedFile[]): number {
  let total = 0;
  for (const file of files) total += chunkNote(file.text, parseNote(file.text).blocks).length;
  return total;
}

export function generateCorpus(options: CorpusOptions): Corpus {
  const seed = options.seed ?? DEFAULT_SEED;
  const words = makeWordList(options.vocabulary ?? DEFAULT_VOCABULARY, seed);
  const writer = new NoteWriter(words);
  const base = options.base ?? [];
  const note = (i: number) => writer.note(seeded(subSeed(seed, i)), i);

  const wanted = Math.max(0, options.chunks - countChunks(base));
  const sample = Array.from({ length: Math.min(CALIBRATION_NOTES, Math.ceil(wanted / 4)) }, (_, i) => note(i));
  const perNote = sample.length > 0 ? countChunks(sample) / sample.length : 1;
  const count = Math.round(wanted / perNote);
  const files = [...base, ...sample.slice(0, count)];
  for (let i = sample.length; i < count; i++) files.push(note(i));
  return { files, words };
}

class NoteWriter {
  private readonly rank: (random: Random) => number;

  constructor(private readonly words: readonly string[]) {
    this.rank = zipf(words.length, ZIPF_EXPONENT);
  }

  note(random: Random, i: number): LoadedFile {
    const topic = this.content(random);
    const out: string[] = [];
    if (random.chance(0.3)) out.push('---', `title: ${this.phrase(random, 3)}`, `tags: [${this.content(random)}, ${this.content(random)}]`, '---', '');
    out.push(`# ${this.title(random)}`, '', this.paragraph(random, 2, 4), '');
    const sections = random.int(3, 6);
    for (let s = 0; s < sections; s++) this.section(random, out);
    return { file: `filler/${topic}/${this.content(random)}-${i}.md`, text: out.join('\n') };
  }

  private section(random: Random, out: string[]): void {
    out.push(`## ${this.title(random)}`, '');
    if (random.chance(0.7)) out.push(random.chance(0.1) ? this.paragraph(random, 8, 14) : this.paragraph(random, 1, 5), '');
    if (random.chance(0.75)) out.push(...this.outline(random, 0), '');
    if (random.chance(0.2)) out.push(...this.code(random), '');
    if (random.chance(0.05)) out.push(...this.table(random), '');
    if (random.chance(0.25)) out.push(`### ${this.title(random)}`, '', this.paragraph(random, 1, 4), '');
  }

  private outline(random: Random, depth: number): string[] {
    const lines: string[] = [];
    const indent = '  '.repeat(depth);
    const items = depth === 0 ? random.int(3, 8) : random.int(1, 4);
    for (let i = 0; i < items; i++) {
      const lead = random.chance(0.25) ? `**${this.phrase(random, 2)}** – ` : '';
      lines.push(`${indent}- ${lead}${this.sentence(random, 4, 20)}`);
      if (depth < 3 && random.chance(0.35 - depth * 0.08)) lines.push(...this.outline(random, depth + 1));
    }
    return lines;
  }

  private code(random: Random): string[] {
    const lines = ['```sh'];
    const count = random.int(2, 7);
    for (let i = 0; i < count; i++) lines.push(`${this.content(random)} --${this.content(random)}=${this.content(random)} ${this.content(random)}/${random.int(1, 99)}`);
    lines.push('```');
    return lines;
  }

  private table(random: Random): string[] {
    const row = () => `| ${this.content(random)} | ${this.phrase(random, 3)} | ${random.int(1, 500)} |`;
    return [`| ${this.content(random)} | ${this.content(random)} | count |`, '| --- | --- | --- |', row(), row(), row()];
  }

  private paragraph(random: Random, min: number, max: number): string {
    return Array.from({ length: random.int(min, max) }, () => this.sentence(random, 6, 22)).join(' ');
  }

  private sentence(random: Random, min: number, max: number): string {
    const words = Array.from({ length: random.int(min, max) }, () => this.word(random));
    if (random.chance(0.15)) words[random.int(0, words.length - 1)] = `\`${this.content(random)}\``;
    const text = words.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  }

  private title(random: Random): string {
    return this.phrase(random, random.int(1, 4))
      .split(' ')
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
      .join(' ');
  }

  private phrase(random: Random, count: number): string {
    return Array.from({ length: count }, () => this.content(random)).join(' ');
  }

  private word(random: Random): string {
    return this.words[this.rank(random)] ?? 'word';
  }

  /** A word from past the head of the distribution, for titles and names. */
  private content(random: Random): string {
    let word = this.word(random);
    while (word.length < 4) word = this.word(random);
    return word;
  }
}
