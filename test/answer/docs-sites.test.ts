import { describe, expect, it } from 'vitest';
import { composeAnswer } from '../../src/answer/compose.js';
import { indexNotes } from '../../src/knowledge/build.js';
import { search } from '../../src/search/search.js';

/** Notes kept as a docs site keeps them: Docusaurus MDX with tabs and admonitions, Hugo shortcodes, HTML anchors. */
const site = [
  {
    file: 'docs/deploys.mdx',
    text: [
      '---',
      'title: Deploying the API',
      '---',
      '',
      "import Tabs from '@theme/Tabs';",
      "import TabItem from '@theme/TabItem';",
      '',
      'Deploys go out through Argo Rollouts with a canary.',
      '',
      ':::caution Freeze',
      '',
      'No deploys after 3pm on Fridays.',
      '',
      ':::',
      '',
      '## Rolling back',
      '',
      '<Tabs>',
      '  <TabItem value="cli" label="CLI">',
      '',
      'Run `kubectl argo rollouts undo api` to go back to the previous revision.',
      '',
      '  </TabItem>',
      '  <TabItem value="ui" label="Dashboard">',
      '',
      'Open the Rollouts dashboard and press **Rollback** on the api rollout.',
      '',
      '  </TabItem>',
      '</Tabs>',
      '',
      ':::tip',
      'The canary runs at 10% for 15 minutes before it is promoted.',
      ':::',
    ].join('\n'),
  },
  {
    file: 'content/backups.md',
    text: [
      '---',
      'title: "Backups"',
      '---',
      '',
      '{{< alert title="Retention" color="warning" >}}',
      'Nightly snapshots are kept for 35 days; monthly ones for a year.',
      '{{< /alert >}}',
      '',
      '<a name="restore"></a>',
      '## Restoring',
      '',
      'Restore the snapshot to a new instance with `aws rds restore-db-instance-from-db-snapshot`.',
    ].join('\n'),
  },
  {
    file: 'docs/redis.md',
    text: [
      '# Redis runbook',
      '',
      '!!! warning "Never run FLUSHALL in production"',
      '',
      "    FLUSHALL drops every session. Use `redis-cli --scan --pattern 'sess:*'` and delete keys in batches instead.",
      '',
      '## Replication',
      '',
      '??? tip "Checking replication lag"',
      '',
      '    Run `INFO replication` on the replica:',
      '',
      '    - `master_last_io_seconds_ago` above 10 means it is behind',
      '    - `master_link_status` down means it is cut off',
    ].join('\n'),
  },
  {
    file: 'README.md',
    text: [
      '# Search',
      '',
      '<details>',
      '<summary>How do I get access to the billing database?</summary>',
      '',
      'Request the `billing-ro` role in Okta; @payments approves it within a day.',
      '',
      '</details>',
      '',
      '<details>',
      '<summary>Why is search slow on Mondays?</summary>',
      'The weekly reindex runs Monday 02:00–06:00 UTC.',
      '</details>',
      '',
      '<details><summary>Where do search logs go?</summary>',
      '',
      'To the `search-prod` index in Kibana, kept for 14 days.',
      '',
      '</details>',
    ].join('\n'),
  },
  {
    file: 'wiki/services.html.md',
    text: [
      '# Services',
      '',
      '<table>',
      '<tr>',
      '<th>Service</th>',
      '<th>Owner</th>',
      '<th>Slack channel</th>',
      '</tr>',
      '<tr>',
      '<td>billing</td>',
      '<td>@payments</td>',
      '<td>#billing-dev</td>',
      '</tr>',
      '<tr>',
      '<td>catalog</td>',
      '<td>@merch</td>',
      '<td>#catalog</td>',
      '</tr>',
      '</table>',
    ].join('\n'),
  },
  {
    file: 'wiki/escalation.html.md',
    text: [
      '# Escalation',
      '',
      '<p>Page the team that owns the failing system.</p>',
      '',
      '<table><tr><th>Team</th><th>Pager rotation</th><th>Escalates to</th></tr><tr><td>Storage</td><td>storage-primary</td><td>Dana Whitfield</td></tr><tr><td>Networking</td><td>net-oncall</td><td>Luis Ortega</td></tr><tr><td>Identity</td><td>iam-primary</td><td>Priya Nair</td></tr><tr><td>Data platform</td><td>dp-oncall</td><td>Tomasz Wolak</td></tr><tr><td>Edge</td><td>edge-primary</td><td>Mei Tanaka</td></tr><tr><td>Payments</td><td>pay-primary</td><td>Ana Lima</td></tr><tr><td>Search</td><td>search-oncall</td><td>Ben Okafor</td></tr><tr><td>Mobile</td><td>mobile-primary</td><td>Eva Berg</td></tr><tr><td>Billing</td><td>billing-oncall</td><td>Sam Reyes</td></tr></table>',
    ].join('\n'),
  },
];
const { index } = indexNotes(site);
const ask = (question: string) => composeAnswer(question, search(index, question, { limit: 32 }), index, { top: 3 });

