import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { openLore } from '../../src/engine.js';
import { indexNotes } from '../../src/knowledge/build.js';
import { stem } from '../../src/search/analyze.js';
import { asksAmount, asksDuration, asksHowTo, asksQuantity, asksLongForm, asksReason, asksMeaning, asksYesOrNo, isPhrasedAsQuestion, opensWithYesOrNo, asksTimeOfDay, asksTimeSpan, asksRate, asksCount, asksVersion } from '../../src/search/answer-cues.js';
import { analyzeQuery } from '../../src/search/query.js';
import { openingAsMeant } from '../../src/search/question-opening.js';
import type { RankingOptions } from '../../src/search/ranking-options.js';
import { search } from '../../src/search/search.js';
import { proximityScorer } from '../../src/search/proximity.js';
import { asksForLink, onlyLinks } from '../../src/search/links-asked.js';
import { crossReferenceSpans } from '../../src/search/field-terms.js';
import { LARGE_NOTES_SECTIONS } from '../../src/search/notes-size.js';
import { rowAnswers } from '../../src/search/table-records.js';

const bundled = fileURLToPath(new URL('../../knowledge', import.meta.url));
const indexOf = (notes: Record<string, string>) => indexNotes(Object.entries(notes).map(([file, text]) => ({ file, text }))).index;
/** The stems a question looks for in an index: its words', their corrections' and their expansions'. */
const stemsLookedFor = (index: ReturnType<typeof indexOf>, question: string) => analyzeQuery(index, question).groups.flatMap((group) => group.terms.map((term) => term.stem));
const firstFile = (notes: Record<string, string>, question: string) => search(indexOf(notes), question).hits[0]?.chunk.file;

describe('answer cues', () => {
  it.each(['Can I monitor machines?', 'does fargate support daemonsets', '  Is ECC supported?', 'Will it be retried?'])('%j asks yes or no', (question) => {
    expect(asksYesOrNo(question)).toBe(true);
  });

  it.each(['What is Prometheus?', 'how do I reload', 'canary deploys', 'isolation levels'])('%j does not ask yes or no', (question) => {
    expect(asksYesOrNo(question)).toBe(false);
  });

  it.each([
    ['how do i promote a model version', true],
    ["what's a shadow test", true],
    ['fargate on eks?', true],
    ['fargate', false],
    ['ecs agent install', false],
  ])('%j is phrased as a question: %s', (question, expected) => {
    expect(isPhrasedAsQuestion(question)).toBe(expected);
  });

  it.each([
    ['how long does local setup take', true],
    ['how often do backups run', true],
    ['what time is the handover?', true],
    ['when is the freeze', true],
    ['how much disk space does it need', false],
    ['how many replicas', false],
  ])('%j asks for a time: %s', (question, expected) => {
    expect(asksDuration(question)).toBe(expected);
  });

  it.each([
    ['how long are logs kept', true],
    ['how soon is the secondary paged?', true],
    ['how often do backups run', false],
    ['what time is the handover?', false],
    ['when is the freeze', false],
  ])('%j asks for a length of time: %s', (question, expected) => {
    expect(asksTimeSpan(question)).toBe(expected);
  });

  it.each([
    ['how many users hit by the login loop', true],
    ['How many replicas?', true],
    ['how much memory', false],
    ['how long did it last', false],
  ])('%j asks for a count: %s', (question, expected) => {
    expect(asksCount(question)).toBe(expected);
  });

  it.each([
    ['how much does the eks control plane cost per hour?', true],
    ['how many pods per fargate node', true],
    ['how much is it / month', true],
    ['how much does the control plane cost', false],
    ['what is charged per hour', false],
    ['how many percent of traffic goes to the canary', false],
  ])('%j asks for an amount per unit: %s', (question, expected) => {
    expect(asksRate(question)).toBe(expected);
  });

  it.each([
    ['what time is the handover?', true],
    ['hey, what time do backups run', true],
    ['how long is the handover', false],
    ['when is the handover', false],
  ])('%j asks for a time of day: %s', (question, expected) => {
    expect(asksTimeOfDay(question)).toBe(expected);
  });

  it.each([
    ['what postgres version do we run in prod', true],
    ['which version of node do I need?', true],
    ['which node version do I need?', true],
    ['how do versions work', false],
    ['what kind of versioning scheme does Poetry use', false],
  ])('%j asks for a version: %s', (question, expected) => {
    expect(asksVersion(question)).toBe(expected);
  });

  it.each(['Yes, run two servers.', 'No. It does not.', '- **Yes** – with the exporter', '> yes, see below'])('%j opens with yes or no', (text) => {
    expect(opensWithYesOrNo(text)).toBe(true);
  });

  it.each(['What does PIR stand for?', "what's an SLO", 'pir meaning', 'define RPO', 'whats a PIR'])('%j asks what something means', (question) => {
    expect(asksMeaning(question)).toBe(true);
  });

  it.each(['when is a PIR due', 'how do I write a PIR', 'who stands by for the SLO'])('%j does not ask what something means', (question) => {
    expect(asksMeaning(question)).toBe(false);
  });

  it.each(['How do I roll back?', 'how can we rotate the keys', 'steps: how to add a merchant'])('%j asks how to do something', (question) => {
    expect(asksHowTo(question)).toBe(true);
  });

  it.each(['How does the canary work?', 'how long do backups last', 'who knows how it works'])('%j does not ask how to do something', (question) => {
    expect(asksHowTo(question)).toBe(false);
  });

  it.each(['how long are logs kept', 'How many replicas?', 'when is the year-end freeze', 'what time is the handover'])('%j asks for an amount', (question) => {
    expect(asksAmount(question)).toBe(true);
  });

  it.each(['When I add a Helm repo, I get an error', 'how do I keep logs longer', 'what is a timeout'])('%j does not ask for an amount', (question) => {
    expect(asksAmount(question)).toBe(false);
  });

  it.each(['how long are logs kept', 'How many replicas?', 'what time is the handover'])('%j asks for a figure', (question) => {
    expect(asksQuantity(question)).toBe(true);
  });

  it.each(['when is the year-end freeze', 'how do I keep logs longer'])('%j does not ask for a figure', (question) => {
    expect(asksQuantity(question)).toBe(false);
  });

  it.each(['Why did we drop RabbitMQ?', 'my rolling update is stuck, why?', 'how come the canary aborted', 'what was the reason for the freeze'])('%j asks for a reason', (question) => {
    expect(asksReason(question)).toBe(true);
  });

  it.each(['what is whylogs', 'how does the canary work', 'who decided on the freeze'])('%j does not ask for a reason', (question) => {
    expect(asksReason(question)).toBe(false);
  });

  it.each(['What does MLP stand for?', 'the NATS acronym', 'what is SRE short for', 'em acronym'])('%j asks for a long form', (question) => {
    expect(asksLongForm(question)).toBe(true);
    expect(asksMeaning(question)).toBe(true);
  });

  it.each(['what does MLP mean', 'who stands by on call', 'is there an acronym list', 'what does keel stand for'])('%j does not ask for a long form', (question) => {
    expect(asksLongForm(question)).toBe(false);
  });

  it.each(['Yesterday the exporter…', 'Nodes are machines.', 'The answer is yes.'])('%j does not open with yes or no', (text) => {
    expect(opensWithYesOrNo(text)).toBe(false);
  });
});

