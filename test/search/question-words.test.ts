import { describe, expect, it } from 'vitest';
import { stem } from '../../src/search/analyze.js';
import { analyzeQuery } from '../../src/search/query.js';
import { search } from '../../src/search/search.js';
import { firstFile, indexOf, stemsLookedFor } from './notes-index.js';

describe('how a question\'s words are read', () => {
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

  it('reads "how long" as asking for a time, and its "take" with it, even where the notes use "long"', () => {
    const notes = {
      'canary.md': 'The canary takes 5% of traffic for 15 minutes, then 25% for 15 minutes.',
      'limits.md': 'Ask for a raise with the expected peak and how long you need it.',
    };
    const words = (question: string) => analyzeQuery(indexOf(notes), question).groups.map((group) => group.word);
    expect(words('how long does the canary take')).toEqual(['canary']);
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
});
