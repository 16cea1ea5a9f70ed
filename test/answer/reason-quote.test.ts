import { describe, expect, it } from 'vitest';
import { composeAnswer } from '../../src/answer/compose.js';
import { indexNotes } from '../../src/knowledge/build.js';
import { search } from '../../src/search/search.js';

const note = [
  '# ADR-0007: Replace RabbitMQ with SQS',
  '',
  '## Context',
  '',
  'We looked at three options:',
  '',
  '1. Keep RabbitMQ, move to a managed broker.',
  '2. Amazon SQS, with SNS for fan-out.',
  '3. Kafka via a managed cluster.',
  '',
  'Kafka was rejected because we have no streaming use case that needs replay, and its',
  'minimum cost was about 4x the SQS estimate.',
  '',
].join('\n');

const { index } = indexNotes([{ file: 'adr-0007.md', text: note }]);
const ask = (question: string) => composeAnswer(question, search(index, question, { limit: 10 }), index, { top: 3 });

describe('a question that asks why', () => {
  it('quotes the lines that give the reason, not the line that only names the topic', () => {
    const answer = ask('why no kafka?');
    expect(answer.found).toBe(true);
    expect(answer.quote[0]).toContain('Kafka was rejected because');
    expect(answer.quote.join('\n')).not.toContain('3. Kafka via');
    expect(answer.citations[0]).toMatchObject({ startLine: 11, endLine: 12 });
  });

  it('quotes both where the question does not ask why', () => {
    const answer = ask('kafka option');
    expect(answer.quote.join('\n')).toContain('3. Kafka via');
  });
});
