import { describe, expect, it } from 'vitest';
import { stem } from '../../src/search/analyze.js';
import { analyzeQuery } from '../../src/search/query.js';
import { search } from '../../src/search/search.js';
import { isLikelySlip, isMechanicalSlip, keysAdjacent, slipCost, sureEnglishSlip, withinTwoCommonestSlips, withinTwoFingerSlips } from '../../src/search/slips.js';
import { indexOf } from './notes-index.js';

const termsOf = (index: ReturnType<typeof indexOf>, question: string) => analyzeQuery(index, question).groups.flatMap((group) => group.terms);
const stemsOf = (index: ReturnType<typeof indexOf>, question: string) => termsOf(index, question).map((term) => term.stem);

/** `count` notes of filler, so that the notes' statistics are those of a larger collection. */
const filler = (count: number, text: (i: number) => string) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`filler-${i}.md`, text(i)]));

describe('the keyboard', () => {
  it.each([
    ['a', 's'],
    ['s', 'a'],
    ['a', 'q'],
    ['a', 'w'],
    ['a', 'z'],
    ['t', 'g'],
    ['b', 'h'],
  ])('%s and %s are neighbours', (a, b) => {
    expect(keysAdjacent(a, b)).toBe(true);
  });

  it.each([
    ['l', 's'],
    ['a', 'e'],
    ['q', 'z'],
    ['t', 'b'],
    ['a', '1'],
  ])('%s and %s are not', (a, b) => {
    expect(keysAdjacent(a, b)).toBe(false);
  });
});

describe('which slips a word may take', () => {
  it('takes a four-letter word for a neighbouring key struck, and for no other changed letter', () => {
    expect(isLikelySlip('rste', 'rate')).toBe(true);
    expect(isLikelySlip('fadt', 'fast')).toBe(true);
    expect(isLikelySlip('talk', 'task')).toBe(false);
    expect(isLikelySlip('tsak', 'task')).toBe(true);
  });

  it('takes a three-letter word for a dropped or swapped letter only', () => {
    expect(isLikelySlip('pid', 'pod')).toBe(false);
    expect(isLikelySlip('pdo', 'pod')).toBe(true);
    expect(isLikelySlip('nde', 'node')).toBe(true);
  });

  it('costs a changed letter far from the right key more than any other slip', () => {
    expect(slipCost('fakt', 'fast')).toBeGreaterThan(0);
    expect(slipCost('fadt', 'fast')).toBe(0);
    expect(slipCost('toke', 'token')).toBe(0);
    expect(slipCost('clsuter', 'cluster')).toBe(0);
  });
});

describe('two slips of the fingers', () => {
  it.each([
    ['fargtd', 'fargate'],
    ['faargat', 'fargate'],
    ['fooref', 'footer'],
  ])('takes %s for %s', (typed, word) => {
    expect(withinTwoFingerSlips(typed, word)).toBe(true);
  });

  // A letter changed for one far from it on the keyboard is a slip of the mind, or another word.
  it.each([
    ['rollup', 'rollout'],
    ['dialer', 'dialog'],
    ['centos', 'centre'],
    ['fargate', 'fargate!!!'],
  ])('does not take %s for %s', (typed, word) => {
    expect(withinTwoFingerSlips(typed, word)).toBe(false);
  });
});

describe('two of the commonest slips', () => {
  it.each([
    ['csutmer', 'customer'],
    ['cuutsom', 'custom'],
    ['staagng', 'staging'],
    ['prricng', 'pricing'],
    ['custom', 'custom'],
  ])('takes %s for %s: letters dropped, doubled or swapped', (typed, word) => {
    expect(withinTwoCommonestSlips(typed, word)).toBe(true);
  });

  it.each([
    ['vitess', 'votes'],
    ['cuxtom', 'custom'],
    ['cusptom', 'custom'],
    ['cusstoomm', 'custom'],
    ['fargtd', 'fargate'],
  ])('does not take %s for %s: a letter changed or added that is not struck twice', (typed, word) => {
    expect(withinTwoCommonestSlips(typed, word)).toBe(false);
  });

  it('never takes what two slips of the fingers do not', () => {
    const letters = 'abcdefst';
    let state = 7;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648);
    const word = () => Array.from({ length: 3 + (next() % 5) }, () => letters[next() % letters.length]).join('');
    let taken = 0;
    for (let i = 0; i < 20000; i++) {
      const typed = word();
      const known = word();
      if (!withinTwoCommonestSlips(typed, known)) continue;
      taken++;
      expect(withinTwoFingerSlips(typed, known), `${typed} for ${known}`).toBe(true);
    }
    expect(taken).toBeGreaterThan(50);
  });
});

