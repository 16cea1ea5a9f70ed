import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DEVSETS = join(import.meta.dirname, '..', '..', 'bench', 'devsets');

interface Row {
  id: string;
  question: string;
  question_typo: string;
  gold: string;
  docset: string;
  half: string;
}

function readRows(dir: string): Row[] {
  return readFileSync(join(dir, 'questions.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Row);
}

/** The large sets built by bench/devsets/faq-build.ts, with the fewest questions each must keep. */
const SETS = [
  { name: 'faq-large', minQuestions: 200 },
  { name: 'faq-more', minQuestions: 150 },
  { name: 'faq-cloud', minQuestions: 200 },
];

describe.each(SETS)('$name dev set', ({ name, minQuestions }) => {
  const DIR = join(DEVSETS, name);
  const rows = readRows(DIR);

  it('has questions, each with a gold answer file under knowledge/', () => {
    expect(rows.length).toBeGreaterThanOrEqual(minQuestions);
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

describe('the large dev sets', () => {
  /** Kept for a held-out set: no dev set may draw on them. */
  const RESERVED = ['argoproj/argo-cd', 'kubernetes/minikube', 'aws/karpenter-provider-aws', 'fluxcd/website', 'etcd-io/website', 'awsdocs/amazon-eks-user-guide'];
  const repos = (name: string): string[] =>
    (JSON.parse(readFileSync(join(DEVSETS, name, 'manifest.json'), 'utf8')) as { docsets: { repo: string }[] }).docsets.map((d) => d.repo.toLowerCase());

  it('share no repository with each other or with faq-dev, and use none of the reserved ones', () => {
    const names = ['faq-dev', ...SETS.map((s) => s.name)];
    const shared: string[] = [];
    names.forEach((a, i) => {
      for (const b of names.slice(i + 1)) for (const r of repos(a)) if (repos(b).includes(r)) shared.push(`${r} (${a}, ${b})`);
    });
    expect(shared).toEqual([]);
    expect(names.flatMap(repos).filter((r) => RESERVED.includes(r))).toEqual([]);
  });
});

describe.each([
  ['team-payments', 'devset.json', 50, 15],
  ['team-ml', 'devset.json', 50, 15],
  ['team-payments', 'devset-fresh.json', 30, 8],
  ['team-ml', 'devset-fresh.json', 30, 8],
  ['team-mobile', 'devset.json', 40, 12],
  ['team-security', 'devset.json', 40, 12],
  ['team-data', 'devset.json', 40, 12],
  ['team-web', 'devset.json', 40, 12],
  ['team-ops', 'devset.json', 40, 12],
  ['team-infra', 'devset.json', 40, 12],
  ['team-people', 'devset.json', 40, 12],
  ['team-finance', 'devset.json', 40, 12],
  ['team-support', 'devset.json', 40, 12],
  ['team-platform', 'devset.json', 40, 12],
  ['study-notes', 'devset.json', 48, 12],
  ['study-notes', 'devset-second.json', 48, 12],
  ['study-notes', 'devset-fresh.json', 48, 12],
  ['handbook-18f', 'devset.json', 50, 12],
  ['handbook-18f', 'devset-fresh.json', 28, 7],
  ['govuk-manual', 'devset.json', 39, 12],
  ['govuk-manual', 'devset-fresh.json', 20, 6],
  ['sourcegraph-handbook', 'devset.json', 49, 12],
  ['sourcegraph-handbook', 'devset-fresh.json', 27, 8],
  ['cloud-platform-guide', 'devset.json', 40, 12],
  ['gds-way', 'devset.json', 40, 12],
])('%s %s (team notes)', (name, file, answered, unanswered) => {
  const DIR = join(DEVSETS, name);
  const devset = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as {
    questions: { q: string; file: string; lines: [number, number]; or?: [number, number][]; elsewhere?: { file: string; lines: [number, number] }[] }[];
    noAnswer: string[];
  };

  it('has questions the notes answer, each on lines that exist in its file, and questions they do not', () => {
    expect(devset.questions.length).toBeGreaterThanOrEqual(answered);
    expect(devset.noAnswer.length).toBeGreaterThanOrEqual(unanswered);
    const beyond = (file: string, ranges: [number, number][]) => {
      const path = join(DIR, 'knowledge', file);
      if (!existsSync(path)) return true;
      const count = readFileSync(path, 'utf8').split('\n').length;
      return ranges.some(([start, end]) => start < 1 || end < start || end > count);
    };
    const outside = devset.questions.filter(({ file, lines, or = [], elsewhere = [] }) => beyond(file, [lines, ...or]) || elsewhere.some((other) => beyond(other.file, [other.lines])));
    expect(outside.map((q) => q.q)).toEqual([]);
  });
});
