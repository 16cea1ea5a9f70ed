import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { QuestionRecord } from '../../src/store/store.js';
import type { Answer, AskContext, AskService, IndexStats } from '../../src/types.js';
import { capturingLogger, type LogLine } from '../capturing-logger.js';

export const DAY = 24 * 60 * 60 * 1000;
/** A fixed "now" for reports: 2026-03-31T12:00:00Z. */
export const NOW = Date.UTC(2026, 2, 31, 12);

/** A fresh folder for a database file; `cleanup` removes it. */
export function tempDir(): { dir: string; path: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'lore-store-'));
  return { dir, path: join(dir, 'data', 'lore.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export { capturingLogger, type LogLine };

export function question(overrides: Partial<QuestionRecord> & Pick<QuestionRecord, 'question'>): QuestionRecord {
  return { at: NOW, platform: 'slack', surface: 'slash', channelId: 'C1', userId: 'U1', found: true, notes: [], latencyMs: 5, ...overrides };
}

export function note(file: string, startLine = 1, endLine = 5, score = 1) {
  return { file, startLine, endLine, score };
}

/** Answers from a table: found when the question is listed, "I couldn't find" otherwise. */
export class TableService implements AskService {
  constructor(private readonly found: Record<string, string> = {}) {}

  async ask(question: string, _context?: AskContext): Promise<Answer> {
    const file = this.found[question];
    const citations = [{ file: file ?? 'nearby.md', startLine: 3, endLine: 7, section: '', snippet: '', score: 2.5 }];
    return file
      ? { question, found: true, text: 'quote', quote: ['quote'], highlights: [], citations, lookedFor: [] }
      : { question, found: false, text: "I couldn't find it", quote: [], highlights: [], citations, lookedFor: [], reason: 'no-match' };
  }
  examples(): string[] {
    return [];
  }
  suggest(): string[] {
    return [];
  }
  stats(): IndexStats {
    return { files: 0, chunks: 0, terms: 0, buildMs: 0, skipped: [], builtAt: new Date(0) };
  }
}
