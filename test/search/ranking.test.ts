import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { openLore } from '../../src/engine.js';
import { stem } from '../../src/search/analyze.js';
import { analyzeQuery } from '../../src/search/query.js';
import { openingAsMeant } from '../../src/search/question-opening.js';
import type { RankingOptions } from '../../src/search/ranking-options.js';
import { search } from '../../src/search/search.js';
import { LARGE_NOTES_SECTIONS } from '../../src/search/notes-size.js';
import { rowAnswers } from '../../src/search/table-records.js';
import { firstFile, indexOf } from './notes-index.js';

const bundled = fileURLToPath(new URL('../../knowledge', import.meta.url));

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
