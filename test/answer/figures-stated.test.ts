import { describe, expect, it } from 'vitest';
import { openLore } from '../../src/engine.js';
import { statesAmount, statesMoney } from '../../src/answer/figures-stated.js';
import { asksCost, asksDuration, asksTimeCount, asksForDate, asksRate, asksSize, asksTimeSpan, asksWhenEventIs } from '../../src/search/answer-cues.js';
import { saysWhenLoosely } from '../../src/search/times-asked.js';
import { tempFolders } from '../rerank/temp-folders.js';

const notesFolder = tempFolders('lore-figures-');

describe('what states the figure a question asks for', () => {
  it.each([
    ['Both can be on at once: PGA for Google APIs, Cloud NAT for everything else', false],
    ['Pull all the images at once before the cutover.', false],
    ['Cloud NAT is billed at $0.044 per hour per gateway.', true],
    ['The digest goes out once a week.', true],
  ])('%j states an amount: %s', (line, expected) => {
    expect(statesAmount([line])).toBe(expected);
  });

  it('reads "at once" as at the same time for a rate, too', () => {
    const rate = { rate: asksRate('how much does cloud nat cost per hour?') };
    expect(rate.rate).toBe(true);
    expect(statesAmount(['Both can be on at once: PGA for Google APIs, Cloud NAT for everything else'], rate)).toBe(false);
    expect(statesAmount(['Cloud NAT costs $0.044 per hour.'], rate)).toBe(true);
  });

  it('takes no cost said in words for how often: "price" is no frequency', () => {
    const often = { duration: asksDuration('how often does snap_product_prices run') };
    expect(often.duration).toBe(true);
    expect(statesAmount(['| `snap_product_prices` | listing price changes | indefinite |'], often)).toBe(false);
    expect(statesAmount(['| `snap_product_prices` | listing price changes | daily |'], often)).toBe(true);
    expect(statesAmount(['The licence is free for teams under ten.'], {})).toBe(true);
  });

  it('takes a day of the week for when and how often, not for how long or how many', () => {
    const when = { duration: asksDuration('when are releases cut') };
    expect(when.duration).toBe(true);
    expect(statesAmount(['Releases are cut every Tuesday by the release captain.'], when)).toBe(true);
    expect(statesAmount(['Releases are cut by the release captain.'], when)).toBe(false);
    expect(statesAmount(['Releases are cut every Tuesday.'], { span: asksTimeSpan('how long does a release take') })).toBe(false);
    expect(statesAmount(['Releases are cut every Tuesday.'], { count: true })).toBe(false);
  });

  it('quotes the line that says the day for "when", not a time of day on a line that holds none of the question', async () => {
    const lore = await openLore({ knowledgeDir: await notesFolder({ 'release.md': '# Release process\n\nReleases are cut every Tuesday by the release captain.\n\n- Freeze the branch at 10:00 UTC.\n- Run the smoke suite against staging.\n' }) });
    expect(lore.answer('when are releases cut').quote).toEqual(['Releases are cut every Tuesday by the release captain.']);
  });

  it('takes no length of time for a size: "7 years" and "hourly" say how long and how often, not how big', () => {
    const size = { size: asksSize('how big is the raw stripe schema'), amount: true };
    expect(size.size).toBe(true);
    expect(asksSize('how long is the raw stripe retention')).toBe(false);
    expect(statesAmount(['| `raw.stripe_*` | Airbyte | hourly | 7 years | no |'], size)).toBe(false);
    expect(statesAmount(['| `raw.stripe_*` | Airbyte | 42 GB | 7 years | no |'], size)).toBe(true);
    expect(statesAmount(['The on-call rota has 12 people.'], size)).toBe(true);
  });

  it('takes no number of times a period for a length of time: "twice a day" says how often', () => {
    const span = { span: asksTimeSpan('how long does engineering have to fix an esc ticket'), duration: true };
    expect(span.span).toBe(true);
    expect(statesAmount(['The liaison triages ESC tickets twice a day, at 10:00 and 15:00.'], span)).toBe(false);
    expect(statesAmount(['Engineering has 3 times a week to look, and 5 days to fix.'], span)).toBe(true);
    expect(statesAmount(['Engineering fixes an ESC ticket within a day.'], span)).toBe(true);
  });

  it('takes no word of frequency before a thing for a length of time: "a nightly job" says how often, "is weekly" how long', () => {
    const span = { span: asksTimeSpan('how long are the grafana metrics retained'), duration: true };
    expect(statesAmount(['A nightly job writes drift metrics to Grafana.'], span)).toBe(false);
    expect(statesAmount(['A nightly job writes drift metrics to Grafana.'], { duration: true })).toBe(true);
    expect(statesAmount(['The on-call rotation is weekly.'], span)).toBe(true);
    expect(statesAmount(['Secrets are rotated weekly by the platform team.'], span)).toBe(true);
    expect(statesAmount(['Nightly dumps are kept for 7 days.'], span)).toBe(true);
  });

  it('takes no period repeated for a count of a unit of time: "every 3 hours" says how often', () => {
    const question = 'backups - how many days are they retained';
    const form = { count: true, duration: true, units: asksTimeCount(question) };
    expect(form.units).toBe(true);
    expect(asksTimeCount('how many people are on call')).toBe(false);
    expect(statesAmount(['A backup of the cluster is scheduled to run every 3 hours.'], form)).toBe(false);
    expect(statesAmount(['A backup of the cluster is scheduled to run every 3 hours.'], { ...form, units: false })).toBe(true);
    expect(statesAmount(['Backups run every 3 hours and are kept for 30 days.'], form)).toBe(true);
    expect(statesAmount(['Snapshots are taken daily.'], form)).toBe(false);
    expect(statesAmount(['Snapshots are kept for two weeks.'], form)).toBe(true);
  });

  it('answers a retention honestly where the notes say only how often, and with the figure once they give it', async () => {
    const notes = { 'backups.md': '# Backups\n\n- Daily snapshots of the orders database are taken automatically.\n- Cluster backups are retained in S3; a backup runs every 3 hours.\n' };
    const lore = await openLore({ knowledgeDir: await notesFolder(notes) });
    for (const question of ['how long are the daily snapshots of the orders database kept?', 'cluster backups - how many days are they retained']) {
      const unstated = lore.answer(question);
      expect(unstated.found, question).toBe(false);
      expect(unstated.text).toContain("I couldn't find a figure for that in the notes.");
    }
    const kept = { 'backups.md': '# Backups\n\n- Daily snapshots of the orders database are taken automatically and kept for 35 days.\n- Cluster backups are retained in S3 for 14 days; a backup runs every 3 hours.\n' };
    const stated = await openLore({ knowledgeDir: await notesFolder(kept) });
    expect(stated.answer('how long are the daily snapshots of the orders database kept?').text).toContain('35 days');
    expect(stated.answer('cluster backups - how many days are they retained').text).toContain('14 days');
  });

  it.each([
    ['pemberton lisle audit fee', true],
    ['on-call allowance per week', true],
    ['how much does browserstack cost us', true],
    ['what do we pay them if the train is late?', true],
    ['how much do we get paid for on-call?', true],
    ['what happens if an invoice is not paid on time?', false],
    ['does the EKS control plane cost money?', false],
    ['fargate pricing model', false],
    ['uk pay date in august', false],
    ['pay as you go fargate cpu memory', false],
    ['how should i name a column holding a price in pounds', false],
    ['whos the cost centre owner for R&D', false],
    ["who's paid the on-call allowance", false],
    ['where is the price list for resellers', false],
  ])('%j asks for a sum of money: %s', (question, expected) => {
    expect(asksCost(question)).toBe(expected);
  });

  it.each([
    ['AWS charges of USD 6,380; the net cost was USD 1,280.', true],
    ['42p a mile for the first 8,000 business miles', true],
    ['| 30–59 minutes | 25% of the single fare |', true],
    ['Pennant licences £38k a year', true],
    ['The control plane is free.', true],
    ['BrowserStack costs us nothing extra: it is billed with the QA budget.', true],
    ['Only 2 people can use it at once, so close your session.', false],
    ['Audit fees are agreed with the partner each spring.', false],
  ])('%j states a sum of money: %s', (line, expected) => {
    expect(statesMoney([line])).toBe(expected);
  });

  it('answers a question of what something costs only with a sum of money', async () => {
    const notes = { 'tools.md': '# Testing tools\n\n- BrowserStack App Live: ask Mara for a seat. Only 2 people can use it at once.\n- BrowserStack seats are shared by the whole QA team; ask before you add to the cost.\n' };
    const unstated = (await openLore({ knowledgeDir: await notesFolder(notes) })).answer('how much does browserstack cost us');
    expect(unstated.found).toBe(false);
    expect(unstated.text).toContain("I couldn't find a figure for that in the notes.");
    const priced = { 'tools.md': '# Testing tools\n\n- BrowserStack App Live: ask Mara for a seat. Only 2 people can use it at once.\n- BrowserStack costs us $1,200 a year for two seats.\n' };
    const stated = (await openLore({ knowledgeDir: await notesFolder(priced) })).answer('how much does browserstack cost us');
    expect(stated.found).toBe(true);
    expect(stated.text).toContain('$1,200');
  });

  it('answers a question of cost with no figure in the notes honestly, and quotes the figure once the notes give one', async () => {
    const notes = {
      'nat.md': '# Cloud NAT\n\n- Cloud NAT gives VMs without external IPs a way out to the internet.\n- Both can be on at once: Private Google Access for Google APIs, Cloud NAT for everything else.\n- Idle Cloud NAT gateways still cost money by the hour: delete the ones no subnet uses.\n',
    };
    const unstated = (await openLore({ knowledgeDir: await notesFolder(notes) })).answer('how much does cloud nat cost per hour?');
    expect(unstated.found).toBe(false);
    expect(unstated.text).toContain("I couldn't find a figure for that in the notes.");
    const priced = { ...notes, 'nat-cost.md': '# Cloud NAT pricing\n\n- Cloud NAT costs $0.044 per hour per gateway, plus data processed.\n' };
    const stated = (await openLore({ knowledgeDir: await notesFolder(priced) })).answer('how much does cloud nat cost per hour?');
    expect(stated.found).toBe(true);
    expect(stated.text).toContain('$0.044 per hour');
  });
});