describe('search ranking', () => {
  const machines = {
    'a-exporters.md': 'Each exporter should monitor one application on the same machine as the application it watches.',
    'b-node.md': 'Yes, the node exporter exposes machine metrics such as CPU and memory; monitor them with it.',
  };

  it('puts the passage that answers yes or no first for a yes/no question', () => {
    expect(firstFile(machines, 'can I monitor machines?')).toBe('b-node.md');
  });

  it('orders passages by the words the notes hold: a word no note holds lowers coverage, not the order', () => {
    const index = indexOf({
      'rota.md': '# Rotation\n\nThe pager rotation is weekly.\n',
      'pager.md': '# Pager\n\nThe pager beeps. The pager beeps again. The pager rotation page.\n',
      'other.md': '# Other\n\nImages are pushed to the registry.\n',
    });
    const hits = (question: string) => search(index, question).hits.map((hit) => ({ file: hit.chunk.file, score: hit.score }));
    const plain = hits('pager rotation');
    expect(plain.length).toBeGreaterThan(1);
    expect(hits('pager rotation zqxwvk')).toEqual(plain);
    expect(hits('pager rotation zqxwvk blorptang')).toEqual(plain);
    const coverage = (question: string) => search(index, question).hits[0]?.coverage ?? 1;
    expect(coverage('pager rotation zqxwvk')).toBeLessThan(coverage('pager rotation'));
  });

  it('ranks the same passages by their words alone when the question is not yes/no', () => {
    const hits = search(indexOf(machines), 'monitor machines').hits;
    const [a = 0, b = 0] = ['a-exporters.md', 'b-node.md'].map((file) => hits.find((hit) => hit.chunk.file === file)?.score ?? 0);
    const withCue = search(indexOf(machines), 'can I monitor machines').hits.find((hit) => hit.chunk.file === 'b-node.md')?.score ?? 0;
    expect(a).toBeGreaterThan(0);
    expect(withCue).toBeGreaterThan(b);
  });

  it('puts the definition of a short form first when the question asks what it means', () => {
    const notes = {
      'glossary.md': [
        '# Glossary',
        '',
        '**SLO**: service level objective. Our target for a service, e.g. 99.9% of checkout requests under 300 ms.',
        '',
        '**SLI**: service level indicator, the measure an SLO is set on.',
        '',
        '**Error budget**: how much an SLO may be missed in a 28-day window before feature work stops.',
        '',
        '**Toil**: manual, repetitive ops work that scales with traffic. We cap it at 30% of an SRE\'s time.',
        '',
        '**PIR**: post-incident review. Written within 5 working days of any SEV1 or SEV2.',
        '',
        '**SEV1**: customer-facing outage or data loss. Page the incident commander.',
        '',
        '**SEV2**: degraded service for some customers.',
      ].join('\n'),
      'incident-faq.md': [
        '# Incident FAQ',
        '',
        '## Who do I page for a SEV1?',
        'Page the incident commander through PagerDuty (`/pd trigger` in Slack). If nobody acks in 5 minutes, page the engineering manager on call.',
        '',
        '## Where do we write the timeline?',
        'In the incident channel. The scribe copies it into the PIR doc afterwards.',
        '',
        '## Do we do blameless reviews?',
        'Yes. PIRs name systems and decisions, never people.',
      ].join('\n'),
    };
    const quoted = (question: string, ranking?: Partial<RankingOptions>) => search(indexOf(notes), question, { ranking }).hits[0]?.chunk;
    expect(quoted('what does PIR stand for')?.file).toBe('glossary.md');
    expect(quoted('what does PIR stand for', { definitionBoost: 1 })?.file).toBe('incident-faq.md');
    expect(quoted('are PIR reviews blameless')?.file).toBe('incident-faq.md');
  });

  describe('the definition of a short form', () => {
    const notes = {
      'access.md': [
        '| What | Approver |',
        '|---|---|',
        '| ReadOnly | automatic for all engineers |',
        '| Developer | your manager |',
        '| ProdDeploy | your EM and Platform |',
        '| PagerDuty | your EM |',
      ].join('\n'),
      'glossary.md': [
        '**EM** — engineering manager.',
        '',
        '**Expand/contract** — how we do schema migrations: add the new column first, move code over, then remove the old one in a later release.',
      ].join('\n'),
      'paging.md': '"Acknowledge" means you press Ack in PagerDuty and post in the incident channel that you are looking. If nobody acknowledges in 10 minutes, PagerDuty pages the engineering manager on call.',
    };

    it('is a passage that writes the long form out, not one holding its words apart', () => {
      expect(firstFile(notes, 'what does EM stand for')).toBe('glossary.md');
    });

    it('answers "mean" without saying it, where another passage says "means"', () => {
      for (const question of ['em meaning', 'what does em mean']) expect(firstFile(notes, question)).toBe('glossary.md');
    });

    it('is not asked for by a longer question that only names the short form', () => {
      const mcm = {
        'intro.md': 'MCM (machine controller manager) runs outside the cluster it manages and reconciles machines from the cloud provider.',
        'controllers.md': 'MCM runs three sub-controllers: one for machine deployments, one for machine sets, one for machines.',
      };
      const score = (file: string, question: string) => search(indexOf(mcm), question).hits.find((hit) => hit.chunk.file === file)?.score ?? 0;
      const boosted = score('intro.md', 'what is MCM') / score('intro.md', 'MCM');
      expect(boosted).toBeGreaterThan(1.5);
      expect(score('intro.md', 'what are the sub-controllers MCM runs in each cluster') / score('intro.md', 'sub-controllers MCM runs in each cluster')).toBeLessThan(1.5);
    });
  });

  describe('a short form the notes never write', () => {
    const coverageOf = (notes: Record<string, string>, file: string, question: string) => search(indexOf(notes), question).hits.find((hit) => hit.chunk.file === file)?.coverage ?? 0;

    it('is not held by a passage with one common word of its long form: "manage" is not IAM', () => {
      const notes = {
        'servers.md': 'We manage the build servers ourselves and patch them every month.',
        'ops.md': 'Access to the ops dashboards goes through the platform team.',
      };
      expect(coverageOf(notes, 'servers.md', 'what iam role do the build servers need')).toBeLessThan(coverageOf(notes, 'servers.md', 'what role do the build servers need'));
    });

    it('is held by a passage that writes its long form, as far as the notes write its words', () => {
      const notes = {
        'policy.md': 'Identity and access management is run by the platform team.',
        'ops.md': 'Access to the ops dashboards goes through the platform team.',
      };
      expect(coverageOf(notes, 'policy.md', 'who runs iam')).toBe(1);
      expect(coverageOf(notes, 'ops.md', 'who runs iam')).toBeLessThan(0.5);
    });
  });

  describe('a passage filed under another subject', () => {
    const notes = {
      'containers.md': [
        '## ECS: container orchestration service',
        '',
        '- Control plane is free',
        '- Containers run on EC2 instances you manage',
        '',
        '## EKS: managed Kubernetes service',
        '',
        '- Control plane runs across three availability zones',
        '- Worker nodes join the cluster with the kubelet',
      ].join('\n'),
    };
    const scoreOf = (question: string, line: string, otherSubjectFactor?: number) =>
      search(indexOf(notes), question, { ranking: otherSubjectFactor === undefined ? {} : { otherSubjectFactor } }).hits.find((hit) => hit.chunk.text.includes(line))?.score ?? 0;

    it('weighs less where its section is headed by other names and it lacks the one asked', () => {
      const question = 'does the ecs control plane span availability zones';
      expect(scoreOf(question, 'three availability zones') / scoreOf(question, 'three availability zones', 1)).toBeCloseTo(0.9, 5);
      expect(scoreOf(question, 'Control plane is free') / scoreOf(question, 'Control plane is free', 1)).toBeCloseTo(1, 5);
    });

    it('weighs as before when the question names its subject too', () => {
      const question = 'ecs vs eks control plane availability zones';
      expect(scoreOf(question, 'three availability zones') / scoreOf(question, 'three availability zones', 1)).toBeCloseTo(1, 5);
    });
  });

  describe('on "what is X?"', () => {
    const notes = {
      'options.md': '- We can run containers with:\n  - EC2 (managed by you)\n  - Fargate (managed by AWS)',
      'compute.md': '- AWS Fargate - serverless compute engine for containers that lets you run them without managing servers.\n  - It works with ECS and EKS, and each task runs in its own isolated environment with its own kernel.',
    };

    it('puts first the line that glosses the name, not a shorter one that mentions it', () => {
      expect(firstFile(notes, 'what is fargate')).toBe('compute.md');
      expect(search(indexOf(notes), 'what is fargate', { ranking: { definitionBoost: 1 } }).hits[0]?.chunk.file).toBe('options.md');
      expect(firstFile(notes, 'fargate')).toBe('options.md');
    });

    it('reads a misspelt opening word as the stop word it is a slip for', () => {
      expect(openingAsMeant('waht is fargate')).toBe('what is fargate');
      expect(openingAsMeant('Whatt is Local PV ZFS?')).toBe('what is Local PV ZFS?');
      expect(openingAsMeant('dose fargate need EC2')).toBe('dose fargate need EC2');
      expect(openingAsMeant('what tiime is the handover')).toBe('what time is the handover');
      expect(openingAsMeant('which kubectl verison')).toBe('which kubectl version');
      expect(firstFile(notes, 'waht is fargate')).toBe('compute.md');
    });

    it('reads "mean" as the form of the question, not a word to look for', () => {
      const store = {
        'overview.md': '- **Keel**: our feature store. The offline store is BigQuery, the online store is Redis, with our own materializer and a Python SDK.',
        'runbook.md': '- A backlog over 500k messages means you should scale the keel consumer: `kubectl -n keel scale deploy/keel-stream-consumer --replicas=12`.',
      };
      expect(firstFile(store, 'keel meaning')).toBe('overview.md');
      expect(firstFile(store, 'what does keel mean')).toBe('overview.md');
      expect(firstFile(store, 'what does a backlog over 500k mean')).toBe('runbook.md');
    });

    it('does not take a sentence that ends in a colon for a gloss of a name it holds', () => {
      const chat = {
        'handbook.md': '- End of shift\n  - Write a handover note in #mlp-oncall: open incidents, flaky alerts, anything snoozed',
        'week.md': '- Join #mlp-team (private chat), #mlp-help (where other teams ask us) and the on-call channel on day one, then read the handbook.',
      };
      expect(firstFile(chat, 'what is mlp')).toBe('week.md');
    });

    it('takes a table row keyed by the name for its gloss, not a row keyed by an identifier holding it', () => {
      const table = {
        'config.md': '| Variable | Default |\n|---|---|\n| `KEEL_URL` | `http://keel:80` |',
        'parts.md': '| Part | What it is |\n|---|---|\n| Keel | our feature store, offline in BigQuery and online in Redis, with streaming features as well |',
      };
      expect(firstFile(table, 'what is keel')).toBe('parts.md');
      expect(search(indexOf(table), 'what is keel', { ranking: { definitionBoost: 1 } }).hits[0]?.chunk.file).toBe('config.md');
    });
  });

  describe('a table of records', () => {
    const rows = ['payments-api | Payments Core | #team-payments', 'ledger-service | Ledger | #team-ledger', 'invoice-worker | Billing | #team-billing', 'notifications | Growth | #team-growth', 'auth-gateway | Platform | #team-platform'];
    const notes = {
      'catalogue.md': ['# Services', '', '| Service | Owner team | Slack channel |', '|---|---|---|', ...rows.map((row) => `| ${row} |`)].join('\n'),
      'incidents.md': '# Declaring\n\nType `/incident declare` in any Slack channel; billing questions go to the bot.',
    };

    it('puts first the table whose one row, with the header, holds every word of the question', () => {
      expect(firstFile(notes, 'slack channel for the billing team?')).toBe('catalogue.md');
      expect(search(indexOf(notes), 'slack channel for the billing team?', { ranking: { recordBoost: 1 } }).hits[0]?.chunk.file).toBe('incidents.md');
    });

    it('holds the whole question, a header agent noun standing for its verb ("Owner" for "owns")', () => {
      const clusters = {
        'clusters.md': '# Clusters\n\n| Cluster | Purpose | Owner |\n|---|---|---|\n| prd-fra-1 | production | Ruairi Fenwick |\n| ci-fra-1 | CI runner pods | Bartek Lindqvist |\n',
        'onboarding.md': '# Onboarding\n\n- Week 1: read the page on who owns what.\n',
      };
      const best = search(indexOf(clusters), 'who owns the ci cluster').hits[0];
      expect(best?.chunk.file).toBe('clusters.md');
      expect(best?.askedCoverage).toBe(1);
    });

    it('is left out in notes of 1,000 sections or more, where tables are as often reference matrices', () => {
      const filler = Array.from({ length: LARGE_NOTES_SECTIONS }, (_, i) => [`filler-${i}.md`, `# Widget ${i}\n\nwidget${i} ships as chart${i}.`]);
      const index = indexOf({ ...notes, ...Object.fromEntries(filler) });
      expect(index.unitCount).toBeGreaterThanOrEqual(LARGE_NOTES_SECTIONS);
      const scores = (recordBoost: number) => search(index, 'slack channel for the billing team?', { ranking: { recordBoost } }).hits.map((hit) => hit.score);
      expect(scores(1.75)).toEqual(scores(1));
    });

    it('takes a row keyed by the name under a "Definition" column for the record "what is X" asks for', () => {
      const levels = ['SEV1 | Full outage of a Tier 1 service, or money is moving incorrectly | 5 minutes', 'SEV2 | Major degradation of a Tier 1 service, or full outage of Tier 2 | 15 minutes', 'SEV3 | Partial degradation, workaround exists | 1 business hour'];
      const guide = {
        'severity.md': ['# Severity levels', '', '| Level | Definition | Ack within |', '|---|---|---|', ...levels.map((row) => `| ${row} |`)].join('\n'),
        'comms.md': '# Communication\n\n- **SEV2:** status page update only if merchants are visibly affected.',
      };
      expect(firstFile(guide, 'what is a sev2')).toBe('severity.md');
      expect(firstFile(guide, 'what does sev2 mean')).toBe('severity.md');
      expect(search(indexOf(guide), 'what is a sev2', { ranking: { recordBoost: 1 } }).hits[0]?.chunk.file).toBe('comms.md');
      const renamed = { ...guide, 'severity.md': (guide['severity.md'] as string).replace('Definition', 'Examples') };
      expect(firstFile(renamed, 'what is a sev2')).toBe('comms.md');
    });

    it('wants the header to name something asked that the row does not say itself', () => {
      const levels = {
        'severity.md': '| Level | Who gets paged |\n|---|---|\n| SEV3 | Owning team\'s channel, no page at night |\n| SEV4 | Jira ticket only |',
      };
      const index = indexOf(levels);
      const table = index.chunks.find((chunk) => chunk.text.includes('|'));
      const groups = (question: string) => analyzeQuery(index, question).groups;
      expect(table && rowAnswers(table, groups('how much do we get per night page'))).toBe(false);
      expect(table && rowAnswers(table, groups('who gets paged for a sev4'))).toBe(true);
    });

    it('does not count words found in different rows', () => {
      const index = indexOf(notes);
      const table = index.chunks.find((chunk) => chunk.file === 'catalogue.md' && chunk.text.includes('|'));
      const groups = (question: string) => analyzeQuery(index, question).groups;
      expect(table && rowAnswers(table, groups('slack channel for the billing team'))).toBe(true);
      expect(table && rowAnswers(table, groups('billing growth channel'))).toBe(false);
      expect(table && rowAnswers(table, groups('billing'))).toBe(false);
      expect(table && rowAnswers(table, groups('payments core'))).toBe(false);
    });

    it('reads a header\'s agent noun as its verb: "Owner team" answers "who owns"', () => {
      expect(firstFile(notes, 'who owns invoice-worker')).toBe('catalogue.md');
      const index = indexOf(notes);
      const table = index.chunks.find((chunk) => chunk.file === 'catalogue.md' && chunk.text.includes('|'));
      expect(table && rowAnswers(table, analyzeQuery(index, 'who owns invoice-worker').groups)).toBe(true);
    });
  });

  it('reads "used for" as asking what a thing is, even where the notes use the word', () => {
    const notes = {
      'ecr.md': '- Elastic Container Registry (ECR) - private docker repository for container images.',
      'net.md': '- Use the awsvpc network mode. ECR pulls need the VPC endpoint.',
    };
    expect(analyzeQuery(indexOf(notes), 'what is ECR used for').groups.map((group) => group.word)).toEqual(['ecr']);
    expect(analyzeQuery(indexOf(notes), 'which mode is used by ECR').groups.map((group) => group.word)).toContain('used');
    expect(search(indexOf(notes), 'what is ECR used for').hits[0]?.coverage).toBe(1);
  });

  it('leaves "mean" out of the name a question of meaning asks about', () => {
    const notes = {
      'tiers.md': '- **Tier 1** - customer money or login is affected if it is down.\n- **Tier 2** - customer-visible but degraded mode is fine.',
      'notes.md': 'fraud-scorer: the only Tier 1 service outside the monorepo.',
      'stats.md': 'The mean latency is 40 ms.',
    };
    expect(firstFile(notes, 'what does tier 1 mean')).toBe('tiers.md');
  });

  it('reads "ones" in a follow-up as standing for the earlier question\'s noun, even where the notes use the word', () => {
    const index = indexOf({ 'logs.md': 'Logs are kept for 30 days; older logs are archived to S3 for a year.', 'other.md': 'Deploys run nightly. The important ones: build, test.' });
    const result = search(index, 'and where are older ones?', { previousQuestion: 'how long are logs kept' });
    expect(result.query.groups.map((group) => group.word)).not.toContain('ones');
    expect(result.hits[0]?.askedCoverage).toBe(1);
  });

  it('reads "how long" as asking for a time, even where the notes use "long"', () => {
    const notes = {
      'canary.md': 'The canary takes 5% of traffic for 15 minutes, then 25% for 15 minutes.',
      'limits.md': 'Ask for a raise with the expected peak and how long you need it.',
    };
    const words = (question: string) => analyzeQuery(indexOf(notes), question).groups.map((group) => group.word);
    expect(words('how long does the canary take')).toEqual(['canary', 'take']);
    expect(words('is the canary too long')).toContain('long');
    expect(search(indexOf(notes), 'how long does the canary take').hits[0]?.coverage).toBe(1);
  });

  it('reads "how far" as asking for a measure, as "how long" does', () => {
    const notes = { 'leave.md': 'You should submit leave requests at least three business days in advance.', 'travel.md': 'The office is far from the station.' };
    const words = (question: string) => analyzeQuery(indexOf(notes), question).groups.map((group) => group.word);
    expect(words('how far in advance should i submit leave requests')).toEqual(['advance', 'submit', 'leave', 'requests']);
    expect(words('is the office far')).toContain('far');
    expect(search(indexOf(notes), 'how far in advance should i submit leave requests').hits[0]?.coverage).toBe(1);
  });

  it('reads a slip of "long", "much" or "many" after "how" as that word, not as a word the notes lack', () => {
    const notes = { 'canary.md': 'The canary takes 5% of traffic for 15 minutes, then 25% for 15 minutes.' };
    const words = (question: string) => analyzeQuery(indexOf(notes), question).groups.map((group) => group.word);
    expect(words('how lng does the canary take')).toEqual(['canary', 'take']);
    expect(words('how mny minutes does the canary take')).toEqual(['minutes', 'canary', 'take']);
    expect(words('how log does the canary take')).toContain('log');
  });

  it('looks for the unit of a quantity by the names the notes write, never as a typo of another word', () => {
    const notes = {
      'ci.md': 'Jobs longer than 60 minutes must be split. The main branch deploys on merge.',
      'db.md': 'A database over 500 GB needs approval.',
    };
    const index = indexOf(notes);
    const min = analyzeQuery(index, 'my job runs like 90 min').groups.find((group) => group.word === 'min');
    expect(min?.terms.map((term) => term.stem)).toEqual([stem('minute')]);
    // "min" outside a quantity is a word like any other.
    expect(analyzeQuery(index, 'min replicas').groups.find((group) => group.word === 'min')?.terms.map((term) => term.stem)).not.toEqual([stem('minute')]);
  });

  it('takes a name of six or seven letters the notes lack for a name, not for a word of theirs two edits away', () => {
    const index = indexOf({ 'forum.md': 'Ask questions in the forum; votes decide the roadmap.', 'videos.md': 'Watch the videos first.' });
    expect(analyzeQuery(index, 'where can I ask questions about vitess').groups.find((group) => group.word === 'vitess')?.terms).toEqual([]);
  });

  it('reads a word of six or seven letters two slips from a name of the notes as that name', () => {
    const index = indexOf({ 'fargate.md': 'Fargate runs one pod per node.', 'ecs.md': 'ECS hosts run on EC2.', 'forum.md': 'Votes decide the roadmap.' });
    const terms = (question: string, word: string) => analyzeQuery(index, question).groups.find((group) => group.word === word)?.terms.map((term) => term.stem);
    expect(terms('does fargtd support daemonsets', 'fargtd')).toEqual([stem('fargate')]);
    // Two slips from a word of general English is no reading: "vitess" is not "votes".
    expect(terms('where can I ask about vitess', 'vitess')).toEqual([]);
  });

  it('reads a word of six or seven letters two of the commonest slips from a word of English in the notes as that word', () => {
    const index = indexOf({ 'ami.md': 'Set the cluster name in the user data of a custom AMI.', 'forum.md': 'Votes decide the roadmap.' });
    const terms = (question: string, word: string) => analyzeQuery(index, question).groups.find((group) => group.word === word)?.terms.map((term) => term.stem);
    // A letter doubled and two swapped; a letter dropped and two swapped.
    expect(terms('cluster name for a cuutsom ami', 'cuutsom')).toEqual([stem('custom')]);
    expect(terms('where does the clsuer name go', 'clsuer')).toEqual([stem('cluster')]);
    // A letter changed and one added are no such slips: "cuxtom" and "vitess" stay words the notes lack.
    expect(terms('cluster name for a cuxtoom ami', 'cuxtoom')).toEqual([]);
    expect(terms('where can I ask about vitess', 'vitess')).toEqual([]);
  });

  it('takes a word two slips from more than one name of the notes, or running on from one, for a name they lack', () => {
    const index = indexOf({ 'svc.md': 'The apisvc proxy and posix shells.', 'api.md': 'Our apis are versioned.' });
    expect(analyzeQuery(index, 'which platforms does apisix support').groups.find((group) => group.word === 'apisix')?.terms).toEqual([]);
    // Another name, not a slip: its first letter differs, or a letter is changed for a far one.
    const other = indexOf({ 'deploy.md': 'The rollout and the runtime are described here.', 'other.md': 'Tags are free-form.' });
    expect(analyzeQuery(other, 'what is our uptime').groups.find((group) => group.word === 'uptime')?.terms).toEqual([]);
    expect(analyzeQuery(other, 'where is the rollup job').groups.find((group) => group.word === 'rollup')?.terms).toEqual([]);
    const one = indexOf({ 'api.md': 'Our apis are versioned.', 'other.md': 'Tags are free-form.' });
    expect(analyzeQuery(one, 'which platforms does apisix support').groups.find((group) => group.word === 'apisix')?.terms).toEqual([]);
  });

  it('leaves out a slip of a phrasing word the notes lack, as the word itself is left out', () => {
    const index = indexOf({ 'ecs.md': 'ECS hosts run on m6i.large instances.', 'other.md': 'Tags are free-form.' });
    const words = (question: string) => analyzeQuery(index, question).groups.map((group) => group.word);
    expect(words('which instance do ecs hosts usually use')).not.toContain('usually');
    expect(words('which instance do ecs hosts usuallly use')).not.toContain('usuallly');
    expect(words('which instance do ecs hosts usuallly use')).toContain('hosts');
  });

  it('reads a form the notes never write, known only by its stem, as a slip of a word of theirs too', () => {
    const index = indexOf({ 'fargate.md': 'Each pod runs on its own node, and there is no daemonset support.', 'other.md': 'No tags.' });
    // "noed" stems to "no" + "ed"; the notes never write "noed", and "node" is two letters swapped.
    expect(stemsLookedFor(index, 'pods per fargate noed')).toContain(stem('node'));
    // Two letters swapped is a sure slip: "node" weighs as if written, the stemmer's "no" as a correction would.
    const weights = Object.fromEntries(analyzeQuery(index, 'pods per fargate noed').groups.find((group) => group.word === 'noed')?.terms.map((term) => [term.stem, term.weight]) ?? []);
    expect(weights).toEqual({ [stem('node')]: 1, no: 0.8 });
    // A form the notes write keeps its own reading.
    expect(stemsLookedFor(index, 'pods per fargate node')).not.toContain(stem('no'));
  });

  it('reads a word of English the notes never use as the one word a slip away that shares a section with the rest of the question', () => {
    const notes = {
      'fargate.md': '# Fargate\n\nFargate will scale automatically with the pods it runs.\n\n# Billing\n\nThe safe default for billing is on-demand.',
      'other.md': '# Tags\n\nTags are free-form.',
    };
    const index = indexOf(notes);
    const termsOf = (question: string, word: string) => analyzeQuery(index, question).groups.find((group) => group.word === word)?.terms.map((term) => [term.stem, term.weight]);
    // "sale" is one slip from "scale" and from "safe": only "scale" shares a section with "fargate" and "automatically".
    expect(termsOf('does fargate sale automatically', 'sale')).toEqual([[stem('scale'), 0.6]]);
    // One other word is too little to read a real word by.
    expect(termsOf('fargate sale', 'sale')).toEqual([]);
    // No section holds "billing", "automatically" and either reading: "sale" stays a word the notes lack.
    expect(termsOf('does billing sale automatically', 'sale')).toEqual([]);
    // Two readings fit the words around it: neither is taken.
    const both = indexOf({ ...notes, 'fargate.md': '# Fargate\n\nFargate will scale automatically, and the safe default is on.' });
    expect(analyzeQuery(both, 'does fargate sale automatically').groups.find((group) => group.word === 'sale')?.terms).toEqual([]);
    expect(search(index, 'does fargate sale automatically').hits[0]?.chunk.text).toContain('scale automatically');
  });

  it('reads a word cut short as the one longer word of the notes it begins that shares a section with the rest of the question', () => {
    const index = indexOf({
      'release.md': '# Releases\n\nA model promotion to prod needs a reviewer.\n\n# Rollback\n\nRevert the model by hand.',
      'other.md': '# Tags\n\nTags are free-form.',
    });
    const termsOf = (question: string) => analyzeQuery(index, question).groups.find((group) => group.word === 'promo')?.terms.map((term) => [term.stem, term.weight]);
    expect(termsOf('who reviews a model promo')).toEqual([[stem('promotion'), 0.6]]);
    // "revert" shares no section with "promotion": "promo" stays a word the notes lack.
    expect(termsOf('revert a model promo')).toEqual([]);
    expect(termsOf('model promo')).toEqual([]);
  });

  it('reads a one-letter slip as the word it misspells before guessing at a shorter stem', () => {
    const index = indexOf({ 'go.md': 'Most components are written in Go.', 'docs.md': 'Write the docs first.' });
    const terms = stemsLookedFor(index, 'what is it writetn in');
    expect(terms).toContain('written');
    expect(terms).not.toContain('write');
  });

  it('reads a slip of an English word as that word when the notes write it in another form only', () => {
    const index = indexOf({ 'launch.md': 'Select the instance type (t3.medium, m5.large).', 'other.md': 'Spread across availability zones.' });
    // "tyeps" is two edits from "type", the notes' word, and one from "types", which the notes never write.
    expect(stemsLookedFor(index, 'which instance tyeps')).toContain(stem('type'));
    // "available", one slip from "aavilable", shares its stem with "availability", seven letters longer.
    expect(stemsLookedFor(index, 'highly aavilable')).toContain(stem('availability'));
    // A name the notes lack, one slip from no English word the notes hold, stays unknown.
    expect(stemsLookedFor(index, 'which instance kafka')).not.toContain(stem('type'));
    // A slip of a stop word is left out as the stop word is, though an English word's stem ("doe") is one slip away too.
    const withDoe = indexOf({ 'users.md': 'The user John Doe owns the instance type.', 'other.md': 'Tags are free-form.' });
    expect(analyzeQuery(withDoe, 'how doees the instance type work').groups.map((group) => group.word)).not.toContain('doees');
  });

  it('reads three letters as a word of four with a letter dropped after the first, when the notes write it in another form', () => {
    const index = indexOf({ 'glossary.md': 'FCR means first contact resolution.', 'other.md': 'Tags are free-form.' });
    expect(stemsLookedFor(index, 'what does fcr mea')).toContain(stem('mean'));
    // Its first letter dropped is no such slip: "ean" stays a word the notes lack.
    expect(stemsLookedFor(index, 'what does fcr ean')).not.toContain(stem('mean'));
  });

  it('looks for the synonyms of the English word a typo stands for, when the notes know neither', () => {
    const index = indexOf({ 'fargate.md': 'With Fargate you pay only for the CPU and memory you ask for.', 'other.md': 'Tags are free-form.' });
    // "coxt" is one neighbouring key from "cost", whose synonyms include "pay".
    expect(stemsLookedFor(index, 'fargate coxt')).toContain(stem('pay'));
    expect(stemsLookedFor(index, 'fargate cost')).toContain(stem('pay'));
    expect(stemsLookedFor(index, 'fargate zqxw')).not.toContain(stem('pay'));
  });

  it('lets an abbreviation match without making its word outweigh the rest of the question', () => {
    const index = indexOf({
      'ha.md': 'Run two replicas for HA.',
      'available.md': 'Prometheus can be made highly available by running identical servers.',
      'latency.md': 'High latency under high load.',
    });
    const groups = analyzeQuery(index, 'can prometheus be made highly available').groups;
    const highly = groups.find((group) => group.word === 'highly');
    expect(highly?.terms.map((term) => term.stem)).toContain('ha');
    const written = highly?.terms.find((term) => !term.expansion);
    expect(written).toBeDefined();
    expect(index.idf('ha')).toBeGreaterThan(index.idf(written?.stem ?? ''));
    expect(highly?.importance).toBeCloseTo(Math.sqrt(index.idf(written?.stem ?? '')) * (written?.weight ?? 0), 5);
    expect(search(index, 'can prometheus be made highly available').hits[0]?.chunk.file).toBe('available.md');
  });

  it('looks for each word of a short form defined twice once', () => {
    const index = indexOf({
      'cdc.md': 'Change Data Capture (CDC) reads the log. Changelog Data Capture (CDC) is the old name.',
      'other.md': 'Capture the change log of the data.',
    });
    const cdc = analyzeQuery(index, 'how does cdc work').groups.find((group) => group.word === 'cdc');
    const stems = cdc?.terms.map((term) => term.stem) ?? [];
    expect(stems).toEqual(expect.arrayContaining([stem('change'), stem('data'), stem('capture'), stem('changelog')]));
    expect(new Set(stems).size).toBe(stems.length);
  });

  it('reads a camel-case name\'s capitals as its short form, unless they spell a word, more than one name, or a name of one note', () => {
    const index = indexOf({
      'keel.md': 'Keel materializes features from BigQuery into Redis every 5 minutes. PagerDuty pages the owner.',
      'ops.md': 'Features are loaded by hand when a backfill runs. PagerDuty pages the primary.',
      'api.md': 'Set `ClientAuth` and `CreatedAt` on the ProxyObjectDefinition.',
      'costs.md': 'The BigQuery bill is split by team. The `ProxyObjectDefinition` and `CertAuthority` are shared.',
      'mode.md': 'Turn on the ManagementClusterMode for one cluster.',
    });
    expect(stemsLookedFor(index, 'bq features')).toContain(stem('bigquery'));
    expect(stemsLookedFor(index, 'pd schedule')).toContain(stem('pagerduty'));
    expect(stemsLookedFor(index, 'pod limits')).not.toContain(stem('proxyobjectdefinition'));
    expect(stemsLookedFor(index, 'ca settings')).not.toContain(stem('clientauth'));
    expect(stemsLookedFor(index, 'mcm settings')).not.toContain(stem('managementclustermode'));
    expect(search(index, 'features from bq').hits[0]?.chunk.file).toBe('keel.md');
  });

  it('expands a short form the notes never write into the long form they do', () => {
    const index = indexOf({ 'eks.md': 'Control plane nodes are replicated across several availability zones.', 'ecs.md': 'The control plane is free.' });
    const ha = analyzeQuery(index, 'is the control plane ha').groups.find((group) => group.word === 'ha');
    expect(ha?.terms.map((term) => term.stem)).toContain(stem('availability'));
    expect(search(index, 'is the control plane ha').hits[0]?.chunk.file).toBe('eks.md');
  });

  it('expands common short forms both ways', () => {
    const index = indexOf({ 'fargate.md': 'Fargate lets you run applications without managing EC2 instances.', 'cli.md': 'The app takes a config file.' });
    expect(stemsLookedFor(index, 'apps')).toContain(stem('applications'));
    expect(stemsLookedFor(index, 'application')).toContain(stem('app'));
    expect(firstFile({ 'fargate.md': 'Fargate lets you run applications without managing EC2 instances.' }, 'run apps without EC2')).toBe('fargate.md');
  });

  it('does not take a phrasing word the notes lack for a missing topic', () => {
    const index = indexOf({ 'ecs.md': 'Elastic Container Service (ECS) - container orchestration service.', 'eks.md': 'EKS - managed k8s.' });
    expect(analyzeQuery(index, 'what does ECS stand for').groups.map((group) => group.word)).toEqual(['ecs']);
    expect(search(index, 'what does ECS stand for').hits[0]?.coverage).toBe(1);
  });

  it('corrects a short word for a dropped or swapped letter, not for a changed one', () => {
    const index = indexOf({ 'a.md': 'Each task has its own certs.', 'b.md': 'The node runs one pod.' });
    expect(stemsLookedFor(index, 'talk')).toEqual([]);
    expect(stemsLookedFor(index, 'tsak')).toContain('task');
    expect(stemsLookedFor(index, 'crts')).toContain(stem('certs'));
    // Three letters: a four-letter word with one letter dropped, or two letters swapped; not one letter changed.
    expect(stemsLookedFor(index, 'nde')).toContain('node');
    expect(stemsLookedFor(index, 'pdo')).toContain('pod');
    expect(stemsLookedFor(index, 'pid')).toEqual([]);
  });

  it('answers when all but one incidental word match, rather than letting that word sink the question', async () => {
    // "patching" is not in the bundled note; os and node group are, and line 55 answers.
    const lore = await openLore({ knowledgeDir: bundled });
    const answer = lore.answer('is os patching my job with nodegroups');
    expect(answer.found).toBe(true);
    expect(answer.citations[0]?.startLine).toBeLessThanOrEqual(55);
    expect(answer.citations[0]?.endLine).toBeGreaterThanOrEqual(55);
  });

  it('quotes the chunk of a section that holds the whole question, not one that repeats part of it', () => {
    const filler = 'Nothing else of note is said about this part of the setup here. '.repeat(12);
    const notes = {
      'workers.md': [
        '# Worker nodes',
        '',
        '- EC2 hosted worker nodes: worker nodes hosted on EC2.',
        `- ${filler}`,
        '- Advantage of EC2 hosted worker nodes: full control of the nodes.',
        '',
      ].join('\n'),
      // "advantage" is used elsewhere too, so the first chunk's repeated words outweigh it by BM25 alone.
      'other.md': ['# Other', '', ...Array.from({ length: 2 }, (_, i) => `## Part ${i}\n\nAn advantage of plan ${i}.\n`)].join('\n'),
    };
    // Two notes make too few sections to rank them by default; this is about the choice within a section.
    const hit = search(indexOf(notes), 'advantage of EC2 hosted worker nodes', { ranking: { minSections: 0 } }).hits[0];
    expect(hit?.chunk.text).toContain('full control');
    expect(hit?.coverage).toBe(1);
  });

  it('counts two question words as found where the chunk writes them as one ("drift alert" in "DriftAlert")', () => {
    const notes = {
      'retro.md': '# Retro\n\n- DriftAlert will stop paging; it becomes a Slack notification.\n',
      'handbook.md': '# Handbook\n\n- Model drift is watched by the monitoring job.\n- Every alert lands in the alerts channel.\n',
    };
    const hit = search(indexOf(notes), 'drift alert paging').hits.find((found) => found.chunk.file === 'retro.md');
    expect(hit?.coverage).toBe(1);
  });
});

