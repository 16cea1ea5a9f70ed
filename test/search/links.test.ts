import { describe, expect, it } from 'vitest';
import { stem } from '../../src/search/analyze.js';
import { analyzeQuery } from '../../src/search/query.js';
import { search } from '../../src/search/search.js';
import { proximityScorer } from '../../src/search/proximity.js';
import { asksForLink, onlyLinks } from '../../src/search/links-asked.js';
import { crossReferenceSpans } from '../../src/search/field-terms.js';
import { firstFile, indexOf } from './notes-index.js';

describe('words in web addresses', () => {
  const notes = {
    'video.md': '- [ECS on EC2 vs Fargate](https://www.youtube.com/watch?v=DVrGXjjkpig)\n- see https://example.com/catch/latch',
    'ops.md': '# Patching\n\nWe patch the hosts monthly.',
  };

  it('are found as written, but a typo is not taken for one of them', () => {
    const index = indexOf(notes);
    expect(search(index, 'youtube').hits[0]?.chunk.file).toBe('video.md');
    expect(index.vocabulary.has('watch')).toBe(false);
    expect(index.vocabulary.has('latch')).toBe(false);
    // "watcj" is one edit from the address's "watch" only; "ptach" is one from the notes' "patch".
    expect(analyzeQuery(index, 'watcj').groups[0]?.terms).toEqual([]);
    expect(analyzeQuery(index, 'ptach').groups[0]?.terms.map((term) => term.stem)).toEqual([stem('patch')]);
  });
});

describe('a question that asks for a link', () => {
  it.each([
    ["what's the grafana url", true],
    ['jira url', true],
    ['link to the payments dashboard', true],
    ['where is the runbook link?', true],
    ['how do i link my github account', false],
    ['what is grafana', false],
    ['Why does my URL rewrite fail?', false],
    ["Two sources claim the same hostname and the record won't switch. Why?", false],
    ['i clicked a link in a phishing email, what now', false],
    ['someone sent me a link to reset my password', false],
    ['i need the grafana url', true],
    ["i'm looking for the link to the payments dashboard", true],
  ])('%j asks for a link: %s', (question, expected) => {
    expect(asksForLink(question)).toBe(expected);
  });

  it('is answered by the line with the address, not by the words "url" in variable names', () => {
    const notes = {
      'setup.md': '# Local setup\n\n| Variable | Local value |\n|---|---|\n| `DATABASE_URL` | `postgres://localhost:5433/dev` |\n| `REDIS_URL` | `redis://localhost:6380/0` |\n| `QUEUE_URL` | `http://localhost:4566/queue` |\n',
      'tools.md': '# Tools\n\n- Grafana: https://grafana.internal.example.io\n- Jira: https://example.atlassian.net\n',
      'oncall.md': '# On-call\n\nCheck the Grafana deploys dashboard before you page anyone.\n',
    };
    const hit = search(indexOf(notes), "what's the grafana url", { ranking: { minSections: 0 } }).hits[0];
    expect(hit?.chunk.file).toBe('tools.md');
  });
});

describe('lines that are only links', () => {
  it.each([
    [['- [ECS EC2 launch type vs Fargate](https://www.youtube.com/watch?v=abc)'], true],
    [['* [Runbook](runbooks/db.md "the runbook")', '', '1. <https://grafana.example.io>'], true],
    [['https://wiki.example.com/canary'], true],
    [['See [the runbook](runbooks/db.md) before a restore.'], false],
    [['- [Runbook](runbooks/db.md)', '- Restore from the nightly snapshot.'], false],
    [[''], false],
  ])('%j are only links: %s', (lines, expected) => {
    expect(onlyLinks(lines)).toBe(expected);
  });
});

describe('cross-references', () => {
  it('ranks the section a link points to above the page that only links to it', () => {
    const notes = {
      'faq.md': 'Upgrades are manual. See [how to upgrade cluster versions](#how-to-upgrade-cluster-versions).',
      'upgrading.md':
        'Upgrading a cluster version is done by hand or with the Upgrade button of the dashboard. By hand, change ' +
        '`kubernetes.version` in the cluster spec and apply it: the control plane is updated first, then the worker ' +
        'pools one by one, each drained before its nodes are replaced.',
    };
    expect(firstFile(notes, 'how to upgrade cluster versions')).toBe('upgrading.md');
  });

  it('counts the words of a link out of the notes in full, and still finds a page that only links', () => {
    const hits = search(
      indexOf({
        'outside.md': 'Watch [Fargate pricing explained](https://example.com/fargate-pricing) first.',
        'inside.md': 'Watch [Fargate pricing explained](costs/fargate-pricing.md) first.',
      }),
      'fargate pricing',
    ).hits;
    const score = (file: string) => hits.find((hit) => hit.chunk.file === file)?.score ?? 0;
    expect(score('inside.md')).toBeGreaterThan(0);
    expect(score('outside.md')).toBeGreaterThan(score('inside.md'));
  });

  it('pairs none of its words for proximity, as it counts them at a tenth', () => {
    const index = indexOf({ 'links.md': 'Before a release, see [rotate signing keys](keys.md).', 'prose.md': 'Rotate signing keys before a release.' });
    const scorer = proximityScorer(index, analyzeQuery(index, 'rotate signing keys').groups, 5);
    const unitOf = (file: string) => index.unitOf[index.chunks.findIndex((chunk) => chunk.file === file)] ?? -1;
    expect(scorer?.score(unitOf('prose.md'))).toBeGreaterThan(0);
    expect(scorer?.score(unitOf('links.md'))).toBe(0);
  });

  it('reads a link with no scheme as a cross-reference, but not an image or a link out', () => {
    const text = 'A [guide](../deploy.md "Deploy"), ![a diagram](flow.png), [mail](mailto:ops@example.com), [site](https://example.com), [top](#top).';
    expect(crossReferenceSpans(text).map(([start, end]) => text.slice(start, end))).toEqual([
      '[guide](../deploy.md "Deploy")',
      '[top](#top)',
    ]);
  });
});
