import { describe, expect, it } from 'vitest';
import { selectQuote } from '../../src/answer/quote.js';
import { stem } from '../../src/search/analyze.js';

/** Question words as the composer weighs them: each stem with a weight. */
const weigh = (words: string): Map<string, number> => new Map(words.split(' ').map((word) => [stem(word), 1]));

describe('selectQuote', () => {
  it('quotes the text beside an image, not the image, whose caption and file name hold more of the question', () => {
    const text = ['In the **Search box**, enter the query you need and run it.', '', '![Run a query in OpenSearch](../images/opensearch-query.png)'].join('\n');
    expect(selectQuote(text, weigh('opensearch query')).lines).toEqual(['In the **Search box**, enter the query you need and run it.']);
    const listed = ['- Open the dashboard.', '- ![Export the query results](export-query.png)'].join('\n');
    expect(selectQuote(listed, weigh('export query dashboard')).lines).toEqual(['- Open the dashboard.']);
  });

  const ownImage = [
    'If you build your own image:',
    '* Install the runtime yourself',
    '* Install the agent',
    '* Configure `/etc/agent.conf` with your cluster name',
    '* Start the agent (`sudo systemctl start agent`)',
  ];

  it('quotes the matching item of a short list with the line that announces the list, not the whole list', () => {
    const text = ownImage.join('\n');
    const quote = selectQuote(text, weigh('start agent systemctl'));
    expect(quote.lines).toEqual(['If you build your own image:', '* Start the agent (`sudo systemctl start agent`)']);
    expect(quote.span).toEqual([0, 4]);
  });

  it('reads a list item under the line that announces its list, as under a parent bullet', () => {
    const windows = ['Normal deploy window: Monday to Thursday.', '', 'Freeze windows (no prod deploys):', '', '- Fridays from 12:00.', '- Year-end: 18 December to 3 January.', '- Public holidays in Berlin.', '', 'Dev deploys are allowed any time.'];
    expect(selectQuote(windows.join('\n'), weigh('public holiday')).lines).toEqual(['Freeze windows (no prod deploys):', '- Public holidays in Berlin.']);
    const unannounced = windows.map((line) => line.replace('(no prod deploys):', '(no prod deploys).'));
    expect(selectQuote(unannounced.join('\n'), weigh('public holiday')).lines).toEqual(['- Public holidays in Berlin.']);
  });

  it('quotes the FAQ pair that asks the question over one whose answer only mentions it', () => {
    const faq = ['Q: How do I promote a model?', 'A: Move the alias. ETA models also need a shadow test first.', 'Q: What is a shadow test?', 'A: A copy of live traffic goes to the candidate.'].join('\n');
    expect(selectQuote(faq, weigh('shadow test')).lines).toEqual(['Q: What is a shadow test?', 'A: A copy of live traffic goes to the candidate.']);
  });

  it('quotes the FAQ pair that holds most of the question, though its question line names none of it', () => {
    const faq = ['Q: How long can a query run in Superset?', 'A: Dashboards time out after 300 seconds, SQL Lab after 900 seconds.', 'Q: How many rows can I download from SQL Lab?', 'A: CSV downloads are capped at 100,000 rows.'].join('\n');
    expect(selectQuote(faq, new Map([[stem('sql'), 1], [stem('lab'), 1], [stem('timeout'), 1]])).lines).toEqual(['Q: How long can a query run in Superset?', 'A: Dashboards time out after 300 seconds, SQL Lab after 900 seconds.']);
  });

  it('quotes a line ending in a colon with the list it introduces', () => {
    const text = [...ownImage, '', 'Most teams never need to.'].join('\n');
    const quote = selectQuote(text, weigh('build own image'));
    expect(quote.lines).toEqual(ownImage);
    expect(quote.span).toEqual([0, 4]);
  });

  describe('under a line that announces a table', () => {
    const text = ['Monthly costs, June 2024, both regions together:', '', '| Item | USD |', '|---|---|', '| GPU training | 41,200 |', '| Serving | 18,700 |', '| Total | 59,900 |'].join('\n');

    it('quotes that line with the header and the matching rows', () => {
      const quote = selectQuote(text, weigh('total monthly costs'));
      expect(quote.lines).toEqual(['Monthly costs, June 2024, both regions together:', '| Item | USD |', '|---|---|', '| Total | 59,900 |']);
      expect(quote.span).toEqual([0, 6]);
    });

    it('quotes every row when none matches', () => {
      expect(selectQuote(text, weigh('monthly costs june')).lines).toHaveLength(6);
    });

    it('reads a row with its header, over a line that holds as many words of the question by itself', () => {
      const costs = [
        'Costs, June 2024, both regions together:',
        '',
        '| Item | Monthly cost |',
        '|---|---|',
        '| GPU training | 41,200 |',
        '| Serving | 18,700 |',
        '',
        'Costs are charged back to teams monthly by their training labels.',
      ].join('\n');
      const weights = new Map([[stem('monthly'), 3], [stem('gpu'), 2], [stem('cost'), 1], [stem('charged'), 1]]);
      const quote = selectQuote(costs, weights);
      expect(quote.lines).toEqual(['Costs, June 2024, both regions together:', '| Item | Monthly cost |', '|---|---|', '| GPU training | 41,200 |']);
      expect(quote.span).toEqual([0, 4]);
    });

    const restore = [
      '1. Find the snapshot id with `aws rds describe-db-snapshots`.',
      '2. Restore it to a new instance:',
      '```bash',
      'aws rds restore-db-instance-from-db-snapshot',
      '```',
      '3. Point `DATABASE_URL` at the new instance and restart the app.',
      '',
      'Restores take about 20 minutes.',
    ];

    it('on a question of how to do something, quotes every step of the numbered list the answering step is in', () => {
      const quote = selectQuote(restore.join('\n'), weigh('restore backup'), { procedure: true });
      // The line after the list holds "restore" as well: a close rival, quoted with the steps.
      expect(quote.lines).toEqual(restore.filter((line) => line !== ''));
      expect(quote.span).toEqual([0, 7]);
    });

    it('quotes one step where the question does not ask how to do something', () => {
      const quote = selectQuote(restore.join('\n'), weigh('find snapshot id'));
      expect(quote.lines).toEqual([restore[0]]);
    });

    it('quotes the step alone where the list is too long to read as one answer', () => {
      const long = Array.from({ length: 12 }, (_, i) => `${i + 1}. Step ${i + 1}${i === 6 ? ': restore the snapshot' : ''}.`);
      const quote = selectQuote(long.join('\n'), weigh('restore snapshot'), { procedure: true });
      expect(quote.lines).toEqual([long[6]]);
    });
  });

  it('does not take the list after a line that announces nothing', () => {
    const text = ['You can build your own image.', '* Install the runtime yourself', '* Install the agent'].join('\n');
    expect(selectQuote(text, weigh('build own image')).lines).toEqual(['You can build your own image.']);
  });

  describe('in a chunk with a code block', () => {
    const text = [
      'Deploys go through Argo CD. Merge to `main`, then sync the app:',
      '',
      '```sh',
      'argocd app sync payments-api',
      'argocd app wait payments-api --health',
      '```',
      '',
      'Never deploy during the Black Friday freeze.',
    ].join('\n');

    it('quotes the prose line that answers, without a code block that does not', () => {
      const quote = selectQuote(text, weigh('black friday'));
      expect(quote.lines).toEqual(['Never deploy during the Black Friday freeze.']);
      expect(quote.span).toEqual([7, 7]);
    });

    it('quotes a line ending in a colon with the code block it introduces', () => {
      const quote = selectQuote(text, weigh('merge main'));
      expect(quote.lines).toEqual(text.split('\n').slice(0, 6).filter((line) => line !== ''));
      expect(quote.span).toEqual([0, 5]);
    });

    it('quotes a code block whole, with the line that introduces it', () => {
      const quote = selectQuote(text, weigh('health'));
      expect(quote.lines).toEqual(text.split('\n').slice(0, 6).filter((line) => line !== ''));
    });

    it('on a question of how to do something, quotes the code block that follows the answering line', () => {
      const rollback = ['If something looks wrong after a deploy, roll back first and investigate second.', '', '```bash', 'make rollback SERVICE=payments-api ENV=prod', '```'].join('\n');
      expect(selectQuote(rollback, weigh('roll back deploy')).lines).toEqual([rollback.split('\n')[0]]);
      const quote = selectQuote(rollback, weigh('roll back deploy'), { procedure: true });
      expect(quote.lines).toEqual(rollback.split('\n').filter((line) => line !== ''));
      expect(quote.span).toEqual([0, 4]);
    });
  });

  describe('on a question that asks for an amount', () => {
    const text = [
      '- SEV1 and SEV2 need a written postmortem within **5 business days**, using the template.',
      '- SEV3 needs a short write-up in the Jira ticket; a full postmortem is optional.',
      '- Action items are reviewed in the weekly sync until closed.',
    ].join('\n');
    const weights = new Map([[stem('write'), 2.7], [stem('postmortem'), 2.1]]);

    it('quotes the piece that states one over a piece with more of the question\'s words and none', () => {
      expect(selectQuote(text, weights).lines).toEqual(['- SEV3 needs a short write-up in the Jira ticket; a full postmortem is optional.']);
      expect(selectQuote(text, weights, { amount: true }).lines[0]).toContain('5 business days');
    });

    it('does not take a digit of a name for an amount', () => {
      const names = ['- The SEV3 queue is triaged by the postmortem owner.', '- Write the postmortem in the shared folder.'].join('\n');
      expect(selectQuote(names, weights, { amount: true }).lines).toEqual(['- Write the postmortem in the shared folder.']);
    });
  });

  describe('on a question that asks for a reason', () => {
    const text = [
      '1. Keep RabbitMQ, move to Amazon MQ.',
      '2. Amazon SQS.',
      '3. Kafka via Amazon MSK.',
      '',
      'Kafka was rejected because we have no streaming use case that needs replay.',
    ].join('\n');

    it('quotes the piece that gives one, without the pieces that only name the topic', () => {
      const weights = weigh('why not kafka');
      expect(selectQuote(text, weights).lines).toContain('3. Kafka via Amazon MSK.');
      expect(selectQuote(text, weights, { reason: true }).lines).toEqual(['Kafka was rejected because we have no streaming use case that needs replay.']);
    });

    it('does not take a consequence for the reason', () => {
      const reason = 'A shallow check of the object would always fail, as a new object is returned each time.';
      const consequence = [reason, '', 'React-Redux therefore compares each value.'].join('\n');
      expect(selectQuote(consequence, weigh('why check each value'), { reason: true }).lines[0]).toBe(reason);
    });
  });

  it('weighs the rivals of a piece that states an amount as the piece was chosen', () => {
    const text = [
      '- **SEV1:** update the public status page within 15 minutes, then every 30 minutes until resolved.',
      '- **SEV2:** status page update only if merchants are visibly affected.',
      '- **SEV3:** no status page.',
    ].join('\n');
    const weights = new Map([[stem('sev1'), 2], [stem('update'), 1], [stem('status'), 1], [stem('page'), 1]]);
    expect(selectQuote(text, weights).lines).toEqual(text.split('\n').slice(0, 2));
    expect(selectQuote(text, weights, { amount: true }).lines).toEqual([text.split('\n')[0]]);
  });

  it('quotes a paragraph wrapped over several lines whole, with the lines it spans', () => {
    const text = [
      'The on-call handover happens every Monday at',
      '10:00 UTC in the ops channel, after the incident',
      'review, so that nothing open is lost.',
      '',
      '- Pager: the primary carries it',
      '- Escalation: the secondary after 15 minutes',
      '- Runbooks live in the ops folder',
      '- Dashboards are linked from each runbook',
      '- Holidays follow the team calendar',
    ].join('\n');
    const quote = selectQuote(text, weigh('when on-call handover'));
    expect(quote.lines).toEqual(text.split('\n').slice(0, 3));
    expect(quote.span).toEqual([0, 2]);
  });

  it('ends a piece at a Markdown hard break, as the writer ended the line there', () => {
    const text = ['**Owner:** Priya Shah  ', '**Runbook:** see the wiki  ', '**Pager:** billing-primary'].join('\n');
    const quote = selectQuote(text, weigh('billing pager'));
    expect(quote.lines).toEqual(['**Pager:** billing-primary']);
    expect(quote.span).toEqual([2, 2]);
    // Without the breaks, prose lines are one paragraph, quoted whole.
    const prose = ['Priya Shah owns it', 'and the runbook is on the wiki;', 'the pager is billing-primary.'].join('\n');
    expect(selectQuote(prose, weigh('billing pager')).lines).toHaveLength(3);
  });

  it('quotes one of labelled lines written one under another, as records, not a paragraph', () => {
    const fields = ['**Severity:** SEV-1', '**Duration:** 47 minutes', '**Author:** Priya Natarajan'].join('\n');
    expect(selectQuote(fields, weigh('author')).lines).toEqual(['**Author:** Priya Natarajan']);
    const standup = ['Mon: Ana on PTO. Deploy freeze lifted at noon.', 'Tue: Billing migration done in staging.', 'Wed: Search reindex took 6 hours.'].join('\n');
    const quote = selectQuote(standup, weigh('reindex'));
    expect(quote.lines).toEqual(['Wed: Search reindex took 6 hours.']);
    expect(quote.span).toEqual([2, 2]);
  });

  it('keeps an answer wrapped over several lines with its question', () => {
    const text = ['Q: How do I rotate the token?', 'A: Run the rotate job, then restart', 'the workers so they read it.', 'Q: Where are the logs?', 'A: In the logs bucket.'].join('\n');
    const quote = selectQuote(text, weigh('rotate token'));
    expect(quote.lines).toEqual(['Q: How do I rotate the token?', 'A: Run the rotate job, then restart', 'the workers so they read it.']);
    expect(quote.span).toEqual([0, 2]);
  });

  it('quotes a rival under the same bullet as the best piece, not one under another bullet of the outline', () => {
    const text = [
      '- Compensation',
      '  - Each on-call week pays a flat 300 EUR.',
      '  - A page at night gives you the next morning off.',
      '- Handover',
      '  - Friday 15:00 handover call with the next primary.',
      '- Laptop and access',
      '  - Carry your laptop and a hotspot during your week.',
      '  - You need prod read access and the break-glass role.',
    ].join('\n');
    const weights = new Map([[stem('hotspot'), 2], [stem('need'), 1], [stem('call'), 1]]);
    const quote = selectQuote(text, weights);
    expect(quote.lines).toEqual(['- Laptop and access', '  - Carry your laptop and a hotspot during your week.', '  - You need prod read access and the break-glass role.']);
    expect(quote.span).toEqual([5, 7]);
  });

  it('reads a line with the bullets above it: the same line under another parent is not the answer', () => {
    const text = ['- We can use ECS with:', '  - EC2 (self-managed by you)', '  - Fargate (fully-managed by AWS)', '- We can use EKS with:', '  - EC2 (self-managed by you)', '  - EC2-based Nodegroup (semi-managed by AWS)'].join('\n');
    const quote = selectQuote(text, weigh('self managed eks'));
    expect(quote.lines[0]).toBe('- We can use EKS with:');
    expect(quote.span[0]).toBe(3);
  });

  it('quotes the matching pair of a FAQ whose questions are lines in bold, not the pairs sharing a word', () => {
    const text = [
      '**How do I get access to production?**',
      'Request the group in the IT portal. Every use is logged.',
      '',
      '**Can I use Copilot for work code?**',
      'Copilot yes, through the company licence.',
      '',
      '**Why is my CI job pending?**',
      'The shared runners are busy.',
    ].join('\n');
    const quote = selectQuote(text, weigh('use copilot'));
    expect(quote.lines).toEqual(['**Can I use Copilot for work code?**', 'Copilot yes, through the company licence.']);
    expect(quote.span).toEqual([3, 4]);
  });

  it('quotes a table row with its header where the chunk holds more than the table', () => {
    const text = [
      'Who runs what:',
      '',
      '| Service | Owner team | Slack |',
      '|---|---|---|',
      '| checkout | Payments | #team-payments |',
      '| notifications | Platform | #team-platform |',
      '',
      'Tier 1 services have a 24/7 on-call.',
    ].join('\n');
    const quote = selectQuote(text, weigh('slack notifications service'));
    expect(quote.lines).toEqual(['| Service | Owner team | Slack |', '|---|---|---|', '| notifications | Platform | #team-platform |']);
    expect(quote.span).toEqual([2, 5]);
  });

  it('quotes a table whose header holds the question with its rows, never the header alone', () => {
    const text = ['| Overspend in one month | Approved by |', '|---|---|', '| up to €2,000 | the team lead |', '| €2,000 to €10,000 | the head of platform |', '| over €10,000 | the CTO |'].join('\n');
    const quote = selectQuote(text, weigh('who approves overspend'));
    expect(quote.lines).toEqual(['| Overspend in one month | Approved by |', '|---|---|', '| up to €2,000 | the team lead |', '| €2,000 to €10,000 | the head of platform |', '| over €10,000 | the CTO |']);
  });

  it('keeps the bullet above a table nested under it', () => {
    const text = ['- `compaction` settings', '    | Item | Meaning |', '    | --- | --- |', '    | `ratio` | Flushes data past the buffer |', '    | `size` | The buffer size |'].join('\n');
    const quote = selectQuote(text, weigh('flushes data'));
    expect(quote.lines).toEqual(['- `compaction` settings', '    | Item | Meaning |', '    | --- | --- |', '    | `ratio` | Flushes data past the buffer |']);
  });

  it('quotes a long wrapped paragraph by its sentences, each with the lines it spans', () => {
    const filler = 'This sentence is only here to make the paragraph long enough to be cut into its sentences by the quote';
    const text = [`${filler}.`, `${filler} again. Backups of the billing`, 'database run nightly at two. ' + `${filler} once more.`].join('\n');
    const quote = selectQuote(text, weigh('billing database backups'));
    expect(quote.lines).toEqual(['Backups of the billing', 'database run nightly at two.']);
    expect(quote.span).toEqual([1, 2]);
  });

  it('counts the lines of a sentence that follows many others, on lines of their own and on its own line', () => {
    const filler = 'This sentence is only here to make the paragraph long enough';
    const text = [`${filler}. ${filler}.`, `${filler}. ${filler}.`, `${filler}. Backups of the billing`, 'database run nightly at two. ' + `${filler}.`].join('\n');
    const quote = selectQuote(text, weigh('billing database backups'));
    expect(quote.lines).toEqual(['Backups of the billing', 'database run nightly at two.']);
    expect(quote.span).toEqual([2, 3]);
  });

  it('cuts sentences at a stop followed by a space, not inside a file name, a version or an address', () => {
    const filler = 'This sentence is only here to make the paragraph long enough to be cut into its sentences by the quote';
    const text = `${filler}. Yes! Run the [create command](Manpage.md#create) from v1.2.3 on, as example.com explains. ${filler} again. ${filler} once more.`;
    const quote = selectQuote(text, weigh('create command'));
    expect(quote.lines).toEqual(['Run the [create command](Manpage.md#create) from v1.2.3 on, as example.com explains.']);
  });
});
