import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLore, type Lore } from '../../src/engine.js';
import type { Answer } from '../../src/types.js';
import { tempFolders } from '../rerank/temp-folders.js';

const knowledgeDir = fileURLToPath(new URL('../../knowledge', import.meta.url));
const notesFolder = tempFolders('lore-answer-');

let plain: Lore;

beforeAll(async () => {
  plain = await openLore({ knowledgeDir });
});

/** Asks both synchronously and through `ask`, which must agree and never throw. */
async function askBoth(lore: Lore, question: unknown): Promise<Answer> {
  const sync = lore.answer(question);
  const async = await lore.ask(question as string);
  expect(async).toEqual(sync);
  return sync;
}

/**
 * A question only a figure answers: "I couldn't find a figure" in notes whose matching passage states none, then the
 * figure quoted once a note that states it is added.
 */
async function expectFigureOnceStated(name: string, without: [string, string], stating: [string, string], question: string, figure: string): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), `lore-${name}-`));
  await writeFile(join(dir, without[0]), without[1]);
  const unanswered = await askBoth(await openLore({ knowledgeDir: dir }), question);
  expect(unanswered.found).toBe(false);
  expect(unanswered.text).toContain("couldn't find a figure");
  await writeFile(join(dir, stating[0]), stating[1]);
  expect((await askBoth(await openLore({ knowledgeDir: dir }), question)).quote.join('\n')).toContain(figure);
  await rm(dir, { recursive: true, force: true });
}

