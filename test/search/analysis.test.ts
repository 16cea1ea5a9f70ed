import { describe, expect, it } from 'vitest';
import { findAbbreviations } from '../../src/search/abbreviations.js';
import { compounds, isStopWord, stem, tokenize } from '../../src/search/analyze.js';
import { composeAnswer } from '../../src/answer/compose.js';
import { indexNotes } from '../../src/knowledge/build.js';
import { search } from '../../src/search/search.js';

const stems = (words: string) => words.split(' ').map(stem);

describe('stem', () => {
  it.each([
    ['supports', 'support'],
    ['supported', 'support'],
    ['supporting', 'support'],
    ['daemonsets', 'daemonset'],
    ['highly', 'high'],
    ['quickly', 'quick'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('gives a word and its plural, and an adverb and its adjective, the same stem', () => {
    expect(stem('containers')).toBe(stem('container'));
    expect(stem('instances')).toBe(stem('instance'));
    expect(stem('automatically')).toBe(stem('automatic'));
    expect(stem('manually')).toBe(stem('manual'));
  });

  it('cuts the plural s of a name with digits ("A100s", "T4s")', () => {
    expect(stem('a100s')).toBe(stem('a100'));
    expect(stem('t4s')).toBe('t4');
    // A numeronym is read so too, the same way in the notes and the question.
    expect(stem('k8s')).toBe('k8');
  });

  it('leaves "-ply" words, two-letter words, digits and non-Latin words alone', () => {
    expect(stem('apply')).toBe(stem('applying'));
    expect(stem('ip')).toBe('ip');
    expect(stem('ec2')).toBe('ec2');
    expect(stem('500s')).toBe('500s');
    expect(stem('فارجيت')).toBe('فارجيت');
  });
});

describe('stem of short words and doubled endings', () => {
  it('meets the plural or inflection of a three-letter word', () => {
    expect(stem('keys')).toBe(stem('key'));
    expect(stem('ips')).toBe(stem('ip'));
    expect(stem('ids')).toBe(stem('id'));
    expect(stem('days')).toBe(stem('day'));
  });

  it('meets a three-letter word ending in a consonant and y ("try", "tries", "tried", "trying")', () => {
    expect(stem('tries')).toBe(stem('try'));
    expect(stem('tried')).toBe(stem('try'));
    expect(stem('trying')).toBe(stem('try'));
  });

  it('stems again a word left ending in "ed" once "-ing" or "-ed" is cut ("embedding", "exceeded")', () => {
    expect(stem('embedding')).toBe(stem('embed'));
    expect(stem('embeddings')).toBe(stem('embed'));
    expect(stem('embedded')).toBe(stem('embed'));
    expect(stem('exceeded')).toBe(stem('exceed'));
    expect(stem('needed')).toBe(stem('need'));
  });

  it('keeps the final e of a three-letter word', () => {
    expect(stem('use')).toBe('use');
    expect(stem('age')).toBe('age');
  });

  it('keeps a doubled consonant that belongs to the base', () => {
    expect(stem('adding')).toBe(stem('add'));
    expect(stem('added')).toBe(stem('add'));
    expect(stem('staffing')).toBe(stem('staff'));
    expect(stem('diffing')).toBe(stem('diff'));
    expect(stem('erring')).toBe(stem('err'));
  });

  it('still undoes a doubling made by the inflection', () => {
    expect(stem('stopping')).toBe(stem('stop'));
    expect(stem('getting')).toBe(stem('get'));
    expect(stem('planned')).toBe(stem('plan'));
    expect(stem('committed')).toBe(stem('commit'));
  });
});

describe('tokenize', () => {
  it('lower-cases, strips accents, keeps offsets into the input', () => {
    const text = 'Fargate supports Café-style DaemonSets';
    expect(tokenize(text).map((t) => [t.surface, t.stem, t.offset])).toEqual([
      ['fargate', stem('fargate'), 0],
      ['supports', 'support', 8],
      ['cafe', stem('cafe'), 17],
      ['style', stem('style'), 22],
      ['daemonsets', 'daemonset', 28],
    ]);
  });

  it('reads letters each followed by a dot as the one word they spell, with where it is written', () => {
    const text = 'The D.C. office, the U.K. team, 9 p.m., e.g. this';
    const tokens = tokenize(text);
    const words = tokens.map((t) => [t.surface, text.slice(t.offset, t.end)]);
    expect(words).toEqual(expect.arrayContaining([['dc', 'D.C'], ['uk', 'U.K'], ['pm', 'p.m']]));
    expect(tokens.find((t) => t.surface === 'eg')?.stop).toBe(true);
    expect(tokenize('v1.2 on t.co with node.js').map((t) => t.surface)).toEqual(['v1', '2', 'on', 't', 'co', 'with', 'node', 'js']);
  });

  it('reads two short runs of letters joined by "&" as the one name they make, with where it is written', () => {
    const text = 'R&D budget, the P&L, a Q&A with AT&T.';
    const tokens = tokenize(text);
    expect(tokens.map((t) => [t.surface, text.slice(t.offset, t.end), t.stop])).toEqual([
      ['r&d', 'R&D', false],
      ['budget', 'budget', false],
      ['the', 'the', true],
      ['p&l', 'P&L', false],
      ['a', 'a', true],
      ['q&a', 'Q&A', false],
      ['with', 'with', true],
      ['at&t', 'AT&T', false],
    ]);
  });

  it.each([['a && b'], ['R&amp;D'], ['?a=b&c=d'], ['salt&pepper'], ['x=1&y=2']])('leaves %s as the words it was', (text) => {
    expect(tokenize(text).some((t) => t.surface.includes('&'))).toBe(false);
  });

  it('finds a name joined by "&" in the notes, which its letters alone never could', () => {
    const { index } = indexNotes([{ file: 'finance.md', text: '# Finance\n\n- The P&L review is on the first Monday of the month.\n- The budget review is in March.\n' }]);
    const asked = 'when is the p&l review';
    const answer = composeAnswer(asked, search(index, asked, { limit: 8 }), index, { top: 3 });
    expect(answer.lookedFor).toContain('p&l');
    expect(answer.quote).toEqual(['- The P&L review is on the first Monday of the month.']);
  });

  it('takes an apology for chat, not a topic the notes lack', () => {
    const tokens = tokenize('sorry if this was covered already, but when did engineering move over to okta?');
    expect(tokens.find((t) => t.surface === 'sorry')?.stop).toBe(true);
    expect(tokens.find((t) => t.surface === 'okta')?.stop).toBe(false);
  });

  it('reads a contraction typed without its apostrophe as the stop words it stands for, not "well" or "id"', () => {
    const content = (text: string) => tokenize(text).filter((t) => !t.stop).map((t) => t.surface);
    expect(content('why dont we use kafka, im new and thats odd')).toEqual(['use', 'kafka', 'new', 'odd']);
    expect(content("why don't we use kafka, i'm new and that's odd")).toEqual(['use', 'kafka', 'new', 'odd']);
    expect(tokenize('the id of the well').filter((t) => !t.stop).map((t) => t.surface)).toEqual(['id', 'well']);
  });

  it('marks stop words (question filler included) and keeps negations and one-letter digits', () => {
    const tokens = tokenize("Hey team, can someone tell me how I'd run it on EKS? Not on 2 nodes");
    const flagged = Object.fromEntries(tokens.map((t) => [t.surface, t.stop]));
    expect(flagged).toEqual({
      hey: true,
      team: true,
      can: true,
      someone: true,
      tell: true,
      me: true,
      how: true,
      i: true,
      run: false,
      it: true,
      on: true,
      eks: false,
      not: false,
      '2': false,
      nodes: false,
    });
    expect(isStopWord('not')).toBe(false);
    expect(isStopWord('free')).toBe(false);
    expect(isStopWord('the')).toBe(true);
    // "any questions about expenses": the plural is chat filler as much as "question" is.
    expect(isStopWord('question')).toBe(true);
    expect(isStopWord('questions')).toBe(true);
  });

  it("drops possessive and contracted endings: prometheus's, isn't, can't, don't, and reads won't as will", () => {
    expect(tokenize("prometheus's isn't can't don't won't shan't ain't").map((t) => t.surface)).toEqual(['prometheus', 'is', 'can', 'do', 'will', 'shall', 'is']);
    expect(tokenize("won't shan't ain't").every((t) => t.stop)).toBe(true);
  });

  it('finds no words in emoji, punctuation or control characters', () => {
    expect(tokenize("🚀🔥 *(|'!^=~ \u0000\u0007")).toEqual([]);
  });

  it('keeps words of right-to-left scripts', () => {
    expect(tokenize('هل يدعم فارجيت').map((t) => t.surface)).toEqual(['هل', 'يدعم', 'فارجيت']);
    expect(tokenize('האם פרגייט').map((t) => t.surface)).toEqual(['האם', 'פרגייט']);
  });
});

describe('compounds', () => {
  const joined = (text: string) => compounds(tokenize(text), text).map((c) => c.surface);

  it('joins neighbouring content words: "deamon sets" → deamonsets', () => {
    const text = 'Deamon sets';
    expect(compounds(tokenize(text), text)).toEqual([{ surface: 'deamonsets', stem: stem('deamonsets') }]);
    expect(stem('deamonsets')).toBe('deamonset');
  });

  it.each([
    ['node group', ['nodegroup']],
    ['node-group', ['nodegroup']],
    ['docker hub', ['dockerhub']],
    ['EC2 based node group', ['ec2based', 'basednode', 'nodegroup']],
  ])('"%s" → %j', (text, expected) => {
    expect(joined(text)).toEqual(expected);
  });

  it.each([
    ['on-call rotation', 'oncall'],
    ['log-in page', 'login'],
    ['e-mail alerts', 'email'],
    ['a built-in check', 'builtin'],
  ])('joins a stop word hyphenated to a content word, stemmed as one word: "%s" → %s', (text, word) => {
    expect(compounds(tokenize(text), text)).toContainEqual({ surface: word, stem: stem(word) });
  });

  it('joins a stop word only with a hyphen, and never two stop words', () => {
    expect(joined('who is on call')).toEqual([]);
    expect(joined('on -call')).toEqual([]);
    expect(joined('up-to')).toEqual([]);
  });

  it.each([
    ['Dashboards time out after 300 seconds', 'timeout'],
    ['the job timed out', 'timeout'],
    ['set up the runner', 'setup'],
    ['we fail over to the replica', 'failover'],
    ['shut down the old cluster', 'shutdown'],
    // Porter ends "carry" and "carried" in i; the word written as one keeps the y.
    ['You can carry over 240 hours', 'carryover'],
    ['the hours carried over from last year', 'carryover'],
  ])('joins a verb and the particle after it, as the one word people also write: "%s" → %s', (text, word) => {
    expect(compounds(tokenize(text), text).map((c) => c.stem)).toContain(stem(word));
  });

  it('joins no preposition, and no particle before a word', () => {
    expect(joined('ECS on EC2')).toEqual([]);
    expect(joined('runs in prod')).toEqual([]);
    expect(joined('out of memory')).toEqual([]);
  });

  it('does not join across stop words, sentence ends or wide gaps', () => {
    expect(joined('daemon and sets')).toEqual([]);
    expect(joined('run the daemon. Sets are fine')).toEqual([]);
    expect(joined('daemon  —  sets')).toEqual([]);
  });
});

describe('findAbbreviations', () => {
  it.each([
    ['Elastic Container Service (ECS)', 'ecs', 'elastic container service'],
    ['ECS (Elastic Container Service)', 'ecs', 'elastic container service'],
    ['ECC (elliptic-curve cryptography)', 'ecc', 'elliptic curve cryptography'],
    ['It works with Amazon EKS (Elastic Kubernetes Service).', 'eks', 'elastic kubernetes service'],
    ['Identity and Access Management (IAM) roles', 'iam', 'identity access management'],
    ['multiple availability zones (AZ)', 'az', 'availability zones'],
    ['Use a VPC (Virtual Private Cloud) endpoint', 'vpc', 'virtual private cloud'],
  ])('%s → %s = %s', (text, short, long) => {
    expect(findAbbreviations(text)).toEqual([{ short: stem(short), long: stems(long) }]);
  });

  it.each([
    'Custom AMIs (optional)',
    '## 3️⃣ **Custom AMIs (optional)**',
    'Install docker (yum install docker)',
    'Pick a size (t3.medium, m5.large)',
    'Runs (ECS) alone',
    'the service (SVC) is unrelated words',
    'lowercase (ecs)',
  ])('finds no abbreviation in %j', (text) => {
    expect(findAbbreviations(text)).toEqual([]);
  });

  it.each([
    ['**PIR**: post-incident review. Written within 5 working days.', 'pir', 'post incident review'],
    ['- SLO — service level objective, our target', 'slo', 'service level objective'],
    ['* __IAM__ = identity and access management', 'iam', 'identity access management'],
    ['RPO - recovery point objective', 'rpo', 'recovery point objective'],
  ])('finds the glossary entry %j', (text, short, long) => {
    expect(findAbbreviations(text)).toEqual([{ short: stem(short), long: stems(long) }]);
  });

  it.each([
    ['**NLDC** — NodeLocal DNSCache, the DNS cache on every node.', 'nldc', 'node local dns cache'],
    ['GitHub Actions (GHA) runs the checks', 'gha', 'git hub actions'],
    ['PDB (PodDisruptionBudget)', 'pdb', 'pod disruption budget'],
  ])('reads a camel-case word as its parts when only they spell the short form: %j', (text, short, long) => {
    expect(findAbbreviations(text).filter((found) => !found.fromName)).toEqual([{ short: stem(short), long: stems(long) }]);
  });

  it.each([
    '**Error budget**: how much an SLO may be missed',
    'TODO: check the budget again',
    'Note that PIR: written later by the team',
    'SEV1: customer-facing outage or data loss',
  ])('finds no glossary entry in %j', (text) => {
    expect(findAbbreviations(text)).toEqual([]);
  });

  it('finds every definition in a longer text', () => {
    const text = 'Elastic Container Registry (ECR) stores images. It works with both Amazon ECS (Elastic Container Service) and Amazon EKS (Elastic Kubernetes Service).';
    expect(findAbbreviations(text)).toEqual([
      { short: stem('ecr'), long: stems('elastic container registry') },
      { short: stem('ecs'), long: stems('elastic container service') },
      { short: stem('eks'), long: stems('elastic kubernetes service') },
    ]);
  });
});
