import { describe, expect, it } from 'vitest';
import { composeAnswer } from '../../src/answer/compose.js';
import { indexNotes } from '../../src/knowledge/build.js';
import { search } from '../../src/search/search.js';

const steps = [
  'Cut the release branch and push the tag `<service>/vX.Y.0-rc1`',
  'Check CI is green on the branch, including `make itest`',
  'Write the changelog in `CHANGELOG.md` (group by Added / Changed / Fixed)',
  'Deploy the rc to staging via Argo CD (app `<service>-staging`)',
  'Run the staging smoke test: `make smoke ENV=staging`',
  'Leave it on staging for at least 24 hours and watch the error-rate panel',
  'Get a sign-off in #releases from one other engineer',
  'Tag the final `<service>/vX.Y.0` and deploy to prod-us first',
  'Watch prod-us for 1 hour, then deploy to prod-eu',
  'Post the release note in #announce',
];
const note = [
  '# Release process',
  '',
  '## Release checklist',
  '',
  'The release captain (rotates; see the pinned message in #releases) goes through this list:',
  '',
  ...steps.map((step) => `- [ ] ${step}`),
  '',
].join('\n');

const { index } = indexNotes([{ file: 'release.md', text: note }]);
const ask = (question: string) => composeAnswer(question, search(index, question, { limit: 10 }), index, { top: 3 });

describe('a list cut over two chunks', () => {
  it('is cut in two here, the second chunk nested under the line that opens the list', () => {
    const chunks = index.chunks.filter((chunk) => chunk.file === 'release.md' && chunk.text.includes('- [ ]'));
    expect(chunks.length).toBeGreaterThanOrEqual(2);
    expect(chunks.at(-1)?.section.at(-1)).toContain('release captain');
  });

  it('quotes the opening line when it holds every word of the question that the later chunk holds, and more', () => {
    const answer = ask('who is the release captain');
    expect(answer.found).toBe(true);
    expect(answer.quote[0]).toContain('The release captain (rotates');
    expect(answer.citations[0]?.startLine).toBe(5);
  });

  it('quotes the later chunk where it answers by its own lines', () => {
    const answer = ask('where do i post the release note');
    expect(answer.quote.join('\n')).toContain('Post the release note in #announce');
  });
});