describe('the English word a typo surely stands for', () => {
  it.each([
    ['tiime', 'time'],
    ['verison', 'version'],
    ['timme', 'time'],
  ])('reads %s as %s', (typed, meant) => {
    expect(sureEnglishSlip(typed)).toBe(meant);
  });

  // English as written, too short to be sure, no slip of a finger, or a name.
  it.each(['time', 'tme', 'tiem', 'kubectl', 'fargate'])('reads %s as no sure slip', (typed) => {
    expect(sureEnglishSlip(typed)).toBeUndefined();
  });
});

describe('correcting a typo', () => {
  it('still reads a short form the notes never write by its long form, when it is also one slip from a word of theirs', () => {
    // The notes write "prd" in names and "production" in prose; "prod" is one letter from the first and stands for the second.
    const index = indexOf({ 'clusters.md': 'Clusters: prd-fra-1, stg-fra-1.\n\nUpgrade windows: production clusters on Tuesdays.' });
    const terms = stemsOf(index, 'prod');
    expect(terms).toContain('prd');
    expect(terms).toContain(stem('production'));
  });

  it('reads a short form typed with two letters swapped by its long form: "prdo" is "prod"', () => {
    const index = indexOf({ 'clusters.md': 'Clusters: prd-fra-1, stg-fra-1.\n\nUpgrade windows: production clusters on Tuesdays.\n\nThe staging database is restored nightly.' });
    expect(stemsOf(index, 'prdo')).toContain(stem('production'));
    expect(stemsOf(index, 'clusters in prdo')).toContain(stem('production'));
    // A word of the notes is read as written, and a swap that makes no short form stands for nothing.
    expect(stemsOf(index, 'staging')).not.toContain(stem('production'));
    expect(stemsOf(index, 'rdpo')).not.toContain(stem('production'));
  });

  it('reads no name or English word as a swapped short form: "pics" is no plural of PCI, "bots" no OBT', () => {
    const index = indexOf({ 'cards.md': 'Card data is in scope for PCI (Payment Card Industry) audits.\n\nThe OBT (One Big Table) feeds every dashboard.' });
    expect(stemsOf(index, 'pcis')).toContain(stem('payment'));
    expect(stemsOf(index, 'pics')).not.toContain(stem('payment'));
    expect(stemsOf(index, 'bots')).not.toContain(stem('table'));
  });

  it('corrects a four-letter word with a neighbouring key struck', () => {
    const index = indexOf({ 'a.md': 'The scrape rate is one per minute.', 'b.md': 'Each task has its own certs.' });
    expect(stemsOf(index, 'rste')).toContain('rate');
    expect(stemsOf(index, 'talk')).toEqual([]);
  });

  it('prefers the commonest of the words one slip away, not the first in the alphabet', () => {
    const index = indexOf({
      'rare.md': 'Items, stems and teams.',
      ...filler(20, (i) => `Search terms ${i} are matched.`),
    });
    // "items", "stems", "teams" and "terms" are each one letter from "tems"; up to three are looked for.
    const terms = stemsOf(index, 'tems');
    expect(terms[0]).toBe('term');
    expect(terms).toHaveLength(3);
  });

  it('also looks for a much commoner word one slip from a rare word of the notes, as a correction', () => {
    const index = indexOf({
      'typo.md': 'Restart the clsuter once.',
      ...filler(400, (i) => (i % 4 === 0 ? `The cluster runs service ${i}.` : `Service ${i} logs to stdout.`)),
    });
    const group = analyzeQuery(index, 'how do I resize a clsuter').groups.find((g) => g.word === 'clsuter');
    expect(group?.terms.map((term) => [term.stem, term.weight])).toEqual([
      ['clsuter', 1],
      [stem('cluster'), 0.8],
    ]);
    expect(search(index, 'clsuter service').hits.some((hit) => hit.chunk.text.includes('cluster'))).toBe(true);
  });

  it('reads a three-letter word the notes lack as a short form, not as a longer word with its first letter dropped', () => {
    const index = indexOf({ 'loop.md': 'Users were sent back to the login screen.', 'arn.md': 'The role name is in the config.' });
    expect(stemsOf(index, 'sev2 ack time')).not.toContain('back');
    // A letter dropped inside the word is still a slip.
    expect(stemsOf(index, 'bak to login')).toContain('back');
  });

  it('takes a three-letter slip of a stop word for it, not for a word the notes lack', () => {
    const index = indexOf({ 'pull.md': 'Pull the image from the registry.' });
    const words = (question: string) => analyzeQuery(index, question).groups.map((group) => group.word);
    expect(words('hwo do I pull teh image adn tag')).toEqual(['pull', 'image', 'tag']);
    // Not with another first letter: "aws" is no slip for "was".
    expect(words('pull from aws')).toEqual(['pull', 'aws']);
  });

  it('drops a misspelt opening the answer cues read as a stop word, though a word of the notes is as close', () => {
    const index = indexOf({
      'glossary.md': '# Glossary\n\n**First Contact Resolution (FCR)**: share of issues solved at once.\n\n**Average Handle Time (AHT)**: minutes a ticket takes.\n',
      'review.md': '# Q1 review\n\n- AHT went down to 6 minutes, and FCR up to 71%.\n- AHT target for Q2: 5 minutes.\n',
    });
    const words = (question: string) => analyzeQuery(index, question).groups.map((group) => group.word);
    // "waht" is one slip from "aht" as from "what"; as the opening, it is read as the cues read it.
    expect(words('waht does fcr mean')).toEqual(['fcr']);
    expect(search(index, 'waht does fcr mean').hits[0]?.chunk.file).toBe('glossary.md');
  });

  it('takes a slip of a stop word that keeps its first letter for it, before a word of the notes that does not', () => {
    const index = indexOf({ 'claims.md': 'Claims over 500 need a second sign-off.', 'ends.md': 'The trial ends in May.' });
    const words = (question: string) => analyzeQuery(index, question).groups.map((group) => group.word);
    // "neds" is "needs" dropping a letter, and "ends" with two swapped: the first letter says which.
    expect(words('who neds to sign claims')).toEqual(['sign', 'claims']);
    // "thme" is one slip from "them" and from the notes' "theme", both with its first letter: the notes' word.
    const themes = indexOf({ 'ui.md': 'The dark theme is the default.', 'other.md': 'Images are pushed to the registry.' });
    expect(stemsOf(themes, 'dark thme')).toEqual([stem('dark'), stem('theme')]);
  });

  it('takes a longer slip of a stop word for it, but keeps a word of general English as a word the notes lack', () => {
    const index = indexOf({ 'agent.md': 'Start the agent with systemctl.' });
    const groups = (question: string) => analyzeQuery(index, question).groups.map((group) => [group.word, group.terms.length]);
    // "whihc" is a slip for "which"; "cold" and "form" are words, one letter from "could" and "from".
    expect(groups('whihc agent to start')).toEqual([['agent', 1], ['start', 1]]);
    expect(groups('lambda cold start')).toEqual([['lambda', 0], ['cold', 0], ['start', 1]]);
    expect(groups('submit the form')).toEqual([['submit', 0], ['form', 0]]);
  });

  it('leaves a rare word alone when its neighbour differs in the first letter or is not common enough', () => {
    const index = indexOf({
      'klog.md': 'klog writes structured logs. The shade is grey.',
      ...filler(400, (i) => (i % 4 === 0 ? `The log of service ${i}.` : i % 40 === 1 ? `Share service ${i}.` : `Service ${i} runs.`)),
    });
    expect(stemsOf(index, 'klog')).toEqual(['klog']);
    // "share" is in 10 of the 401 notes and "shade" in 1: ten times as common, not fifty.
    expect(stemsOf(index, 'shade')).toEqual([stem('shade')]);
  });
});

