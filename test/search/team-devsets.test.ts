import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { missesShown, readNotesDevSet, scoreNotesDevSet } from '../../bench/notes-devset.js';
import { openLore } from '../../src/engine.js';

const DEVSETS = fileURLToPath(new URL('../../bench/devsets/', import.meta.url));

/**
 * The team folders' sets (made up, and two real teams' notes), each held at what it reaches: the first citation on
 * the answering lines, and an honest "I couldn't find" for the questions the notes do not answer. `npm run eval`
 * lists the misses.
 */
const SETS = [
  { folder: 'team-ml', file: 'devset.json', hits: 42, honest: 7 },
  { folder: 'team-ml', file: 'devset-fresh.json', hits: 25, honest: 3 },
  { folder: 'team-payments', file: 'devset.json', hits: 45, honest: 8 },
  { folder: 'team-payments', file: 'devset-fresh.json', hits: 28, honest: 7 },
  { folder: 'team-mobile', file: 'devset.json', hits: 34, honest: 5 },
  { folder: 'team-security', file: 'devset.json', hits: 27, honest: 6 },
  { folder: 'team-security', file: 'devset-fresh.json', hits: 25, honest: 3 },
  { folder: 'team-data', file: 'devset.json', hits: 31, honest: 6 },
  { folder: 'team-data', file: 'devset-fresh.json', hits: 24, honest: 3 },
  { folder: 'team-web', file: 'devset.json', hits: 29, honest: 6 },
  { folder: 'team-ops', file: 'devset.json', hits: 24, honest: 7 },
  { folder: 'team-ops', file: 'devset-fresh.json', hits: 29, honest: 4 },
  { folder: 'team-infra', file: 'devset.json', hits: 29, honest: 7 },
  { folder: 'team-infra', file: 'devset-fresh.json', hits: 24, honest: 4 },
  { folder: 'team-people', file: 'devset.json', hits: 26, honest: 2 },
  { folder: 'team-finance', file: 'devset.json', hits: 25, honest: 6 },
  { folder: 'team-finance', file: 'devset-fresh.json', hits: 23, honest: 1 },
  // Honest on 7 since a long question needs a smaller share of its words held: "what's the default max message size a
  // kafka broker accepts?" (seven words) now takes a line with another limit's default.
  { folder: 'study-notes', file: 'devset.json', hits: 41, honest: 7 },
  { folder: 'study-notes', file: 'devset-second.json', hits: 38, honest: 11 },
  { folder: 'handbook-18f', file: 'devset.json', hits: 33, honest: 12 },
  { folder: 'handbook-18f', file: 'devset-fresh.json', hits: 14, honest: 6 },
  { folder: 'handbook-18f', file: 'devset-fresh2.json', hits: 15, honest: 6 },
  { folder: 'handbook-18f', file: 'devset-fresh3.json', hits: 14, honest: 4 },
  { folder: 'govuk-manual', file: 'devset.json', hits: 24, honest: 11 },
  { folder: 'govuk-manual', file: 'devset-fresh.json', hits: 11, honest: 5 },
  { folder: 'govuk-manual', file: 'devset-fresh2.json', hits: 7, honest: 7 },
  { folder: 'govuk-manual', file: 'devset-fresh3.json', hits: 16, honest: 6 },
  { folder: 'sourcegraph-handbook', file: 'devset.json', hits: 30, honest: 9 },
  { folder: 'sourcegraph-handbook', file: 'devset-fresh.json', hits: 10, honest: 5 },
  { folder: 'sourcegraph-handbook', file: 'devset-fresh2.json', hits: 11, honest: 7 },
  { folder: 'sourcegraph-handbook', file: 'devset-fresh3.json', hits: 8, honest: 7 },
  { folder: 'cloud-platform-guide', file: 'devset.json', hits: 14, honest: 10 },
  { folder: 'gds-way', file: 'devset.json', hits: 30, honest: 10 },
  // Held out: their misses are kept out of view (`heldOut`).
  // Honest on 4 since working and business days read as lengths of time: a question it does not answer now finds
  // one in a passage about something else (counted, not read).
  { folder: 'team-support', file: 'devset.json', hits: 35, honest: 4 },
  // Honest on 6 since a long question needs a smaller share of its words held (counted, not read).
  { folder: 'study-notes', file: 'devset-fresh.json', hits: 35, honest: 6 },
  { folder: 'team-platform', file: 'devset.json', hits: 31, honest: 5 },
] as const;

describe.each(SETS)('$folder $file', ({ folder, file, hits, honest }) => {
  it(`answers at least ${hits} right and is honest on at least ${honest}`, async () => {
    const lore = await openLore({ knowledgeDir: `${DEVSETS}${folder}/knowledge` });
    const devset = readNotesDevSet(`${DEVSETS}${folder}/${file}`);
    const score = scoreNotesDevSet(devset, (q) => lore.answer(q));
    expect(score.hits, `misses:\n${missesShown(devset, score.misses)}`).toBeGreaterThanOrEqual(hits);
    expect(score.honest, `answered anyway: ${missesShown(devset, score.answeredAnyway)}`).toBeGreaterThanOrEqual(honest);
  });
});
