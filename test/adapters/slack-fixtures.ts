import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/logger.js';
import type { Answer, AskContext, AskService, Citation, IndexStats } from '../../src/types.js';

/**
 * A small stand-in for the engine: it really searches a few fixture notes (word overlap per section),
 * so answers depend on the question asked, and it can be told to fail or to be slow.
 */

export interface FixtureNote {
  file: string;
  text: string;
}

export const FIXTURE_NOTES: readonly FixtureNote[] = [
  {
    file: 'ops/deploys.md',
    text: [
      '# Deploys',
      '',
      '## Rollback',
      '',
      'To **roll back** a release, run `deploy rollback <release>` from the [runbook](https://runbooks.example.com/deploy?step=1&x=2).',
      '- Check the dashboard first',
      '  - Errors & latency must be green',
      '- Then tell <!channel> in #ops, and ping <@U999ADMIN> or <!subteam^S123|@oncall>',
      '',
      '## Freeze',
      '',
      'Deploys are frozen on Fridays after 15:00; ask @here before breaking the freeze.',
    ].join('\n'),
  },
  {
    file: 'team/onboarding.md',
    text: ['# Onboarding', '', '## Laptop', '', 'Request a laptop from IT through the *helpdesk* portal.', '1. Open a ticket', '2. Pick the model'].join(
      '\n',
    ),
  },
  {
    file: 'big/handbook.md',
    text: [
      '# Handbook',
      '',
      '## Glossary',
      '',
      ...Array.from({ length: 120 }, (_, i) => `- **Term ${i}** means a thing described at length, glossary entry number ${i} of the handbook & more.`),
    ].join('\n'),
  },
];

interface Section {
  file: string;
  heading: string;
  startLine: number;
  lines: string[];
}

const STOPWORDS = new Set(['a', 'an', 'the', 'to', 'do', 'i', 'how', 'what', 'is', 'are', 'of', 'in', 'on', 'and', 'or', 'we', 'my', 'me', 'about', 'tell', 'from', 'get', 'for', 'with', 'through']);

function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !STOPWORDS.has(word));
}

function sections(note: FixtureNote): Section[] {
  const out: Section[] = [];
  note.text.split('\n').forEach((line, index) => {
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading || out.length === 0) out.push({ file: note.file, heading: heading?.[1] ?? '', startLine: index + 1, lines: [] });
    if (!heading) out[out.length - 1]?.lines.push(line);
  });
  return out.filter((section) => section.lines.some((line) => line.trim() !== ''));
}

export interface FixtureServiceOptions {
  baseUrl?: string;
  /** Delay every answer by this many milliseconds. */
  delayMs?: number;
}

export class FixtureService implements AskService {
  readonly asked: { question: string; context?: AskContext }[] = [];
  readonly exampleCounts: number[] = [];
  readonly #sections: Section[];
  readonly #options: FixtureServiceOptions;
  #failures: Error[] = [];

  constructor(notes: readonly FixtureNote[] = FIXTURE_NOTES, options: FixtureServiceOptions = {}) {
    this.#sections = notes.flatMap(sections);
    this.#options = options;
  }

  /** The next ask() throws this error. */
  failNext(error: Error): void {
    this.#failures.push(error);
  }

  async ask(question: string, context?: AskContext): Promise<Answer> {
    this.asked.push({ question, ...(context ? { context } : {}) });
    if (this.#options.delayMs) await new Promise((resolve) => setTimeout(resolve, this.#options.delayMs));
    const failure = this.#failures.shift();
    if (failure) throw failure;
    const terms = [...new Set(words(`${context?.previousQuestion ?? ''} ${question}`))];
    const scored = this.#sections
      .map((section) => {
        const text = `${section.file} ${section.heading} ${section.lines.join(' ')}`;
        const present = new Set(words(text));
        return { section, matched: terms.filter((term) => present.has(term)) };
      })
      .filter((hit) => hit.matched.length > 0)
      .sort((a, b) => b.matched.length - a.matched.length);
    const best = scored[0];
    const cleaned = question.slice(0, 2000);
    if (!best || best.matched.length < 2) {
      return {
        question: cleaned,
        found: false,
        text: `I couldn't find anything about "${cleaned.slice(0, 80)}" in the notes.`,
        quote: [],
        highlights: [],
        citations: scored.slice(0, 3).map((hit) => this.#cite(hit.section)),
        lookedFor: terms.slice(0, 8),
        reason: terms.length === 0 ? 'no-terms' : 'no-match',
      };
    }
    const highlights = best.section.lines.join(' ').split(/[^\p{L}\p{N}]+/u).filter((word) => best.matched.includes(word.toLowerCase()));
    return {
      question: cleaned,
      found: true,
      text: best.section.lines.join('\n').trim(),
      quote: best.section.lines.filter((line) => line.trim() !== ''),
      highlights: [...new Set(highlights)],
      citations: scored.slice(0, 3).map((hit) => this.#cite(hit.section)),
      lookedFor: terms.slice(0, 8),
    };
  }

  examples(count: number): string[] {
    this.exampleCounts.push(count);
    return this.#sections.slice(0, count).map((section) => `how do we handle ${section.heading.toLowerCase()}?`);
  }

  suggest(prefix: string, limit: number): string[] {
    return this.#sections.map((section) => section.heading).filter((heading) => heading.toLowerCase().startsWith(prefix.toLowerCase())).slice(0, limit);
  }

  stats(): IndexStats {
    return { files: new Set(this.#sections.map((s) => s.file)).size, chunks: this.#sections.length, terms: 0, buildMs: 1, skipped: [], builtAt: new Date(0) };
  }

  #cite(section: Section): Citation {
    const endLine = section.startLine + section.lines.length;
    return {
      file: section.file,
      startLine: section.startLine + 1,
      endLine,
      section: section.heading,
      snippet: section.lines.join('\n').trim().slice(0, 200),
      score: 1,
      ...(this.#options.baseUrl ? { url: `${this.#options.baseUrl}${section.file}#L${section.startLine + 1}-L${endLine}` } : {}),
    };
  }
}

export interface CapturedLog {
  logger: Logger;
  lines: Record<string, unknown>[];
}

/** lore's real logger, writing JSON lines into an array. */
export function captureLog(): CapturedLog {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
      callback();
    },
  });
  return { logger: createLogger({ level: 'debug', destination }), lines };
}
