import { describe, expect, it } from 'vitest';
import { openLore } from '../../src/engine.js';
import { indexNotes } from '../../src/knowledge/build.js';
import { headingsIn, namesHeading } from '../../src/search/asked-headings.js';
import { analyzeQuery } from '../../src/search/query.js';
import { tempFolders } from '../rerank/temp-folders.js';

const notesFolder = tempFolders('lore-headings-');

const images = [
  '# ECS hosts',
  '',
  "You **don't have to install Docker or the ECS agent** yourself if you use the **ECS-optimized AMIs**.",
  '',
  '## 1️⃣ ECS-Optimized AMI',
  '',
  '* Amazon provides prebuilt AMIs for ECS that come with:',
  '  * Docker installed',
  '  * the agent installed and configured',
  '',
  '## 2️⃣ Custom AMIs (optional)',
  '',
  '* Install Docker and the agent yourself.',
  '',
].join('\n');

/** Whether a question names the heading of a one-note index, as the ranking asks it (share 0.6). */
function namesIn(file: string, text: string): (question: string, heading: string) => boolean {
  const { index } = indexNotes([{ file, text }]);
  return (question, heading) => {
    const query = analyzeQuery(index, question);
    const chunk = index.chunks.find((each) => each.section.at(-1) === heading);
    expect(chunk, heading).toBeDefined();
    return namesHeading(headingsIn(index), chunk!.id, query, query.groups.reduce((sum, group) => sum + group.importance, 0), 0.6);
  };
}

describe('a question that names a heading', () => {
  const { index } = indexNotes([{ file: 'hosts.md', text: images }]);
  const under = (heading: string) => index.chunks.find((chunk) => chunk.section.at(-1) === heading);
  const names = (question: string, heading: string) => {
    const query = analyzeQuery(index, question);
    const total = query.groups.reduce((sum, group) => sum + group.importance, 0);
    const chunk = under(heading);
    expect(chunk, heading).toBeDefined();
    return namesHeading(headingsIn(index), chunk!.id, query, total, 0.6);
  };

  it.each([
    ['ecs optimized ami contents', true],
    ['whats baked into the ecs-optimized ami', true],
    // A word of the heading the question lacks: "optimized".
    ['ecs ami contents', false],
    // The heading's words, but little of the question: "docker" and "agent" weigh more here.
    ['does the ecs optimized ami have docker and the agent installed by default', false],
  ])('%j names "1️⃣ ECS-Optimized AMI": %s', (question, expected) => {
    expect(names(question, '1️⃣ ECS-Optimized AMI')).toBe(expected);
  });

  it('reads every word of the heading but its numbering, "(optional)" included', () => {
    expect(names('custom amis', '2️⃣ Custom AMIs (optional)')).toBe(false);
    expect(names('custom amis optional', '2️⃣ Custom AMIs (optional)')).toBe(true);
  });

  it('keeps a number that is no numbering: a year names its goals', () => {
    const asks = namesIn('goals.md', '# Team\n\n## 2024 goals\n\n- Ship the new billing flow.\n\n## 2. Hiring\n\n- Two backend engineers.\n');
    expect(asks('team goals', '2024 goals')).toBe(false);
    expect(asks('2024 goals', '2024 goals')).toBe(true);
    expect(asks('who are we hiring', '2. Hiring')).toBe(true);
  });

  it('is answered from under that heading, not from a line elsewhere with the same words', async () => {
    const lore = await openLore({ knowledgeDir: await notesFolder({ 'hosts.md': images }) });
    const answer = lore.answer('ecs optimized ami contents');
    expect(answer.found).toBe(true);
    expect(answer.quote.join('\n')).toContain('come with');
    expect(answer.citations[0]?.section).toContain('ECS-Optimized AMI');
  });

  it('leaves a question of when to the line that says when', async () => {
    const release = '# Release train\n\nThe branch is cut every Tuesday at 10:00 UTC.\n\n## 1. Cut the branch\n\n- Run `make cut` from main.\n- Post the new branch in #releases.\n';
    const lore = await openLore({ knowledgeDir: await notesFolder({ 'release.md': release }) });
    const answer = lore.answer("when's the branch cut");
    expect(answer.found).toBe(true);
    expect(answer.quote.join('\n')).toContain('Tuesday at 10:00');
  });

  describe('under one title over every section, as a runbook writes its steps', () => {
    const runbook = [
      '# Postgres upgrade',
      '',
      '## 1. Prepare',
      '',
      'Take a snapshot of the database volume and tell #oncall before you start. Check that the replicas are in sync.',
      '',
      '## 2. Upgrade',
      '',
      'Stop the app writers, then run `pg_upgrade --link` against the new data directory. Start the new cluster and run `vacuumdb --analyze-in-stages`.',
      '',
      '## 3. Verify',
      '',
      'Run the smoke tests.',
      '',
    ].join('\n');

    it('reads the heading with the title above it: the question names the step and the title the rest', () => {
      const asks = namesIn('pg.md', runbook);
      expect(asks('how do i upgrade postgres', '2. Upgrade')).toBe(true);
      // The title holds the question's words, but the step's own heading is not named.
      expect(asks('how do i upgrade postgres', '3. Verify')).toBe(false);
    });

    it('quotes the step the question names, not the shortest section under the title', async () => {
      const lore = await openLore({ knowledgeDir: await notesFolder({ 'pg.md': runbook }) });
      const answer = lore.answer('how do i upgrade postgres');
      expect(answer.citations[0]?.section).toBe('Postgres upgrade › 2. Upgrade');
      expect(answer.quote.join('\n')).toContain('pg_upgrade --link');
    });
  });
});