describe('a three-letter word known only by a stem of two letters', () => {
  const notes = {
    'network.md': 'The lo interface is the loopback.',
    ...filler(12, (i) => `Service ${i} writes its logs to the logs bucket.`),
  };

  it('is also read as a typo when the notes never write it ("los" for logs, through a stray "lo")', () => {
    expect(stemsOf(indexOf(notes), 'where are the los')).toEqual(expect.arrayContaining([stem('lo'), stem('logs')]));
  });

  it('is read as written when many notes write it ("IPs")', () => {
    const ips = { ...filler(12, (i) => `Node ${i} has two IPs: a private IP and a public IP.`), 'tips.md': 'Tips for the on-call.' };
    expect(stemsOf(indexOf(ips), 'which ips')).toEqual([stem('ip')]);
  });
});

describe('a word the notes lack that is one of theirs with "re" before it', () => {
  const agent = indexOf({ 'agent.md': '* Start ECS agent (`sudo systemctl start ecs`)\n* Install Docker yourself, as the jobs run.' });

  it('is looked for as the act it repeats ("restart" for "Start")', () => {
    expect(stemsOf(agent, 'restart ecs agent')).toEqual([stem('start'), stem('ecs'), stem('agent')]);
  });

  it('is read as written where the notes use it', () => {
    const restarts = indexOf({ 'agent.md': 'Start the agent.', 'kafka.md': 'Kafka restarts its brokers one by one.' });
    expect(stemsOf(restarts, 'restart')).toEqual([stem('restart')]);
  });

  it('is left alone when the rest is no word of the notes, or too short to be one', () => {
    expect(stemsOf(agent, 'rebalance')).toEqual([]);
    expect(stemsOf(agent, 'rerun')).toEqual([]);
  });
});

