import { describe, expect, it } from 'vitest';
import { openingAsMeant } from '../../src/search/question-opening.js';
import type { RankingOptions } from '../../src/search/ranking-options.js';
import { search } from '../../src/search/search.js';
import { firstFile, indexOf } from './notes-index.js';

describe('search ranking', () => {
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

    it('is not asked for by "what is <short form> <thing>?", which asks what the thing is', () => {
      const eks = {
        'eks.md': '- Elastic Kubernetes Service (EKS) - managed k8s service, run by AWS.\n  - EKS deploys and manages the control plane nodes.',
        'workers.md': '- EKS worker nodes:\n  - EC2 nodes you create and patch yourself\n  - A nodegroup: EC2 nodes EKS creates and deletes for you',
      };
      const score = (file: string, question: string) => search(indexOf(eks), question).hits.find((hit) => hit.chunk.file === file)?.score ?? 0;
      expect(score('eks.md', 'what is eks') / score('eks.md', 'eks')).toBeGreaterThan(1.5);
      expect(score('eks.md', 'what is an eks nodegroup') / score('eks.md', 'eks nodegroup')).toBeLessThan(1.5);
      expect(firstFile(eks, 'what is an eks nodegroup')).toBe('workers.md');
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
});
