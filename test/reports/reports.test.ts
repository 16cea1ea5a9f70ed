import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gapsReport } from '../../src/reports/gaps.js';
import { gapsJson, renderGapsText, renderStatsText, statsJson } from '../../src/reports/render.js';
import { parseSince } from '../../src/reports/since.js';
import { statsReport } from '../../src/reports/stats.js';
import { groupByWording, wordingKey } from '../../src/reports/wording.js';
import { FeedbackStore } from '../../src/store/store.js';
import { STORES, useStore } from '../store/backends.js';
import { DAY, NOW, note, question } from '../store/helpers.js';

const SINCE = NOW - 30 * DAY;

describe('wording', () => {
  it('keys questions by their content stems, as the search engine analyses them', () => {
    expect(wordingKey('How do I rotate the DB password?')).toEqual(wordingKey('rotating db passwords'));
    expect(wordingKey('roll back a release')).not.toEqual(wordingKey('roll out a release'));
  });

  it('groups similar wordings and keeps different questions apart', () => {
    const groups = groupByWording(['rotate db password', 'rotate the db passwords', 'db password', 'deploy to staging', 'deploy to prod'].map((q) => ({ question: q })));
    expect(groups.map((group) => group.map((item) => item.question))).toEqual([
      ['rotate db password', 'rotate the db passwords', 'db password'],
      ['deploy to prod'],
      ['deploy to staging'],
    ]);
  });
});