describe('a stop word and a word hyphenated', () => {
  const index = indexOf({ 'rota.md': 'The on-call rotation changes on Monday.', 'mail.md': 'Alerts go by e-mail.', 'logs.md': 'Log rotation runs daily.' });

  it('is found by the question that writes them as one ("oncall", "email")', () => {
    expect(stemsOf(index, 'oncall')).toEqual([stem('oncall')]);
    expect(stemsOf(index, 'email')).toEqual([stem('email')]);
    expect(search(index, 'oncall rotation').hits[0]?.chunk.file).toBe('rota.md');
  });
});

describe('a word the notes lack, written apart from a neighbour the notes join it to', () => {
  const index = indexOf({
    'incidents.md': 'Customer updates go out every 30 minutes for SEV1, every hour for SEV2.',
    'deploys.md': 'No deploys from 20 December to 2 January.',
  });

  it('is one question word with its neighbour, the joined one ("sev 2" for SEV2)', () => {
    const groups = analyzeQuery(index, 'what is a sev 2').groups;
    expect(groups.map((group) => [group.word, group.terms.map((term) => term.stem)])).toEqual([['sev 2', [stem('sev2')]]]);
    expect(search(index, 'what is a sev 2').hits[0]?.chunk.file).toBe('incidents.md');
  });

  it('leaves two words the notes both use apart, looking for the joined word as a phrase', () => {
    const query = analyzeQuery(indexOf({ 'a.md': 'The node group scales.', 'b.md': 'A nodegroup and a node in a group.' }), 'node group');
    expect(query.groups.map((group) => group.word)).toEqual(['node', 'group']);
    expect(query.phrases.map((phrase) => phrase.stem)).toEqual([stem('nodegroup')]);
  });

  it('joins a sure slip as the word meant ("node gruop" still meets "nodegroup"), and no other reading', () => {
    const notes = indexOf({ 'a.md': 'The node group scales.', 'b.md': 'A nodegroup and a node in a group.', 'c.md': 'The groups were sorted.' });
    expect(analyzeQuery(notes, 'node gruop').phrases.map((phrase) => phrase.stem)).toEqual([stem('nodegroup')]);
    // "grop" is a dropped letter, read at a correction's weight: not sure enough to join.
    expect(analyzeQuery(notes, 'node grop').phrases).toEqual([]);
  });
});