describe('a question that only a figure answers', () => {
  it('is "I couldn\'t find" where the passage that matches states none, with that passage among the closest notes', async () => {
    const answer = await askBoth(plain, 'how long does it take to create an eks cluster');
    expect(answer.found).toBe(false);
    expect(answer.text).toMatch(/^I couldn't find a figure for that in the notes\. I looked for: create, eks, cluster\./);
    expect(answer.citations[0]?.file).toBe('aws-containers.md');
  });

  it('is answered where the passage states one, in figures or in words', async () => {
    expect((await askBoth(plain, 'how many pods per fargate node')).quote.join('\n')).toContain('1 node per pod');
    expect((await askBoth(plain, 'how much does fargate cost')).quote.join('\n')).toContain('You pay only for the CPU and memory');
    // A time said in words, where a time is asked, and only there.
    const dir = await mkdtemp(join(tmpdir(), 'lore-duration-'));
    await writeFile(join(dir, 'setup.md'), '# Local setup\n\nThis gets you from a fresh laptop to a running stack.\nExpect about an hour, most of it waiting for images.\n');
    const setup = await openLore({ knowledgeDir: dir });
    expect((await askBoth(setup, 'how long does local setup take')).quote.join('\n')).toContain('about an hour');
    expect((await askBoth(setup, 'how much disk space does the local setup need')).found).toBe(false);
    await rm(dir, { recursive: true, force: true });
    // As much of a count as the notes know.
    expect((await askBoth(plain, 'how many AZs is the eks control plane in')).quote.join('\n')).toContain('replicated across multiple availability zones');
  });

  it('asking which version, is answered by a version number', async () => {
    await expectFigureOnceStated(
      'version',
      ['db.md', "# Database\n\nWe run Postgres in prod on RDS; Platform picks the version. Last night's dump is taken at 03:00 UTC.\n"],
      ['prod.md', '# Production\n\nIn prod we run Postgres version 15.4 on RDS, upgraded in March.\n'],
      'what postgres version do we run in prod',
      'Postgres version 15.4',
    );
  });

  it("does not take a numbered step's number for a figure", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lore-steps-'));
    await writeFile(
      join(dir, 'deploy.md'),
      '# Deploying\n\n1. Deploy to staging first.\n2. Run the prod deploy with `make deploy`.\n3. The pipeline starts a **canary**: 10% of traffic for 15 minutes.\n4. The deploy bot posts the canary result in #deploys.\n\n## Training\n\n1. A Composer DAG starts a training job and writes its logs.\n',
    );
    const notes = await openLore({ knowledgeDir: dir });
    // Steps 2 and 4 match as well as step 3, and their numbers used to count as the amount asked for.
    expect((await askBoth(notes, 'how long does the canary run')).quote).toEqual(['3. The pipeline starts a **canary**: 10% of traffic for 15 minutes.']);
    const logs = await askBoth(notes, 'how long does composer keep training job logs');
    expect(logs.found).toBe(false);
    expect(logs.text).toContain("couldn't find a figure");
    await rm(dir, { recursive: true, force: true });
  });

  it('asking how long, is answered by a length of time, not by any number', async () => {
    await expectFigureOnceStated(
      'span',
      ['batch.md', '# Batch scoring\n\nA Composer DAG runs the model in a Dataflow job and keeps its logs in BigQuery; use it for anything over 1 million rows.\n'],
      ['retention.md', '# Retention\n\nThe composer DAG keeps its logs for **35 days**, then drops them.\n'],
      'how long does the composer dag keep its logs',
      '**35 days**',
    );
  });

  it('asking an amount per unit, is answered by a figure, not by words of cost', async () => {
    // "Control plane is NOT free" answers what the control plane costs, not what it costs an hour.
    expect((await askBoth(plain, 'how much does the eks control plane cost')).quote.join('\n')).toContain('Control plane is **NOT** free');
    await expectFigureOnceStated(
      'rate',
      ['oncall.md', '# On-call\n\n- Comp\n  - the on-call stipend is paid per week of primary shift\n'],
      ['pay.md', '# Pay\n\nThe on-call stipend is €250 per week of primary shift.\n'],
      'how much is the on-call stipend per week',
      '€250',
    );
  });

  it('asking how much, is answered by a sum, not by a time of day or a date', async () => {
    await expectFigureOnceStated(
      'sum',
      ['oncall.md', '# On-call\n\n- Comp\n  - the on-call stipend is paid per week of primary shift\n  - paged between 22:00 and 07:00? take the next morning off\n'],
      ['pay.md', '# Pay\n\nThe on-call stipend is €250 per week of primary shift.\n'],
      'how much is the on-call stipend per week',
      '€250',
    );
  });

  it('asking how many, is answered by a count, not by a time, a date or a version', async () => {
    await expectFigureOnceStated(
      'count',
      ['summary.md', '# Postmortem 2024-08-21: login loop\n\nFrom 07:42 to 13:05, Android users on 24.17.0 were logged out again and again.\n'],
      ['impact.md', '# Impact of the login loop\n\n- About 41,000 Android users logged out, 18% of daily users.\n'],
      'how many android users were logged out by the login loop',
      '41,000',
    );
  });

  it('asking what time, is answered by a time of day, from a close second passage when the best states none', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lore-clock-'));
    await writeFile(join(dir, 'onboarding.md'), '# First weeks\n\n## When do I join on-call?\n\nAfter two shadow rotations; the first time is around week 6.\n\n## Demo day\n\nDemo day is the last Friday of the month and takes 30 minutes.\n');
    await writeFile(join(dir, 'oncall.md'), '# On-call\n\n- Rotation\n  - One-week shifts, handover Monday 10:00 Central Time\n  - Two people on call: primary and secondary\n');
    const notes = await openLore({ knowledgeDir: dir });
    const handover = await askBoth(notes, 'first time on call, what time is the handover?');
    expect(handover.quote.join('\n')).toContain('Monday 10:00');
    expect(handover.citations[0]?.file).toBe('oncall.md');
    // "30 minutes" says how long, not when.
    const demo = await askBoth(notes, 'what time is demo day');
    expect(demo.found).toBe(false);
    expect(demo.text).toContain("couldn't find a figure");
    await rm(dir, { recursive: true, force: true });
  });
});

describe('a number the question names', () => {
  it('must be in the answer: a version, a year or a ticket the notes do not hold there gets an honest "I couldn\'t find"', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lore-numbers-'));
    await writeFile(join(dir, 'upgrades.md'), '# Cluster upgrades\n\n- k8s 1.29 prod upgrade\n  - done on 2024-05-14, no downtime\n  - the node pools were drained one at a time\n');
    await writeFile(join(dir, 'devices.md'), '# Test devices\n\n| Device | OS | Asset tag |\n|---|---|---|\n| Pixel 6a | Android 14 | LK-0457 |\n| Galaxy J7 | Android 8.1 | LK-0297 |\n');
    const notes = await openLore({ knowledgeDir: dir });
    expect((await askBoth(notes, 'did the k8s 1.29 prod upgrade go ok?')).quote.join('\n')).toContain('1.29');
    expect((await askBoth(notes, 'when was the k8s prod upgrade in 2024')).found).toBe(true);
    const later = await askBoth(notes, 'when is the k8s 1.30 prod upgrade');
    expect(later.found).toBe(false);
    expect(later.text).toContain("couldn't find an answer in the notes that mentions 1.30");
    expect(later.citations[0]?.file).toBe('upgrades.md');
    // "8" of "Android 8.1" is not the Pixel 8.
    expect((await askBoth(notes, 'asset tag of the pixel 8')).found).toBe(false);
    expect((await askBoth(notes, 'asset tag of the pixel 6a')).quote.join('\n')).toContain('LK-0457');
    await rm(dir, { recursive: true, force: true });
  });
});

