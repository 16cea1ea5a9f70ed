import { describe, expect, it } from 'vitest';
import { composeAnswer } from '../../src/answer/compose.js';
import { familyNamesIn, namesFamilyName } from '../../src/answer/family-names.js';
import { indexNotes } from '../../src/knowledge/build.js';
import { search } from '../../src/search/search.js';

const notes = [
  {
    file: 'runbooks/incident.md',
    text: [
      '# Incident runbook',
      '',
      '## Updates',
      '',
      '- Updates in the incident channel every 30 minutes for SEV1, every 2 hours for SEV2.',
      '- The incident lead writes them.',
      '',
      '## Latency',
      '',
      '- Checkout p95 latency target is under 300 ms.',
      '- Search p50 latency target is under 80 ms.',
    ].join('\n'),
  },
  { file: 'platform.md', text: '# Platform\n\nWe run on EC2 and k8s. The prod cluster is `prd-eu-1`.\n' },
];
const { index } = indexNotes(notes);
const ask = (question: string) => composeAnswer(question, search(index, question, { limit: 16 }), index, { top: 3 });

describe('familyNamesIn', () => {
  it.each([
    ['how often do we post updates during a sev3', ['sev3']],
    ["what's the p99 latency target for checkout", ['p99']],
    ['sev1 update rhythm', ['sev1']],
    ['is there a sev-4', ['sev4']],
  ])('reads %s as naming %j: the notes number the family otherwise too', (question, names) => {
    expect(familyNamesIn(question, index)).toEqual(names);
  });

  it.each([
    ['which k8s cluster is prod', 'a name the notes number no other way'],
    ['do we run on ec2', 'a platform'],
    ['are ec2s patched', 'a plural'],
    ['checkout-v3 rollout', 'a number inside a longer name'],
  ])('names nothing in %s (%s)', (question) => {
    expect(familyNamesIn(question, index)).toEqual([]);
  });
});

describe('namesFamilyName', () => {
  it.each([['SEV3'], ['sev 3'], ['Sev-3'], ['a SEV3 incident']])('finds sev3 in %s', (text) => {
    expect(namesFamilyName(text, 'sev3')).toBe(true);
  });

  it.each([['SEV30'], ['SEV2'], ['severity 3']])('does not find sev3 in %s', (text) => {
    expect(namesFamilyName(text, 'sev3')).toBe(false);
  });
});

describe('a question naming one member of a numbered family', () => {
  it('is not answered by the lines about the other members', () => {
    const answer = ask('how often do we post updates in the incident channel during a sev3');
    expect(answer.found).toBe(false);
    expect(answer.text).toContain('sev3');
  });

  it('is answered where the notes name it', () => {
    const answer = ask('how often do we post updates in the incident channel during a sev2');
    expect(answer.found).toBe(true);
    expect(answer.quote.join('\n')).toContain('every 2 hours for SEV2');
  });

  it('does not hold a platform name the answer leaves out', () => {
    expect(ask('k8s prod cluster name').found).toBe(true);
  });
});