describe('a figure under the heading that names what it is', () => {
  const referral = {
    'hiring.md':
      '# Hiring and onboarding\n\n## Interviews\n\n- Two interviews and a take-home task for engineers.\n\n## Referral bonus\n\n' +
      '- £2,000 (UK) or €2,300 (NL) for a referred person who is hired and passes probation.\n' +
      '- Not paid to the hiring manager or to anyone on the interview panel.\n- No bonus for interns or contractors.\n',
  };

  it.each(['how much is the referral bonus?', 'referral bonus amount'])('quotes the line with the sum for %j, though the line never says "referral bonus"', async (question) => {
    const answer = (await openLore({ knowledgeDir: await notesFolder(referral) })).answer(question);
    expect(answer.found).toBe(true);
    expect(answer.quote.join('\n')).toContain('£2,000');
    expect(answer.citations[0]?.section).toContain('Referral bonus');
  });

  it('still quotes a line that names the subject and states the figure before one that only states a figure', async () => {
    const notes = { 'oncall.md': '# On-call\n\n## Pay\n\n- Travel is paid at 45p a mile.\n- On-call pay is £300 for a primary week.\n' };
    const answer = (await openLore({ knowledgeDir: await notesFolder(notes) })).answer('how much is on-call pay for a primary week?');
    expect(answer.found).toBe(true);
    expect(answer.quote.join('\n')).toContain('£300');
    expect(answer.quote.join('\n')).not.toContain('45p');
  });

  it('does not lean on a heading that holds less than half of the question: a figure there answers something else', async () => {
    const notes = {
      'vulns.md': '# Security\n\n## Vulnerability management\n\n- The board reviews the policy when the auditors ask for it.\n- Critical findings are fixed within 2 business days.\n',
    };
    const answer = (await openLore({ knowledgeDir: await notesFolder(notes) })).answer('how often does the board review the vulnerability management policy?');
    expect(answer.found).toBe(false);
    expect(answer.text).toContain("I couldn't find a figure for that in the notes.");
  });
});

