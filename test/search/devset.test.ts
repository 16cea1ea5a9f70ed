import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLore, type Lore } from '../../src/engine.js';

/** Questions written from reading knowledge/aws-containers.md; `lines` are the lines that answer. */
interface DevQuestion {
  q: string;
  file: string;
  lines: [number, number];
  kind: string;
}

interface DevSet {
  questions: DevQuestion[];
  noAnswer: string[];
}

const HIT_AT_1 = 0.9;
const knowledgeDir = fileURLToPath(new URL('../../knowledge', import.meta.url));
const devset = JSON.parse(readFileSync(new URL('../fixtures/devset.json', import.meta.url), 'utf8')) as DevSet;

describe('dev set over the bundled notes', () => {
  let lore: Lore;

  beforeAll(async () => {
    lore = await openLore({ knowledgeDir });
  });

  it('has enough questions of each sort', () => {
    expect(devset.questions.length).toBeGreaterThanOrEqual(40);
    expect(devset.noAnswer.length).toBeGreaterThanOrEqual(5);
    for (const kind of ['typo', 'paraphrase', 'split-word', 'joined-word', 'abbreviation', 'sub-bullet', 'hurried']) {
      expect(devset.questions.some((question) => question.kind === kind), kind).toBe(true);
    }
  });

  it(`cites the answering lines first for at least ${HIT_AT_1 * 100}% of the questions (hit@1)`, () => {
    const misses: string[] = [];
    for (const { q, file, lines } of devset.questions) {
      const answer = lore.answer(q);
      const first = answer.citations[0];
      const hit = answer.found && first !== undefined && first.file === file && first.startLine <= lines[1] && lines[0] <= first.endLine;
      if (!hit) {
        const got = first ? `${first.file}:${first.startLine}-${first.endLine} [${first.section}]` : 'no citation';
        misses.push(`  "${q}" expected ${file}:${lines[0]}-${lines[1]}, got ${answer.found ? 'found' : `not found (${answer.reason})`} ${got}`);
      }
    }
    const total = devset.questions.length;
    const hitRate = (total - misses.length) / total;
    console.log(`dev set hit@1: ${total - misses.length}/${total} = ${(hitRate * 100).toFixed(1)}%${misses.length ? `\nmisses:\n${misses.join('\n')}` : ''}`);
    expect(hitRate, `hit@1 ${(hitRate * 100).toFixed(1)}% is below ${HIT_AT_1 * 100}%; misses:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(HIT_AT_1);
  });

  it.each(devset.noAnswer)('says it could not find an answer to "%s"', (question) => {
    const answer = lore.answer(question);
    const first = answer.citations[0];
    if (answer.found) console.log(`no-answer question answered: "${question}" → ${first?.file}:${first?.startLine}-${first?.endLine}`);
    expect(answer.found).toBe(false);
    expect(answer.text).toContain("I couldn't find");
  });
});