describe('a verb and its particle', () => {
  const notes = { 'superset.md': 'Dashboards time out after 300 seconds.', 'zones.md': 'Our time zone is UTC; nothing runs out of hours.' };

  it('finds notes that write apart what the question writes as one word, and the reverse', () => {
    expect(firstFile(notes, 'timeout')).toBe('superset.md');
    expect(search(indexOf(notes), 'timeout').hits.map((hit) => hit.chunk.file)).not.toContain('zones.md');
    expect(firstFile({ 'a.md': 'The runner label is gpu.', 'b.md': 'Runner setup takes a minute.' }, 'how do I set up the runner')).toBe('b.md');
  });

  it('meets a compound written as one word where the notes write a verb in y and its particle apart', () => {
    const leave = { 'leave.md': 'You can carry over a maximum of 240 annual leave hours.', 'sick.md': 'Sick leave has no maximum.' };
    expect(firstFile(leave, 'max annual leave carryover')).toBe('leave.md');
    expect(search(indexOf(leave), 'carryover').hits.map((hit) => hit.chunk.file)).toEqual(['leave.md']);
  });
});

describe('the unit ranked in a small collection', () => {
  const lines = (hit: { chunk: { startLine: number; endLine: number } } | undefined) => [hit?.chunk.startLine, hit?.chunk.endLine];

  it('ranks chunks when the notes hold fewer sections than minSections, exactly as with sections off', () => {
    const index = indexOf({
      'deploys.md': '# Deploys\n\nWe deploy on Tuesdays.\n\n## Rollback\n\nRoll back with helm rollback.\n',
      'on-call.md': '# On call\n\nThe pager rotates weekly; handover is on Monday.\n',
    });
    const asked = (ranking: Partial<RankingOptions>) => search(index, 'when do we roll back a deploy', { ranking }).hits.map((hit) => [hit.chunk.id, hit.score]);
    expect(asked({ minSections: index.unitCount + 1 })).toEqual(asked({ sections: false }));
    expect(asked({ minSections: index.unitCount })).toEqual(asked({ minSections: 0 }));
    expect(asked({ minSections: 0 })).not.toEqual(asked({ sections: false }));
  });

  it.each([
    // Line 35, "1 node per pod", sits in the long ECS bullet; the EKS bullet says its Fargate nodes are the same.
    ['how many containers per fargate node', 35],
    // The short section at lines 67-73 lists what ECS and EKS run on; the long bullets use those words throughout.
    ['what can I use EKS with', 70],
  ])('finds the short answer to %j in the bundled outline note, whose two long bullets hold most of its words', async (question, line) => {
    const lore = await openLore({ knowledgeDir: bundled });
    const [start = 0, end = 0] = lines(lore.search(question, 1)[0]);
    expect(start).toBeLessThanOrEqual(line);
    expect(end).toBeGreaterThanOrEqual(line);
  });
});

