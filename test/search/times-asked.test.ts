import { describe, expect, it } from 'vitest';
import { indexNotes } from '../../src/knowledge/build.js';
import { search } from '../../src/search/search.js';
import { asksWhen } from '../../src/search/answer-cues.js';
import { asksForTime, holdsTime, saysWhen } from '../../src/search/times-asked.js';

describe('a time asked for by name', () => {
  it.each([
    ['sev1 ack time', true],
    ['ci time for dbt pr', true],
    ['apple review times', true],
    ['build duration', true],
    ['time series retention', false],
    ['time zone of the handover', false],
    // Phrased as a question, "time" is as often what the question is about.
    ['Why is the time in the log files different from the system time?', false],
    ['how do I change the reaction time', false],
  ])('%j: %s', (question, expected) => {
    expect(asksForTime(question)).toBe(expected);
  });

  it.each([
    ['It takes about 12 minutes.', true],
    ['Acknowledge within 1 hour.', true],
    ['posted every day at 08:00 UTC', true],
    ['The release is cut every second week.', false],
    ['Ask in #dbt-reviews.', false],
    // A range, and days counted in a calendar of their own.
    ['Your business cards will arrive 7-10 business days after that.', true],
    ['We reply within 5 working days.', true],
    ['It takes 10 to 15 minutes.', true],
    ['Upgrade ec2-10 first.', false],
  ])('%j states a time: %s', (text, expected) => {
    expect(holdsTime(text)).toBe(expected);
  });

  it('is answered by the passage that states one, though it never says "time"', () => {
    const { index } = indexNotes([
      { file: 'ci.md', text: '# CI\n\n## Checks\n\nCI runs the dbt build on every PR. It takes about 12 minutes.\n' },
      { file: 'tips.md', text: '# Tips\n\n## Saving time\n\nSave time in CI: run dbt locally first, then open the PR.\n' },
    ]);
    const best = search(index, 'ci time for dbt pr').hits[0];
    expect(best?.chunk.file).toBe('ci.md');
  });
});

describe('a question of when', () => {
  it.each([
    ['when is the ops sync?', true],
    ['when does the release branch get cut', true],
    ['what day is the demo', true],
    ['hey quick q, when do we have to be on k8s 1.30 everywhere?', true],
    // "when's" is "when is", typed either way.
    ["when's the branch cut", true],
    ['when’s the demo?', true],
    ['tell me when is good for you', false],
    // On what condition, not on what day.
    ['when should I page the EM?', false],
    ['when can I deploy on a friday?', false],
    ['how do I book the ops sync room', false],
  ])('%j: %s', (question, expected) => {
    expect(asksWhen(question)).toBe(expected);
  });

  it.each([
    ['Ops sync: Monday 11:00 CT', true],
    ['the weekly PRE meeting, Thursdays 14:00', true],
    ['Standup: Mon/Wed/Fri', true],
    ['reviewed at the ops review on 2025-03-20', true],
    ['the next demo day is on 3 June', true],
    // "sat" and "sun" are words before they are days.
    ['I sat in on the ops sync and it was fun in the sun', false],
    ['add yourself to the ops sync agenda', false],
  ])('%j says when: %s', (text, expected) => {
    expect(saysWhen(text)).toBe(expected);
  });
});
