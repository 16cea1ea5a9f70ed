import { describe, expect, it } from 'vitest';
import { composeAnswer, coverageNeeded, FOUND_COVERAGE } from '../../src/answer/compose.js';
import { indexNotes } from '../../src/knowledge/build.js';
import { search } from '../../src/search/search.js';
import { indexAmongLargeNotes } from '../search/large-notes.js';

// As a real platform team's guide writes it: the lines that answer say "store" and "get an object", not "save" or
// "download", and the question carries its own context.
const servicePod = [
  '# Cloud Platform service pod',
  '',
  '## Using the filesystem in the service pod',
  '',
  'The filesystem of the service pod is locked down to follow security best practice.',
  '',
  "If you're using the service pod and need to interact with the filesystem, you should use the `/tmp` directory to store your files.",
  '',
  "For example, if you're using the AWS CLI to get an object from an S3 bucket, set the output directory to /tmp.",
  '',
  '## Terminating the service pod',
  '',
  'Scale the deployment down to zero replicas when you are done with it.',
  '',
].join('\n');

describe('the share of a long question an answer must hold', () => {
  const { index } = indexNotes([{ file: 'service-pod.md', text: servicePod }]);

  it('is the usual share for a question of a few words', () => {
    expect(coverageNeeded(search(index, 'service pod filesystem tmp'), index)).toBe(FOUND_COVERAGE);
    expect(coverageNeeded(search(index, 'where do i store files in the service pod'), index)).toBe(FOUND_COVERAGE);
  });

  it('falls as a long question grows, never below half the usual share', () => {
    const eight = coverageNeeded(search(index, 'service pod blocks writing files, where should i save downloads from s3'), index);
    const twelve = coverageNeeded(search(index, 'service pod blocks writing files, where should i save downloads from s3 buckets during nightly batch exports'), index);
    expect(eight).toBeLessThan(FOUND_COVERAGE);
    expect(twelve).toBeLessThan(eight);
    const rambling = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    expect(coverageNeeded(search(index, rambling), index)).toBe(FOUND_COVERAGE / 2);
  });

  it('is the usual share in large notes, which scale their bar with the question otherwise', () => {
    const large = indexAmongLargeNotes({ 'service-pod.md': servicePod });
    expect(coverageNeeded(search(large, 'service pod blocks writing files, where should i save downloads from s3 buckets during nightly batch exports'), large)).toBe(FOUND_COVERAGE);
  });

  it('answers a long question from the lines that hold its topic, in words of their own', () => {
    const question = "service pod won't let me write files for the nightly report, where should i save stuff i download from s3";
    const answer = composeAnswer(question, search(index, question, { limit: 32 }), index, { top: 3 });
    expect(answer.found).toBe(true);
    expect(answer.text).toContain('/tmp');
  });
});