describe.each(STORES)('reports on %s', (kind) => {
  const backend = useStore(kind);
  let store: FeedbackStore;

  /** A month of use: three wordings of one unanswered question, a voted-down answer, an answered question, an old gap. */
  beforeEach(async () => {
    store = await FeedbackStore.open(await backend.location());
    const unanswered = (q: string, at: number, user = 'U1') =>
      store.recordQuestion(question({ question: q, at, userId: user, found: false, reason: 'no-match', notes: [note('security/secrets.md'), note('ops/db.md')] }));
    await unanswered('How do I rotate the DB password?', NOW - 3 * DAY);
    await unanswered('rotating db passwords', NOW - 2 * DAY, 'U2');
    await unanswered('how do i rotate the db password', NOW - DAY, 'U3');
    await unanswered('db password rotation', NOW - 4 * DAY);
    await unanswered('where is the vpn config?', NOW - 40 * DAY);
    await store.recordQuestion(question({ question: 'how to roll back a release', at: NOW - 5 * DAY, notes: [note('ops/deploys.md', 4, 9)] }));
    await store.recordQuestion(question({ question: 'roll back a release', at: NOW - 5 * DAY, userId: 'U2', platform: 'discord', surface: 'mention', notes: [note('ops/deploys.md', 4, 9)] }));
    await store.recordQuestion(question({ question: 'laptop request', at: NOW - 6 * DAY, notes: [note('team/onboarding.md'), note('ops/deploys.md')] }));
    await store.recordVote({ platform: 'slack', userId: 'U1', vote: 'down', question: 'how to roll back a release', citation: 'ops/deploys.md:4-9' }, NOW - 5 * DAY + 1000);
    await store.recordVote({ platform: 'slack', userId: 'U7', vote: 'down', question: 'how to roll back a release' }, NOW - 4 * DAY);
    await store.recordVote({ platform: 'slack', userId: 'U1', vote: 'up', question: 'laptop request' }, NOW - 6 * DAY);
    await store.recordVote({ platform: 'discord', userId: 'U5', vote: 'down', question: 'is the EKS control plane free?', citation: 'aws.md:40-41' }, NOW - 7 * DAY);
  });
  afterEach(async () => {
    await store.close();
  });

  describe('gapsReport', async () => {
    it('covers one channel when asked to, votes included', async () => {
      await store.recordQuestion(question({ question: 'who approves payroll runs?', at: NOW - DAY, channelId: 'CFINANCE', found: false, reason: 'no-match' }));
      await store.recordVote({ platform: 'slack', userId: 'U9', vote: 'down', question: 'when is payday', channelId: 'CFINANCE' }, NOW - DAY);
      const finance = (await gapsReport(store.sql, { since: SINCE, channel: { platform: 'slack', channelId: 'CFINANCE' } }));
      expect(finance.map((gap) => gap.question).sort()).toEqual(['when is payday', 'who approves payroll runs?']);
      const general = (await gapsReport(store.sql, { since: SINCE, channel: { platform: 'slack', channelId: 'C1' } })).map((gap) => gap.question);
      expect(general).toContain('how do i rotate the db password');
      expect(general).not.toContain('who approves payroll runs?');
      expect(general).not.toContain('when is payday');
      expect((await gapsReport(store.sql, { since: SINCE, channel: { platform: 'discord', channelId: 'CFINANCE' } }))).toEqual([]);
      expect((await gapsReport(store.sql, { since: SINCE })).map((gap) => gap.question)).toEqual(expect.arrayContaining(['when is payday', 'who approves payroll runs?', 'how do i rotate the db password']));
    });

    it('lists unanswered and voted-down questions grouped by wording, most frequent first', async () => {
      const gaps = (await gapsReport(store.sql, { since: SINCE }));
      expect(gaps).toEqual([
        {
          question: 'how do i rotate the db password',
          variants: ['rotating db passwords', 'db password rotation'],
          count: 4,
          unanswered: 4,
          downvotes: 0,
          closest: [
            { file: 'ops/db.md', times: 4 },
            { file: 'security/secrets.md', times: 4 },
          ],
          lastAt: new Date(NOW - DAY),
        },
        {
          question: 'how to roll back a release',
          variants: [],
          count: 1,
          unanswered: 0,
          downvotes: 2,
          closest: [{ file: 'ops/deploys.md', times: 1 }],
          lastAt: new Date(NOW - 4 * DAY),
        },
        {
          question: 'is the EKS control plane free?',
          variants: [],
          count: 1,
          unanswered: 0,
          downvotes: 1,
          closest: [{ file: 'aws.md', times: 1 }],
          lastAt: new Date(NOW - 7 * DAY),
        },
      ]);
    });

    it('honours --since and the limit', async () => {
      expect((await gapsReport(store.sql, { since: NOW - 50 * DAY })).map((gap) => gap.question)).toContain('where is the vpn config?');
      expect((await gapsReport(store.sql, { since: NOW - 30 * DAY, limit: 1 })).map((gap) => gap.question)).toEqual(['how do i rotate the db password']);
      expect((await gapsReport(store.sql, { since: NOW }))).toEqual([]);
    });

    it('renders text and JSON', async () => {
      const gaps = (await gapsReport(store.sql, { since: SINCE }));
      const text = renderGapsText(gaps, SINCE);
      expect(text).toContain('Knowledge gaps since 2026-03-01: 3 questions');
      expect(text).toContain('1. how do i rotate the db password\n   4 times: 4 unanswered · last 2026-03-30');
      expect(text).toContain('also asked as: "rotating db passwords", "db password rotation"');
      expect(text).toContain('2 👎');
      expect(renderGapsText([], SINCE)).toMatch(/^No knowledge gaps since 2026-03-01/);
      const json = JSON.parse(JSON.stringify(gapsJson(gaps, SINCE))) as { since: string; gaps: { lastAt: string }[] };
      expect(json.since).toBe('2026-03-01T12:00:00.000Z');
      expect(json.gaps[0]?.lastAt).toBe('2026-03-30T12:00:00.000Z');
    });
  });

  describe('statsReport', async () => {
    it('counts questions per day and surface, the answered share, votes, and cited and uncited notes', async () => {
      const stats = (await statsReport(store.sql, { since: SINCE, notes: ['ops/db.md', 'ops/deploys.md', 'team/onboarding.md', 'unused.md'] }));
      expect(stats).toMatchObject({ questions: 7, answered: 3, answeredShare: 3 / 7, votes: { up: 1, down: 3, upShare: 0.25 } });
      expect(stats.perDay).toEqual([
        { day: '2026-03-25', questions: 1, answered: 1 },
        { day: '2026-03-26', questions: 2, answered: 2 },
        { day: '2026-03-27', questions: 1, answered: 0 },
        { day: '2026-03-28', questions: 1, answered: 0 },
        { day: '2026-03-29', questions: 1, answered: 0 },
        { day: '2026-03-30', questions: 1, answered: 0 },
      ]);
      expect(stats.perSurface).toEqual([
        { platform: 'slack', surface: 'slash', questions: 6, answered: 2 },
        { platform: 'discord', surface: 'mention', questions: 1, answered: 1 },
      ]);
      expect(stats.mostCited).toEqual([
        { file: 'ops/deploys.md', times: 3 },
        { file: 'team/onboarding.md', times: 1 },
      ]);
      // Closest notes of unanswered questions were not cited.
      expect(stats.neverCited).toEqual(['ops/db.md', 'unused.md']);
    });

    it('handles an empty window and renders text and JSON', async () => {
      const empty = (await statsReport(store.sql, { since: NOW }));
      expect(empty).toMatchObject({ questions: 0, answered: 0, answeredShare: null, votes: { up: 0, down: 0, upShare: null }, neverCited: null });
      const text = renderStatsText((await statsReport(store.sql, { since: SINCE, notes: ['unused.md'] })));
      expect(text).toContain('Questions: 7, answered 3 (43%)');
      expect(text).toContain('Votes: 👍 1 · 👎 3 (25% helpful)');
      expect(text).toMatch(/Never cited \(1\):\n {2}unused\.md/);
      expect(statsJson(empty).since).toBe('2026-03-31T12:00:00.000Z');
    });
  });
});

describe('parseSince', () => {
  it.each([
    ['30d', 30 * DAY],
    ['12h', 12 * 60 * 60 * 1000],
    ['2w', 14 * DAY],
    ['7D', 7 * DAY],
  ])('%s', (text, ms) => expect(parseSince(text)).toBe(ms));

  it.each(['', '0d', '30', 'd', '3m', '1.5d', '-2d', '30 days'])('rejects %j', (text) => expect(parseSince(text)).toBeUndefined());
});