describe('a word of general English the notes lack', () => {
  const index = indexOf({ 'scale.md': 'Scaling adds nodes. Authentication uses tokens.', 'other.md': 'Images are pushed to the registry.' });

  it('is not taken for a word of the notes two slips away ("scanning" is not "scaling")', () => {
    expect(stemsOf(index, 'scanning')).toEqual([]);
  });

  it('is not taken for another word of general English one slip away ("long" is not "log")', () => {
    const logs = indexOf({ 'logs.md': 'The audit log is kept for 30 days.', 'other.md': 'Images are pushed to the registry.' });
    expect(stemsOf(logs, 'how long is the audit log kept')).toEqual([stem('audit'), stem('log'), stem('kept')]);
  });

  it('but is taken for a much commoner word of English one slip away ("toke" for "token")', () => {
    const tokens = indexOf({ 'auth.md': 'An invalid token means the session expired.', 'other.md': 'Images are pushed to the registry.' });
    expect(stemsOf(tokens, 'invalid toke')).toEqual([stem('invalid'), stem('token')]);
  });

  it('while a word that is no English is ("authentcaton")', () => {
    expect(stemsOf(index, 'authentcaton')).toEqual([stem('authentication')]);
  });
});

describe('a name the notes write longer', () => {
  const index = indexOf({ 'adr.md': 'PostgreSQL over MongoDB for orders: we need transactions.', 'other.md': 'Ask in the IT portal.' });

  it('is looked for as the notes write it ("mongo" for MongoDB)', () => {
    expect(stemsOf(index, 'mongo transactions')).toEqual([stem('mongodb'), stem('transactions')]);
  });

  it('is not stretched from a word of general English ("port" is not "portal"), nor by more than three letters', () => {
    expect(stemsOf(index, 'port')).toEqual([]);
    expect(stemsOf(index, 'postgre')).toEqual([stem('postgresql')]);
    expect(stemsOf(index, 'postg')).toEqual([]);
  });
});

describe('a slip of the fingers', () => {
  it.each([
    ['chekcout', 'checkout', true],
    ['livve', 'live', true],
    ['sharee', 'share', true],
    ['chekout', 'checkout', false],
    ['chrckout', 'checkout', false],
    ['lives', 'live', false],
  ])('%j for %j: %s', (typed, word, expected) => {
    expect(isMechanicalSlip(typed, word)).toBe(expected);
  });

  it('with one reading only, weighs as much as the word written', () => {
    const index = indexOf({ 'release.md': 'The SwiftUI checkout is live for 10% of iOS users.', 'other.md': 'Images are pushed to the registry.' });
    const weights = (question: string) => termsOf(index, question).map((term) => [term.stem, term.weight]);
    expect(weights('is the chekcout livve')).toEqual(weights('is the checkout live'));
    // From four letters: "lvie" has one reading among the notes' words.
    expect(weights('is the checkout lvie')).toEqual(weights('is the checkout live'));
    // A letter changed is a slip of the mind as often as of the fingers: a correction's weight, below the written word's.
    expect(termsOf(index, 'is the chrckout live')[0]?.weight).toBeLessThan(1);
  });

  it('two of them with one reading only weigh as one slip of any kind, and two other slips less', () => {
    const index = indexOf({ 'oncall.md': 'The on-call handover is on Monday at 10:00.', 'other.md': 'Images are pushed to the registry.' });
    const weightOf = (question: string) => termsOf(index, question).find((term) => term.stem === stem('handover'))?.weight;
    // Two swaps ("hadnovre"), and a doubled letter with a dropped one ("hanndovr").
    expect(weightOf('oncall hadnovre')).toBe(weightOf('oncall handovr'));
    expect(weightOf('oncall hanndovr')).toBe(weightOf('oncall handovr'));
    expect(weightOf('oncall handovr')).toBeLessThan(1);
    // A letter added and one changed: a weaker reading.
    const other = weightOf('oncall hxandovar');
    expect(other).toBeDefined();
    expect(other).toBeLessThan(weightOf('oncall handovr') ?? 0);
  });
});
