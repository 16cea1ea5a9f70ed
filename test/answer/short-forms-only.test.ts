import { describe, expect, it } from 'vitest';
import { openLore } from '../../src/engine.js';
import { tempFolders } from '../rerank/temp-folders.js';

const notesFolder = tempFolders('lore-weekdays-');

const STANDUP = `Standup notes - week 41

Mon: Ana on PTO. Deploy freeze lifted at noon.
Tue: Billing migration done in staging.
Wed: Search reindex took 6 hours; Bram to look at batching.
Thu: Prod billing migration done, 14 minutes of read-only mode.
`;

describe('a long form the notes write only short', () => {
  it('meets "Mon:" for "monday" and "thursday" for "Thu:"', async () => {
    const lore = await openLore({ knowledgeDir: await notesFolder({ 'standup.txt': STANDUP, 'other.md': '# Deploys\n\nWe deploy on weekdays before 16:00.\n' }) });
    const monday = lore.answer('what did ana do on monday');
    expect(monday.found).toBe(true);
    expect(monday.quote).toEqual(['Mon: Ana on PTO. Deploy freeze lifted at noon.']);
    const thursday = lore.answer('what happened in prod on thursday');
    expect(thursday.found).toBe(true);
    expect(thursday.quote).toEqual(['Thu: Prod billing migration done, 14 minutes of read-only mode.']);
  });

  it('meets "k8s" for "kubernetes" where the notes never write it out', async () => {
    const lore = await openLore({ knowledgeDir: await notesFolder({ 'clusters.md': '# Clusters\n\nWe run k8s 1.30 on EKS in eu-west-1.\n', 'other.md': STANDUP }) });
    const answer = lore.answer('which kubernetes version do we run');
    expect(answer.found).toBe(true);
    expect(answer.text).toContain('k8s 1.30');
  });
});