describe('a question of when an event is', () => {
  it.each([
    ['Every other Thursday at 10:00.', true],
    ['The contract renews in March 2026.', true],
    ['Branch cut happens after the last release of the sprint.', true],
    ['Within 5 working days of the request.', true],
    ['Shadowing starts in your third week.', true],
    ['Your buddy meets you on day one.', true],
    ['We freeze deploys during the Easter week.', true],
    ['No deploys on weekends or in the evening.', true],
    ['Meridns is our DNS provider; contact the account manager for renewals.', false],
    ['The third party signs the contract.', false],
  ])('%j says when: %s', (line, expected) => {
    expect(saysWhenLoosely(line)).toBe(expected);
  });

  it('is "I couldn\'t find when" where the passage says nothing of when, and answered where it does', async () => {
    const notes = { 'vendors.md': '# Vendors\n\n- Meridns is our DNS provider; the contract is owned by the infra team.\n- Contract questions go to the infra lead.\n' };
    const unstated = (await openLore({ knowledgeDir: await notesFolder(notes) })).answer('when does our meridns contract renew');
    expect(unstated.found).toBe(false);
    expect(unstated.text).toContain("I couldn't find when that is in the notes.");
    const dated = { 'vendors.md': '# Vendors\n\n- Meridns is our DNS provider; the contract is owned by the infra team.\n- The Meridns contract renews every year in March.\n' };
    const stated = (await openLore({ knowledgeDir: await notesFolder(dated) })).answer('when does our meridns contract renew');
    expect(stated.found).toBe(true);
    expect(stated.text).toContain('March');
  });

  it.each([
    ['when does our meridns contract renew', true],
    ['when is the ops sync?', true],
    ['when is it due', true],
    ['when is it going to ship', true],
    ['when is it scheduled to run', true],
    ['when did we move over to okta', true],
    ['when was i added to the rota', true],
    ['when do i need a custom ami', false],
    ['when is it worth using a custom runner', false],
    ['When is it actually worth building a custom AMI for ECS?', false],
    ['when is it ok to deploy on a friday', false],
    ['when does it make sense to split a topic', false],
  ])('%j asks when an event is: %s', (question, expected) => {
    expect(asksWhenEventIs(question)).toBe(expected);
  });

  it.each([
    ['parlo cutover date', true],
    ['budget submissions deadline', true],
    ['due date for SEC-1413, the per-IP limit on the token endpoint?', true],
    ['where do i find my nte date', false],
    ['how do i change the due date of a ticket', false],
    ['how often do we update the status page', false],
    ['are the runbooks up to date?', false],
    ['which dashboards are out-of-date', false],
    ['what is the deadline for the finance tables to be up to date', true],
  ])('%j asks for a date by its name: %s', (question, expected) => {
    expect(asksForDate(question)).toBe(expected);
  });

  it('answers a date asked for by its name only with a time', async () => {
    const notes = {
      'threat-model.md': [
        '# Threat model: API',
        '',
        '- Key lifetime capped at 365 days',
        '  - owner Nadia, SEC-1412, due 2025-01-31',
        '- Per-IP throttling on the token endpoint, as a Cloudflare rule',
        '  - owner Yusuf, SEC-1413',
      ].join('\n'),
    };
    const lore = await openLore({ knowledgeDir: await notesFolder(notes) });
    expect(lore.answer('due date for SEC-1413, the per-IP throttling on the token endpoint?').found).toBe(false);
    const dated = lore.answer('due date for SEC-1412, the key lifetime cap');
    expect(dated.found).toBe(true);
    expect(dated.text).toContain('due 2025-01-31');
  });

  it('answers a question of when it is worth acting by its condition', async () => {
    const notes = { 'runners.md': '# CI runners\n\n- A custom runner is worth using only for jobs that need a GPU.\n- Shared runners serve every other job.\n' };
    const answer = (await openLore({ knowledgeDir: await notesFolder(notes) })).answer('when is it worth using a custom runner');
    expect(answer.found).toBe(true);
    expect(answer.text).toContain('only for jobs that need a GPU');
  });

  it('answers a question of when the asker must act by its condition', async () => {
    const notes = { 'ami.md': '# Custom AMIs\n\n- A custom AMI is rarely needed unless you want a special OS or setup.\n' };
    const answer = (await openLore({ knowledgeDir: await notesFolder(notes) })).answer('when do i need a custom ami');
    expect(answer.found).toBe(true);
    expect(answer.text).toContain('rarely needed');
  });
});

