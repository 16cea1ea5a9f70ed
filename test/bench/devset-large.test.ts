import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = join(import.meta.dirname, '..', '..', 'bench', 'devsets', 'faq-large');

interface Row {
  id: string;
  question: string;
  question_typo: string;
  gold: string;
  docset: string;
  half: string;
}

const rows: Row[] = readFileSync(join(DIR, 'questions.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Row);

describe('faq-large dev set', () => {
  it('has questions, each with a gold answer file under knowledge/', () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
    const missing = rows.filter((r) => !r.gold.startsWith('faq/') || !existsSync(join(DIR, 'knowledge', r.gold))).map((r) => r.id);
    expect(missing).toEqual([]);
  });

  it('has unique ids and a typo variant that differs from the question', () => {
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows.filter((r) => r.question_typo === r.question).map((r) => r.id)).toEqual([]);
  });

  it('does not give the question away in its gold answer', () => {
    const leaked = rows.filter((r) => readFileSync(join(DIR, 'knowledge', r.gold), 'utf8').toLowerCase().includes(r.question.toLowerCase()));
    expect(leaked.map((r) => r.id)).toEqual([]);
  });

  it('splits every docset evenly between the tune and report halves', () => {
    expect(rows.every((r) => r.half === 'tune' || r.half === 'report')).toBe(true);
    const docsets = new Set(rows.map((r) => r.docset));
    expect(docsets.size).toBeGreaterThanOrEqual(4);
    for (const docset of docsets) {
      const tune = rows.filter((r) => r.docset === docset && r.half === 'tune').length;
      const report = rows.filter((r) => r.docset === docset && r.half === 'report').length;
      expect({ docset, tune: tune > 0, report: report > 0, even: Math.abs(tune - report) <= 1 }).toEqual({ docset, tune: true, report: true, even: true });
    }
  });
});
