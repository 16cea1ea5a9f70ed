import { describe, expect, it } from 'vitest';
import { seeded } from '../../bench/random.js';
import { findAbbreviations } from '../../src/search/abbreviations.js';
import { compounds, isStopWord, stem, tokenize } from '../../src/search/analyze.js';
import { editDistance, lettersApart, oneEditApart } from '../../src/search/distance.js';
import { allowedEdits, Vocabulary } from '../../src/search/vocabulary.js';

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
  });

  it("drops possessive and contracted endings: prometheus's, isn't, can't, don't", () => {
    expect(tokenize("prometheus's isn't can't don't won't").map((t) => t.surface)).toEqual(['prometheus', 'is', 'can', 'do', 'wo']);
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

describe('editDistance', () => {
  it.each([
    ['fargate', 'fargate', 2, 0],
    ['fargate', 'fargte', 2, 1],
    ['fargate', 'fargtae', 2, 1],
    ['daemon', 'deamon', 1, 1],
    ['ab', 'ba', 1, 1],
    ['kitten', 'sitting', 3, 3],
    ['', 'abc', 3, 3],
    ['supoprt', 'support', 1, 1],
  ])('%s ↔ %s (max %i) = %i', (a, b, max, expected) => {
    expect(editDistance(a, b, max)).toBe(expected);
    expect(editDistance(b, a, max)).toBe(expected);
  });

  it('gives up with max + 1 once the distance exceeds max', () => {
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(editDistance('aaaa', 'bbbbbbbb', 2)).toBe(3);
    expect(editDistance('abcdef', 'uvwxyz', 1)).toBe(2);
  });

  it('counts a transposition once only when the letters are adjacent', () => {
    expect(editDistance('abc', 'cba', 3)).toBe(2);
  });

  it('agrees with the full distance table on random words (it works out only a band of it)', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const word = () => Array.from({ length: Math.floor(next() * 9) }, () => 'abcd'[Math.floor(next() * 4)]).join('');
    for (let i = 0; i < 2000; i++) {
      const [a, b, max] = [word(), word(), Math.floor(next() * 4)];
      expect(editDistance(a, b, max), `${a} ↔ ${b}, max ${max}`).toBe(Math.min(fullDistance(a, b), max + 1));
    }
  });
});

describe('oneEditApart', () => {
  it('is true exactly when the full distance table says 1, on random words and their one-edit variants', () => {
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const letter = () => 'abc'[Math.floor(next() * 3)] ?? 'a';
    const word = () => Array.from({ length: Math.floor(next() * 7) }, letter).join('');
    const variant = (w: string) => {
      const at = Math.floor(next() * (w.length + 1));
      const kind = Math.floor(next() * 4);
      if (kind === 0) return w.slice(0, at) + letter() + w.slice(at);
      if (kind === 1) return w.slice(0, at) + w.slice(at + 1);
      if (kind === 2) return w.slice(0, at) + letter() + w.slice(at + 1);
      return w.slice(0, at) + w.slice(at + 1, at + 2) + w.slice(at, at + 1) + w.slice(at + 2);
    };
    let ones = 0;
    for (let i = 0; i < 3000; i++) {
      const a = word();
      const b = i % 2 === 0 ? word() : variant(a);
      const expected = fullDistance(a, b) === 1;
      if (expected) ones++;
      expect(oneEditApart(a, b), `${a} ↔ ${b}`).toBe(expected);
      expect(oneEditApart(b, a), `${b} ↔ ${a}`).toBe(expected);
    }
    expect(ones).toBeGreaterThan(500);
  });
});

describe('lettersApart', () => {
  it('never exceeds the edit distance, so that it may rule a word out before the distance is worked out', () => {
    const random = seeded(5);
    const letters = 'abcdeé';
    const word = () => Array.from({ length: random.int(0, 9) }, () => letters[random.int(0, letters.length - 1)]).join('');
    let over = 0;
    for (let i = 0; i < 5000; i++) {
      const a = word();
      const b = word();
      const apart = lettersApart(a, b);
      expect(apart, `${a} ↔ ${b}`).toBeLessThanOrEqual(fullDistance(a, b));
      if (apart > 2) over++;
    }
    expect(over).toBeGreaterThan(100);
  });

  it('counts the letters one word has beyond the other, either way round', () => {
    expect(lettersApart('zqxvbt', 'zarit')).toBe(4);
    expect(lettersApart('listen', 'silent')).toBe(0);
    expect(lettersApart('cluster', 'clusters')).toBe(1);
    expect(lettersApart('café', 'cafe')).toBe(0);
  });
});

/** Optimal string alignment distance, every cell of the table: the reference the banded version must match. */
function fullDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      row[j] = Math.min((up[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (up[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] ?? 0, ((d[i - 2] as number[])[j - 2] ?? 0) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] ?? 0;
}

describe('Vocabulary.nearest', () => {
  const vocabulary = new Vocabulary();
  for (const word of ['fargate', 'deamon', 'cluster', 'clusters', 'kubernetes', 'instances', 'nodegroup', 'ec2', 'at']) vocabulary.add(word);

  it('ignores short words and words with digits', () => {
    expect(vocabulary.has('at')).toBe(false);
    expect(vocabulary.has('ec2')).toBe(false);
    expect(vocabulary.has('fargate')).toBe(true);
    expect(vocabulary.size).toBe(7);
  });

  it('finds a word one deletion or insertion away', () => {
    expect(vocabulary.nearest('fargte', 1)).toEqual([{ word: 'fargate', distance: 1 }]);
    expect(vocabulary.nearest('clustr', 1)).toEqual([{ word: 'cluster', distance: 1 }]);
    expect(vocabulary.nearest('kubernettes', 2)).toEqual([{ word: 'kubernetes', distance: 1 }]);
  });

  it.each([
    ['daemon', 'deamon'],
    ['fargtae', 'fargate'],
    ['clsuter', 'cluster'],
  ])('finds a word one transposition away: %s → %s (words under 8 letters, 1 edit allowed)', (typo, word) => {
    // A swap of two letters changes 4 trigrams, not 3: a trigram filter assuming 3 per edit drops these.
    expect(allowedEdits(typo)).toBe(1);
    expect(vocabulary.nearest(typo, 1)).toEqual([{ word, distance: 1 }]);
  });

  it('gives a three-letter word one edit, and nothing to a shorter one', () => {
    const short = new Vocabulary();
    for (const word of ['data', 'work', 'pod']) short.add(word);
    expect(allowedEdits('dta')).toBe(1);
    expect(short.nearest('dta', allowedEdits('dta'))).toEqual([{ word: 'data', distance: 1 }]);
    expect(short.nearest('wrk', allowedEdits('wrk'))).toEqual([{ word: 'work', distance: 1 }]);
    expect(allowedEdits('at')).toBe(0);
  });

  it('finds long words two edits away', () => {
    expect(allowedEdits('kuberntes')).toBe(2);
    expect(vocabulary.nearest('kuberntes', 2)).toEqual([{ word: 'kubernetes', distance: 1 }]);
    expect(vocabulary.nearest('kubrnets', 2)).toEqual([{ word: 'kubernetes', distance: 2 }]);
    expect(vocabulary.nearest('insatnces', 2)).toEqual([{ word: 'instances', distance: 1 }]);
  });

  it('sorts alphabetically among equals, and excludes the word itself', () => {
    expect(vocabulary.nearest('clusterx', 2)).toEqual([
      { word: 'cluster', distance: 1 },
      { word: 'clusters', distance: 1 },
    ]);
    expect(vocabulary.nearest('cluster', 1)).toEqual([{ word: 'clusters', distance: 1 }]);
  });

  it('returns only the words at the smallest distance found', () => {
    expect(vocabulary.nearest('clustr', 2)).toEqual([{ word: 'cluster', distance: 1 }]);
    expect(vocabulary.nearest('clustrs', 2)).toEqual([{ word: 'clusters', distance: 1 }]);
  });

  it('finds exactly the words one edit away, as a scan of every word does, while words come and go', () => {
    // A small alphabet, so that words share many trigrams, first letters and last letters.
    const random = seeded(97);
    const letters = 'aeinorst';
    const randomWord = () => Array.from({ length: random.int(4, 12) }, () => letters[random.int(0, letters.length - 1)]).join('');
    const typoOf = (word: string) => {
      const at = random.int(0, word.length - 1);
      const kind = random.int(0, 3);
      if (kind === 0) return word.slice(0, at) + word.slice(at + 1);
      if (kind === 1) return word.slice(0, at) + random.pick([...letters]) + word.slice(at);
      if (kind === 2) return word.slice(0, at) + random.pick([...letters]) + word.slice(at + 1);
      return word.slice(0, at) + (word[at + 1] ?? '') + word[at] + word.slice(at + 2);
    };
    const words = new Vocabulary();
    const known = new Set<string>();
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 1500; i++) {
        const word = randomWord();
        words.add(word);
        known.add(word);
      }
      for (const word of [...known].filter(() => random.chance(0.1))) {
        words.remove(word);
        known.delete(word);
      }
      for (let i = 0; i < 150; i++) {
        const typed = random.chance(0.8) ? typoOf(random.pick([...known])) : randomWord();
        const scan = [...known].filter((word) => oneEditApart(typed, word)).sort();
        expect(words.nearest(typed, 1).map((found) => found.word), typed).toEqual(scan);
      }
    }
  });

  it('finds the words two edits away that share enough trigrams, as a scan of every word does', () => {
    const random = seeded(41);
    const letters = 'aeinorstl';
    const randomWord = (from = 6, to = 12) => Array.from({ length: random.int(from, to) }, () => letters[random.int(0, letters.length - 1)]).join('');
    const words = new Vocabulary();
    const known = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const word = randomWord();
      words.add(word);
      known.add(word);
    }
    // The lookup's contract: distinct trigrams of ^^word$$ shared, at least max(2, length + 2 − 4 × edits).
    const trigramsOf = (word: string) => {
      const padded = `^^${word}$$`;
      return new Set(Array.from({ length: padded.length - 2 }, (_, i) => padded.slice(i, i + 3)));
    };
    const slip = (word: string) => {
      const at = random.int(0, word.length - 1);
      return random.chance(0.5) ? word.slice(0, at) + random.pick([...letters]) + word.slice(at + 1) : word.slice(0, at) + word.slice(at + 1);
    };
    let found = 0;
    for (let i = 0; i < 300; i++) {
      const typed = random.chance(0.7) ? slip(slip(random.pick([...known].filter((word) => word.length >= 10)))) : randomWord(8, 12);
      if (typed.length < 8) continue;
      const own = trigramsOf(typed);
      const needed = Math.max(2, typed.length + 2 - 8);
      const scan = [...known]
        .filter((word) => word !== typed && Math.abs(word.length - typed.length) <= 2 && fullDistance(typed, word) <= 2)
        .filter((word) => [...trigramsOf(word)].filter((gram) => own.has(gram)).length >= needed);
      const nearest = words.nearest(typed, 2);
      const closest = Math.min(...scan.map((word) => fullDistance(typed, word)));
      const expected = scan.filter((word) => fullDistance(typed, word) === closest).sort();
      found += expected.length;
      expect(nearest.map((near) => near.word), typed).toEqual(expected);
    }
    expect(found).toBeGreaterThan(20);
  });

  it('returns nothing for maxEdits 0 or a word far from all', () => {
    expect(vocabulary.nearest('fargte', 0)).toEqual([]);
    expect(vocabulary.nearest('zebra', 1)).toEqual([]);
    expect(new Vocabulary().nearest('fargate', 2)).toEqual([]);
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