describe('notes kept as a docs site', () => {
  it('quotes the lines inside tabs without the tags around them', () => {
    const answer = ask('how do i roll back the api');
    const quote = answer.citations[0]?.snippet ?? '';
    expect(quote).toContain('kubectl argo rollouts undo api');
    expect(quote).not.toMatch(/TabItem|<\/?Tabs>/);
    expect(answer.citations[0]?.file).toBe('docs/deploys.mdx');
  });

  it('quotes the line inside a shortcode without the shortcode', () => {
    const answer = ask('how long are backups kept');
    expect(answer.citations[0]?.snippet).toBe('Nightly snapshots are kept for 35 days; monthly ones for a year.');
    expect(answer.citations[0]?.startLine).toBe(6);
  });

  it('quotes an admonition with the title the site shows and without its closing fence', () => {
    const answer = ask('how long does the canary run');
    const quote = answer.citations[0]?.snippet ?? '';
    expect(quote).toContain('The canary runs at 10% for 15 minutes');
    expect(quote).not.toMatch(/^:::\s*$/m);
    expect(ask('can we deploy on friday').citations[0]?.snippet).toContain('No deploys after 3pm on Fridays.');
  });

  it('quotes an MkDocs box with its title, its text out of the indent', () => {
    const answer = ask('can i run flushall in prod');
    expect(answer.citations[0]?.snippet.split('\n')).toEqual([
      '!!! warning "Never run FLUSHALL in production"',
      "FLUSHALL drops every session. Use `redis-cli --scan --pattern 'sess:*'` and delete keys in batches instead.",
    ]);
    expect([answer.citations[0]?.startLine, answer.citations[0]?.endLine]).toEqual([3, 5]);
  });

  it('reads a list in an MkDocs box as a list: the item that answers is quoted, not the whole box', () => {
    const quote = ask('what does master link status down mean').citations[0]?.snippet ?? '';
    expect(quote).toContain('- `master_link_status` down means it is cut off');
    expect(quote).not.toContain('master_last_io_seconds_ago');
  });

  it('answers from under a disclosure\'s summary, as from under a FAQ\'s question, and names it in the section path', () => {
    const access = ask('how do i get access to the billing database').citations[0];
    expect(access?.snippet).toBe('Request the `billing-ro` role in Okta; @payments approves it within a day.');
    const slow = ask('why is search slow on mondays').citations[0];
    expect(slow?.snippet).toBe('The weekly reindex runs Monday 02:00–06:00 UTC.');
    expect(slow?.section).toBe('Search › Why is search slow on Mondays?');
  });

  it('reads a <summary> on the line of its <details> as the question the text under it answers', () => {
    const logs = ask('where do search logs go').citations[0];
    expect(logs?.snippet).toBe('To the `search-prod` index in Kibana, kept for 14 days.');
    expect(logs?.section).toBe('Search › Where do search logs go?');
  });

  it('quotes an HTML table written one cell a line as its header and the row that answers, citing the row\'s lines', () => {
    const owner = ask('who owns billing').citations[0];
    expect(owner?.snippet.split('\n')).toEqual(['| Service | Owner | Slack channel |', '| --- | --- | --- |', '| billing | @payments | #billing-dev |']);
    expect([owner?.file, owner?.startLine, owner?.endLine]).toEqual(['wiki/services.html.md', 4, 9]);
    expect(ask('slack channel for catalog').citations[0]?.snippet).toContain('| catalog | @merch | #catalog |');
  });

  it('reads a long HTML table exported on one line as records and quotes the one that answers, not the tags', () => {
    const pager = ask('which pager rotation does networking use').citations[0];
    expect(pager?.snippet).toBe('Team: Networking, Pager rotation: net-oncall, Escalates to: Luis Ortega.');
    expect([pager?.file, pager?.startLine, pager?.endLine]).toEqual(['wiki/escalation.html.md', 5, 5]);
    expect(ask('who does identity escalate to').citations[0]?.snippet).toContain('Escalates to: Priya Nair');
  });

  it('quotes such a table\'s rows, not the bare pipes between them, where its header alone holds the question', () => {
    const rows = ask('service slack channels').citations[0]?.snippet.split('\n') ?? [];
    expect(rows).toEqual(['| Service | Owner | Slack channel |', '| --- | --- | --- |', '| billing | @payments | #billing-dev |', '| catalog | @merch | #catalog |']);
  });

  it('shows a page\'s front-matter title first in its section path, as the site shows it as the page\'s heading', () => {
    expect(ask('how long are backups kept').citations[0]?.section).toBe('Backups');
    expect(ask('how do i roll back the api').citations[0]?.section).toBe('Deploying the API › Rolling back');
  });

  it('shows no front-matter title before a page\'s own # heading', () => {
    const { index } = indexNotes([{ file: 'a.md', text: '---\ntitle: Runbook\n---\n# Redis\n\nFLUSHALL drops every session.\n' }]);
    const answer = composeAnswer('flushall', search(index, 'flushall', { limit: 8 }), index, { top: 3 });
    expect(answer.citations[0]?.section).toBe('Redis');
  });

  it('counts no markup as words of a section: nothing is found for a question only the tags would answer', () => {
    expect(ask('tabitem value label').found).toBe(false);
    expect(ask('which theme tabs are imported').citations.some((cited) => cited.snippet.includes('import'))).toBe(false);
  });
});