describe('a heading that asks the question', () => {
  const notes = {
    'outline.md': '- ECS on EC2\n  - You create the EC2 instances and join them to the cluster; you patch their OS, watch their disks and memory, and install docker and the ECS agent, which talks to the control plane, on each of them.',
    'faq.md': '# FAQ\n\n## Do I have to install docker and the ECS agent on EC2s myself?\n\nNot with the ECS-optimized AMIs: Docker and the agent come with them.',
    'reducers.md': '# Reducers\n\n## How does combineReducers use shallow equality checking?\n\nIt compares each slice by reference.',
    'bindings.md': '# Bindings\n\nThe bindings use shallow equality checking of the selected values, the `connect` way: each one by reference.',
  };
  const index = indexOf(notes);
  const first = (question: string, askedHeadingBoost?: number) =>
    search(index, question, { ranking: { minSections: 0, ...(askedHeadingBoost ? { askedHeadingBoost } : {}) } }).hits[0]?.chunk.file;

  it('puts first the answer under a heading that asks it, over a passage holding more of its words', () => {
    expect(first('do i install docker and the ecs agent on ec2 myself')).toBe('faq.md');
    expect(first('do i install docker and the ecs agent on ec2 myself', 1)).toBe('outline.md');
  });

  it('reads a FAQ\'s question line ("Q: …?") as its heading', () => {
    const faq = {
      'faq.txt': 'TEAM FAQ\n\nQ: How do I promote a new model version to production?\nA: Move the production alias in the registry to it.\n',
      'release.md': '# Model releases\n\nPromote a model version from staging to production: the promoted version of the model serves all traffic.',
    };
    const first = (askedHeadingBoost: number) => search(indexOf(faq), 'how do i promote a model version', { ranking: { minSections: 0, askedHeadingBoost } }).hits[0]?.chunk.file;
    expect(first(1.75)).toBe('faq.txt');
    expect(first(1)).toBe('release.md');
  });

  it('reads the heading as the question is read: "How long is probation?" asks for a time, and "long" is no topic', () => {
    const faq = { 'faq.txt': 'Q: How long is probation?\nA: 6 months for everyone.\n', 'bonus.md': 'Referral bonus: paid once the new starter passes probation.' };
    const scores = (askedHeadingBoost: number) => search(indexOf(faq), 'how long is probation', { ranking: { minSections: 0, askedHeadingBoost } }).hits.map((hit) => hit.score);
    expect(scores(3)).not.toEqual(scores(1));
  });

  it('wants the question to hold the heading\'s words too, and every name the heading gives', () => {
    const scores = (question: string, askedHeadingBoost: number) => search(index, question, { ranking: { minSections: 0, askedHeadingBoost } }).hits.map((hit) => hit.score);
    expect(scores('do i install docker and the ecs agent on ec2 myself', 3)).not.toEqual(scores('do i install docker and the ecs agent on ec2 myself', 1));
    expect(scores('what does the ecs agent do', 3)).toEqual(scores('what does the ecs agent do', 1));
    expect(scores('how do the bindings use shallow equality checking', 3)).toEqual(scores('how do the bindings use shallow equality checking', 1));
    expect(first('how do the bindings use shallow equality checking')).toBe('bindings.md');
  });
});

