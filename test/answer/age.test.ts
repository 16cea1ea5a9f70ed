import { describe, expect, it } from 'vitest';
import { renderEmbed, renderPlainText } from '../../src/adapters/discord/render.js';
import { renderAnswer } from '../../src/adapters/slack/render.js';
import { staleNotice, updatedAgo } from '../../src/answer/age.js';
import { voteSubject } from '../../src/chat/votes.js';
import { renderText } from '../../src/render/text.js';
import type { Answer, Citation } from '../../src/types.js';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-06-01T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW - days * DAY).toISOString();

describe('the age of cited lines', () => {
  it.each([
    [0.2, 'updated today'],
    [1, 'updated 1 day ago'],
    [6, 'updated 6 days ago'],
    [20, 'updated 2 weeks ago'],
    [95, 'updated 3 months ago'],
    [400, 'updated 1 year ago'],
    [1000, 'updated 2 years ago'],
  ])('%s days ago reads "%s"', (days, expected) => {
    expect(updatedAgo({ changed: daysAgo(days) }, NOW)).toBe(expected);
  });

  it('is not shown for undated lines', () => {
    expect(updatedAgo({}, NOW)).toBeUndefined();
    expect(updatedAgo({ changed: 'not a date' }, NOW)).toBeUndefined();
  });

  it('adds a gentle note only when the best citation is stale', () => {
    const answer = (stale: boolean) => ({ found: true, citations: [{ ...citation(), changed: daysAgo(800), stale }] });
    expect(staleNotice(answer(true), NOW)).toBe('These lines were last changed 2 years ago, so they may be out of date: worth a check with whoever owns the note.');
    expect(staleNotice(answer(false), NOW)).toBeUndefined();
    expect(staleNotice({ found: false, citations: answer(true).citations }, NOW)).toBeUndefined();
  });
});

function citation(extra: Partial<Citation> = {}): Citation {
  return { file: 'deploy.md', startLine: 3, endLine: 5, section: 'Deploy', snippet: 'Run make ship.', score: 2, ...extra };
}

function found(best: Partial<Citation>): Answer {
  return { question: 'how to deploy?', found: true, text: 'Run make ship.', quote: ['Run make ship.'], highlights: [], citations: [citation(best)], lookedFor: ['deploy'] };
}

describe('renderers show the age beside the citation and the note when stale', () => {
  const dated = found({ changed: new Date(Date.now() - 100 * DAY).toISOString() });
  const stale = found({ changed: new Date(Date.now() - 800 * DAY).toISOString(), stale: true });
  const note = /last changed 2 years ago, so they may be out of date/;

  it('in the terminal', () => {
    expect(renderText(dated)).toContain('Source: deploy.md › Deploy · L3–5 · updated 3 months ago');
    expect(renderText(dated)).not.toMatch(note);
    expect(renderText(stale)).toMatch(note);
    expect(renderText(found({}))).toContain('Source: deploy.md › Deploy · L3–5\n'.trimEnd());
    expect(renderText(found({}))).not.toContain('updated');
  });

  it('in Slack', () => {
    const shown = (answer: Answer) => JSON.stringify(renderAnswer({ id: 'id', reply: { kind: 'answer', visibility: 'public', answer, examples: [], share: false, vote: voteSubject(answer) }, echoQuestion: false, votes: new Map() }).blocks);
    expect(shown(dated)).toContain('_(updated 3 months ago)_');
    expect(shown(dated)).not.toMatch(note);
    expect(shown(stale)).toMatch(note);
  });

  it('in Discord', () => {
    expect(renderEmbed(dated).footer?.text).toContain("From your team's notes (updated 3 months ago)");
    expect(renderEmbed(stale).footer?.text).toMatch(note);
    expect(renderPlainText(stale)).toMatch(/\*\(updated 2 years ago\)\*/);
    expect(renderPlainText(stale)).toMatch(note);
    // The other notes say their age too, as in Slack and the terminal.
    const seeAlso: Answer = { ...found({}), citations: [citation(), citation({ file: 'older.md', changed: new Date(Date.now() - 100 * DAY).toISOString() })] };
    expect(renderEmbed(seeAlso).fields?.[0]?.value).toBe('older.md › Deploy · L3–5 *(updated 3 months ago)*');
    expect(renderPlainText(seeAlso)).toContain('See also: older.md › Deploy · L3–5 *(updated 3 months ago)*');
  });
});
