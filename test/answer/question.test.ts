import { describe, expect, it } from 'vitest';
import { cleanQuestion, MAX_QUESTION_CHARS } from '../../src/answer/question.js';

describe('cleanQuestion', () => {
  it.each([
    ['What is AWS Fargate?', 'What is AWS Fargate?'],
    ['  padded  ', 'padded'],
    ['two  spaces', 'two spaces'],
    ['tab\there', 'tab here'],
    ['line\nbreak', 'line break'],
    ['null\u0000byte', 'null byte'],
    ['bidi \u202eoverride', 'bidi override'],
    ['no\u00a0break space', 'no break space'],
    ['café crème', 'café crème'],
    ['trailing ', 'trailing'],
    ['', ''],
    [' ', ''],
  ])('cleans %j to %j', (input, expected) => {
    expect(cleanQuestion(input)).toBe(expected);
  });

  it('caps the length, marking the cut', () => {
    const cleaned = cleanQuestion('a '.repeat(MAX_QUESTION_CHARS));
    expect(cleaned.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS + 1);
    expect(cleaned.endsWith('…')).toBe(true);
  });

  it('gives an empty question for anything but text', () => {
    expect(cleanQuestion(undefined)).toBe('');
    expect(cleanQuestion(42)).toBe('');
  });
});