describe('a figure in another piece of the section that ranked', () => {
  const notes = {
    'onboarding.md': [
      '# Engineering onboarding',
      '',
      '## Week one',
      '',
      'Set up your laptop, join the team channels and read the architecture overview before your first standup.',
      '',
      '## Design reviews',
      '',
      'Every design doc you write gets two reviewers, picked from the rota by the tech lead, and they have five working days to comment before the doc is approved. Reviewers look for missing failure modes, a rollout plan, a rollback plan and the cost of running the thing in production, so write those sections before you ask for a review of your doc.',
      '',
      'While the review is open:',
      '',
      '- Keep the discussion in the doc\'s comments, not in direct messages.',
      '- Answer every comment, even with "done".',
      '- Book a meeting only when the comments go in circles.',
      '',
      'When your reviewers approve, thank the design doc reviewers in #eng.',
      '',
      '## Pairing',
      '',
      'Pair with each teammate for an hour in your first month.',
      '',
    ].join('\n'),
  };

  it('is quoted where the short piece that ranked repeats the question\'s words but states no figure', async () => {
    const lore = await openLore({ knowledgeDir: await notesFolder(notes) });
    const question = 'how many reviewers does a design doc get';
    // The closing line holds every word of the question in few words, and ranks first.
    expect(lore.search(question, 1)[0]?.chunk.startLine).toBe(17);
    const answer = lore.answer(question);
    expect(answer.found).toBe(true);
    expect(answer.text).toContain('gets two reviewers');
    expect(answer.citations[0]).toMatchObject({ file: 'onboarding.md', startLine: 9, endLine: 9 });
  });

  it('is not taken from a piece that holds fewer of the question\'s words than the one that ranked', async () => {
    const lore = await openLore({ knowledgeDir: await notesFolder(notes) });
    const answer = lore.answer('how many design doc reviewers thank them in #eng');
    expect(answer.text).not.toContain('gets two reviewers');
  });
});

describe('a setting named with its unit of time', () => {
  it.each([
    ['| `PAYMENT_TIMEOUT_MS` | 8000 | How long to wait for the payment provider |', true],
    ['ttl_seconds: 300', true],
    ['retryDelayMs = 250', true],
    ['| `MAX_ITEMS` | 8000 | Items per page |', false],
    ['See `timeout_ms` in the config reference.', false],
  ])('%j states how long: %s', (line, expected) => {
    expect(statesAmount([line], { span: true, duration: true })).toBe(expected);
  });

  it('answers "how long" from the row of a settings table', async () => {
    const readme = `# orders-service

## Configuration

| Variable | Default | Meaning |
|---|---|---|
| \`DATABASE_URL\` | postgres://localhost/orders | Postgres connection string |
| \`PAYMENT_TIMEOUT_MS\` | 8000 | How long to wait for the payment provider |
`;
    const lore = await openLore({ knowledgeDir: await notesFolder({ 'README.md': readme, 'other.md': '# Deploys\n\nMerges to main deploy to staging.\n' }) });
    const answer = lore.answer('how long do we wait for the payment provider');
    expect(answer.found).toBe(true);
    expect(answer.text).toContain('| `PAYMENT_TIMEOUT_MS` | 8000 |');
  });
});