describe('words of one meaning', () => {
  it('gives each word its own synonyms when chat around the question is left out', () => {
    const index = indexOf({ 'ecs.md': '- ECS on EC2\n  - Advantage: full control of your infrastructure' });
    const groups = (question: string) => analyzeQuery(index, question).groups.map((group) => [group.word, group.terms.map((term) => term.stem)]);
    expect(groups('sorry for the dumb question, but what are the benefits of ecs on ec2?')).toEqual(groups('what are the benefits of ecs on ec2?'));
  });

  it('reads "free" as a word of cost, at half weight: "do we pay for the ecs control plane" finds "Control plane is free"', () => {
    const notes = {
      'ecs.md': '- **ECS** - container orchestration service\n  - Control plane is free\n  - You run the worker nodes',
      'fargate.md': '- **Fargate** - serverless compute for ECS\n  - Pay only for the CPU and memory you use',
    };
    const index = indexOf(notes);
    const pay = analyzeQuery(index, 'pay').groups[0]?.terms ?? [];
    expect(pay.find((term) => term.stem === stem('free'))?.weight).toBe(0.5);
    expect(search(index, 'do we pay for the ecs control plane?').hits[0]?.chunk.text).toContain('Control plane is free');
    expect(search(index, 'ecs control plane pricing').hits[0]?.chunk.text).toContain('Control plane is free');
  });
});

describe('a comparison', () => {
  it('reads "vs" as the function word it is, not as a rare word of the notes', () => {
    const notes = {
      'video.md': '- [ECS launch types: EC2 vs Fargate](https://www.youtube.com/watch?v=DVrGXjjkpig)',
      'ecs.md': '- **ECS** - container orchestration service, the AWS version of k8s',
      'eks.md': '- **EKS** - managed k8s service, the original k8s in AWS',
    };
    const index = indexOf(notes);
    expect(analyzeQuery(index, 'ecs vs eks').groups.map((group) => group.word)).toEqual(['ecs', 'eks']);
    expect(analyzeQuery(index, 'ecs versus eks').groups.map((group) => group.word)).toEqual(['ecs', 'eks']);
    expect(search(index, 'ecs vs eks').hits[0]?.chunk.file).not.toBe('video.md');
  });
});

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