describe('a setting the question names in code', () => {
  it('must be in the answer: another setting that shares its words gets an honest "I couldn\'t find"', async () => {
    const dir = await notesFolder({
      'postgres.md':
        '- **PgBouncer** - connection pooler in front of Postgres, default port `6432`\n  - `max_client_conn` (default 100) - clients allowed to connect to PgBouncer\n  - `default_pool_size` (default 20) - server connections per user/database pair\n- **Replication**\n  - `max_wal_senders` (default 10) - streaming connections standbys may open\n',
    });
    const notes = await openLore({ knowledgeDir: dir });
    const pool = await askBoth(notes, 'pgbouncer default_pool_size default?');
    expect(pool.found).toBe(true);
    expect(pool.quote.join('\n')).toContain('default 20');
    const reserve = await askBoth(notes, 'pgbouncer reserve_pool_size default');
    expect(reserve.found).toBe(false);
    expect(reserve.text).toContain("couldn't find an answer in the notes that mentions reserve_pool_size");
    expect(reserve.citations[0]?.file).toBe('postgres.md');
    expect((await askBoth(notes, "what's postgres's default max_connections?")).found).toBe(false);
    // Mistyped, a long name is still the same setting.
    expect((await askBoth(notes, 'max_wal_sendres default')).quote.join('\n')).toContain('default 10');
  });
});

describe('a day the question names', () => {
  it('is found however the notes write it, and an answer about another day is "I couldn\'t find"', async () => {
    const dir = await notesFolder({
      'rota.md':
        '# On call\n\n## How the rota works\n\n- One week per shift, Monday to Monday.\n- Two people on call each week: a primary, who gets every page, and a secondary.\n\n## Rota\n\n| Week starting | Primary | Secondary |\n|---|---|---|\n| 2025-05-05 | Mireille Okonjo | Casimir Dube |\n| 2025-05-12 | Yusra Pemberton | Anouk Szabo |\n',
      'demos.md': '# Demo days\n\nThe next demo day is on 3 June, in the big room.\n',
      // A year is a common word of notes; the day is what the question asks about.
      'plans.md': '# Plans for 2025\n\nHire two engineers in 2025.\n',
    });
    const notes = await openLore({ knowledgeDir: dir });
    const week = await askBoth(notes, "hey, who's primary on call the week of 12 may?");
    expect(week.found).toBe(true);
    expect(week.quote.join('\n')).toContain('Yusra Pemberton');
    expect((await askBoth(notes, 'anything happening on 2025-06-03?')).citations[0]?.file).toBe('demos.md');
    const other = await askBoth(notes, 'who is primary the week of 19 may');
    expect(other.found).toBe(false);
    expect(other.text).toContain("couldn't find an answer in the notes that mentions 19 may");
  });
});

describe('a question of when', () => {
  it('is answered by the passage about as strong as the best that says when, in small notes', async () => {
    const dir = await notesFolder({
      'handbook.md': '# On-call handbook\n\n## End of shift\n\n- Write a handover note: open incidents, flaky alerts.\n- If there was a P1 during your week, add yourself to the ops sync agenda.\n',
      'first-week.md': "# First week\n\n## Team rituals\n\n- Standup: 09:45, 15 minutes.\n- Ops sync: Monday 11:00, right after the on-call handover; we go through last week's pages.\n- Demo day: last Friday of the month.\n",
    });
    const notes = await openLore({ knowledgeDir: dir });
    // The handbook ranks first: its passage is shorter.
    expect(notes.search('when is the ops sync?')[0]?.chunk.file).toBe('handbook.md');
    const when = await askBoth(notes, 'when is the ops sync?');
    expect(when.citations[0]?.file).toBe('first-week.md');
    expect(when.quote.join('\n')).toContain('Monday 11:00');
    // Asked on what condition, the best passage answers.
    expect((await askBoth(notes, 'when should i add myself to the ops sync agenda?')).citations[0]?.file).toBe('handbook.md');
  });
});

