import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { openLore } from '../../src/engine.js';
import type { RankingOptions } from '../../src/search/ranking-options.js';
import { search } from '../../src/search/search.js';
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
