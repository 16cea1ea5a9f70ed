import { describe, expect, it } from 'vitest';
import { openLore } from '../../src/engine.js';
import { asksForShare, holdsShare } from '../../src/search/shares-asked.js';
import { tempFolders } from '../rerank/temp-folders.js';

const notesFolder = tempFolders('lore-shares-');

describe('a share asked for by name', () => {
  it('is asked by "percentage" or "percent", not by how to change one', () => {
    expect(asksForShare("what's the initial rollout percentage")).toBe(true);
    expect(asksForShare('canary traffic percent')).toBe(true);
    expect(asksForShare('how do I raise the rollout percentage')).toBe(false);
    expect(asksForShare('what is the rollout plan')).toBe(false);
  });

  it('is stated by a figure with its sign or in words', () => {
    expect(holdsShare('starting at 10% rollout')).toBe(true);
    expect(holdsShare('five per cent of users')).toBe(true);
    expect(holdsShare('roll out features to a percentage of users')).toBe(false);
  });

  it('is answered by the line that gives it, not by the line that says "percentage"', async () => {
    const rfc = `# RFC 012: Feature flags

## Motivation

Product wants to roll out features to a percentage of users.

## Alternatives considered

A table in Postgres. We would own percentage rollouts ourselves.
`;
    const release = `# Release process

## Steps

1. Cut a branch from main.
2. Upload to the beta track.
3. Promote to production with \`fastlane release\`, starting at 10% rollout.
`;
    const lore = await openLore({ knowledgeDir: await notesFolder({ 'rfc.md': rfc, 'release.md': release }) });
    const answer = lore.answer("what's the initial rollout percentage");
    expect(answer.found).toBe(true);
    expect(answer.text).toContain('starting at 10% rollout');
  });
});
