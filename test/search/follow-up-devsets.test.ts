import { beforeAll, describe, expect, it } from 'vitest';
import { readConversations, scoreConversations, type ConversationScore } from '../../bench/follow-up-devset.js';
import { followUpFolders, READINGS } from '../../bench/follow-up-readings.js';
import { Lore } from '../../src/engine.js';

/**
 * The follow-up conversations (`npm run eval:follow-ups` prints them by folder and half), each reading held at what
 * it reaches over every folder: the last turn answered on the right lines, and honest where the notes do not answer.
 */
const FLOORS = {
  pairs: { right: 66, honest: 20 },
  chains: { right: 28, honest: 13 },
};

const totals = new Map<string, ConversationScore>();

beforeAll(async () => {
  for (const folder of followUpFolders()) {
    const lore = await Lore.open({ knowledgeDir: folder.knowledgeDir });
    for (const { kind, path } of folder.files) {
      const conversations = readConversations(path);
      for (const { name, read } of READINGS) {
        const score = scoreConversations(conversations, read(lore));
        const key = `${kind}|${name}`;
        const total = totals.get(key) ?? { answerable: 0, right: 0, unanswerable: 0, honest: 0 };
        totals.set(key, { answerable: total.answerable + score.answerable, right: total.right + score.right, unanswerable: total.unanswerable + score.unanswerable, honest: total.honest + score.honest });
      }
    }
  }
}, 60_000);

const scoreOf = (kind: string, reading: string): ConversationScore => {
  const score = totals.get(`${kind}|${reading}`);
  if (!score) throw new Error(`no ${kind} read as ${reading}`);
  return score;
};

describe('follow-up conversations', () => {
  it.each(Object.entries(FLOORS))('%s: answers at least as many right and honest as the floor', (kind, floor) => {
    const score = scoreOf(kind, 'lore');
    expect(score.right).toBeGreaterThanOrEqual(floor.right);
    expect(score.honest).toBeGreaterThanOrEqual(floor.honest);
  });

  it('answers a follow-up better with the question before it than alone', () => {
    expect(scoreOf('pairs', 'lore').right).toBeGreaterThan(scoreOf('pairs', 'last turn alone').right);
  });

  it('answers a second follow-up better with the whole conversation than with the turn before it only', () => {
    expect(scoreOf('chains', 'lore').right).toBeGreaterThan(scoreOf('chains', 'turn before only').right);
    expect(scoreOf('chains', 'lore').honest).toBeGreaterThanOrEqual(scoreOf('chains', 'turn before only').honest);
  });
});