describe('a line that is only a link', () => {
  it('gives way to a rival about as strong that answers in its own words, unless the link is asked for', async () => {
    const dir = await notesFolder({
      'deploys.md':
        '# Deploys\n\nRead these before your first deploy.\n\n- [Blue green deploy steps, a talk from our platform team](https://videos.example.com/watch/bluegreen)\n- [Canary releases explained](https://wiki.example.com/canary)\n\n' +
        '## Release runbook\n\nBlue green deploy, the steps in order:\n\n1. Scale up the green stack.\n2. Switch the load balancer to green.\n3. Keep blue for an hour, then scale it down.\n',
      'oncall.md': '# On-call\n\nPage the primary first. Deploys freeze on Fridays.\n',
    });
    const notes = await openLore({ knowledgeDir: dir });
    // The links rank first: they hold every word of the question, in order.
    expect(notes.search('blue green deploy steps')[0]?.chunk.startLine).toBe(3);
    const steps = await askBoth(notes, 'blue green deploy steps');
    expect(steps.citations[0]?.startLine).toBe(10);
    expect(steps.quote.join('\n')).toContain('Switch the load balancer to green.');
    const link = await askBoth(notes, 'blue green deploy steps url');
    expect(link.quote).toEqual(['- [Blue green deploy steps, a talk from our platform team](https://videos.example.com/watch/bluegreen)']);
  });
});

describe('a value asked in other words than the notes use', () => {
  it('is answered by the line that states it, or a bound or range holding it', async () => {
    const dir = await notesFolder({
      'oncall.md':
        '# Mobile on-call\n\n## Rota\n\n- One iOS and one Android engineer are on call each week; handover is Monday 10:00.\n' +
        '- Escalation: primary → secondary after 15 minutes → the EM after 30 minutes.\n' +
        '- On-call pays €150 per week, and half a day off after a night Sev1.\n',
    });
    const notes = await openLore({ knowledgeDir: dir });
    const paged = await askBoth(notes, "who gets paged if the on-call doesn't answer for half an hour");
    expect(paged.quote.join('\n')).toContain('the EM after 30 minutes');
  });

  it('covers the words that name it, so that a bound holding it answers', async () => {
    const dir = await notesFolder({
      'deploys.md':
        '# Deploy runbook\n\n## Before you start\n\n1. Check that the PR is merged and the build is green.\n2. Check that nobody else is mid-deploy:\n\n' +
        '   ```sh\n   sprig status web --env prod\n   ```\n\n   A deploy lock older than 45 minutes may be broken with `sprig unlock web`,\n   but ask in #web-deploys first.\n',
      'oncall.md': '# On-call\n\nHandover is Monday 10:00. Page the secondary after 15 minutes.\n',
    });
    const notes = await openLore({ knowledgeDir: dir });
    const lock = await askBoth(notes, 'deploy lock stuck for an hour, can i break it');
    expect(lock.found).toBe(true);
    expect(lock.quote.join('\n')).toContain('older than 45 minutes');
  });

  it('finds an amount in the table row whose range holds it', async () => {
    const dir = await notesFolder({
      'expenses.md':
        "# Expenses policy\n\n## Basic rules\n\n- Claim within 60 days of spending the money. Older claims need the Financial Controller's approval.\n" +
        "- Attach a receipt for anything over £10. A card slip is not a receipt.\n- Claims approved by the 15th are paid with that month's salary.\n\n" +
        '## Who approves\n\n| Amount of one claim | Approver |\n|---|---|\n| up to £500 | line manager |\n| £500.01 to £2,500 | head of department |\n| over £2,500 | CFO |\n\nNobody approves their own claims.\n',
      'travel.md': "# Travel\n\nBook trains through the portal. Trips abroad need your manager's approval before you book.\n",
    });
    const notes = await openLore({ knowledgeDir: dir });
    const claim = await askBoth(notes, 'hey, quick one - who needs to sign off a £1200 expense claim?');
    expect(claim.found).toBe(true);
    expect(claim.quote).toContain('| £500.01 to £2,500 | head of department |');
  });
});
