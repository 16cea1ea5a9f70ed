import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/search/query.js';
import { search } from '../../src/search/search.js';
import { LARGE_NOTES_SECTIONS } from '../../src/search/notes-size.js';
import { rowAnswers } from '../../src/search/table-records.js';
import { firstFile, indexOf } from './notes-index.js';

describe('search ranking', () => {
  describe('a table of records', () => {
    const rows = ['payments-api | Payments Core | #team-payments', 'ledger-service | Ledger | #team-ledger', 'invoice-worker | Billing | #team-billing', 'notifications | Growth | #team-growth', 'auth-gateway | Platform | #team-platform'];
    const notes = {
      'catalogue.md': ['# Services', '', '| Service | Owner team | Slack channel |', '|---|---|---|', ...rows.map((row) => `| ${row} |`)].join('\n'),
      'incidents.md': '# Declaring\n\nType `/incident declare` in any Slack channel; billing questions go to the bot.',
    };

    it('puts first the table whose one row, with the header, holds every word of the question', () => {
      expect(firstFile(notes, 'slack channel for the billing team?')).toBe('catalogue.md');
      expect(search(indexOf(notes), 'slack channel for the billing team?', { ranking: { recordBoost: 1 } }).hits[0]?.chunk.file).toBe('incidents.md');
    });

    it('holds the whole question, a header agent noun standing for its verb ("Owner" for "owns")', () => {
      const clusters = {
        'clusters.md': '# Clusters\n\n| Cluster | Purpose | Owner |\n|---|---|---|\n| prd-fra-1 | production | Ruairi Fenwick |\n| ci-fra-1 | CI runner pods | Bartek Lindqvist |\n',
        'onboarding.md': '# Onboarding\n\n- Week 1: read the page on who owns what.\n',
      };
      const best = search(indexOf(clusters), 'who owns the ci cluster').hits[0];
      expect(best?.chunk.file).toBe('clusters.md');
      expect(best?.askedCoverage).toBe(1);
    });

    it('is left out in notes of 1,000 sections or more, where tables are as often reference matrices', () => {
      const filler = Array.from({ length: LARGE_NOTES_SECTIONS }, (_, i) => [`filler-${i}.md`, `# Widget ${i}\n\nwidget${i} ships as chart${i}.`]);
      const index = indexOf({ ...notes, ...Object.fromEntries(filler) });
      expect(index.unitCount).toBeGreaterThanOrEqual(LARGE_NOTES_SECTIONS);
      const scores = (recordBoost: number) => search(index, 'slack channel for the billing team?', { ranking: { recordBoost } }).hits.map((hit) => hit.score);
      expect(scores(1.75)).toEqual(scores(1));
    });

    it('takes the row a follow-up names, under the header the question before it asked for', () => {
      const pensions = {
        'benefits.md': '# Benefits by country\n\n| Country | Pension (employer) | Health |\n|---|---|---|\n| UK | 5% of salary | Bupa |\n| NL | 8% of salary | Zilveren Kruis |\n| DE | 4% of salary | TK |\n',
        'planning.md': '# H2 planning\n\n- NL office opens in March.\n- Review the NL budget.\n',
      };
      const index = indexOf(pensions);
      const table = index.chunks.find((chunk) => chunk.file === 'benefits.md');
      const previousQuestion = 'how much does the company put into my pension in the UK?';
      expect(table && rowAnswers(table, analyzeQuery(index, 'and in NL?', previousQuestion).groups)).toBe(true);
      // Asked on its own, "NL" names a row but asks nothing of it.
      expect(table && rowAnswers(table, analyzeQuery(index, 'and in NL?').groups)).toBe(false);
      // A row that lacks the word asked now is no record of it, whatever the header holds.
      expect(table && rowAnswers(table, analyzeQuery(index, 'and in FR?', previousQuestion).groups)).toBe(false);
      expect(search(index, 'and in NL?', { previousQuestion }).hits[0]?.chunk.file).toBe('benefits.md');
    });

    it('takes a row keyed by the name under a "Definition" column for the record "what is X" asks for', () => {
      const levels = ['SEV1 | Full outage of a Tier 1 service, or money is moving incorrectly | 5 minutes', 'SEV2 | Major degradation of a Tier 1 service, or full outage of Tier 2 | 15 minutes', 'SEV3 | Partial degradation, workaround exists | 1 business hour'];
      const guide = {
        'severity.md': ['# Severity levels', '', '| Level | Definition | Ack within |', '|---|---|---|', ...levels.map((row) => `| ${row} |`)].join('\n'),
        'comms.md': '# Communication\n\n- **SEV2:** status page update only if merchants are visibly affected.',
      };
      expect(firstFile(guide, 'what is a sev2')).toBe('severity.md');
      expect(firstFile(guide, 'what does sev2 mean')).toBe('severity.md');
      expect(search(indexOf(guide), 'what is a sev2', { ranking: { recordBoost: 1 } }).hits[0]?.chunk.file).toBe('comms.md');
      const renamed = { ...guide, 'severity.md': (guide['severity.md'] as string).replace('Definition', 'Examples') };
      expect(firstFile(renamed, 'what is a sev2')).toBe('comms.md');
    });

    it('reads a row with the heading its table stands under, which names what the rows are', () => {
      const centres = ['CC100 | Finance | Odalys Penhaligon', 'CC400 | R&D | Suvi Nakamura-Holt', 'CC600 | IT | Konrad Pyle'];
      const table = ['| Code | Department | Owner |', '|---|---|---|', ...centres.map((row) => `| ${row} |`)].join('\n');
      const notes = {
        'reference.md': `# Finance reference\n\n## Cost centres\n\n${table}\n`,
        'kickoff.md': '# Budget kick-off\n\n- one template per cost centre; owners get an email with the link\n  - cost centre owners who have never used the tool get a training, owner Cosmo\n',
      };
      const index = indexOf(notes);
      const chunk = index.chunks.find((c) => c.text.includes('CC400'));
      expect(chunk && rowAnswers(chunk, analyzeQuery(index, 'whos the cost centre owner for R&D').groups)).toBe(true);
      expect(firstFile(notes, 'whos the cost centre owner for R&D')).toBe('reference.md');
      // Under a heading that names something else, the row does not hold "cost centre".
      const renamed = { ...notes, 'reference.md': (notes['reference.md'] as string).replace('## Cost centres', '## Departments') };
      const other = indexOf(renamed).chunks.find((c) => c.text.includes('CC400'));
      expect(other && rowAnswers(other, analyzeQuery(indexOf(renamed), 'whos the cost centre owner for R&D').groups)).toBe(false);
    });

    it('wants the header to name something asked that the row does not say itself', () => {
      const levels = {
        'severity.md': '| Level | Who gets paged |\n|---|---|\n| SEV3 | Owning team\'s channel, no page at night |\n| SEV4 | Jira ticket only |',
      };
      const index = indexOf(levels);
      const table = index.chunks.find((chunk) => chunk.text.includes('|'));
      const groups = (question: string) => analyzeQuery(index, question).groups;
      expect(table && rowAnswers(table, groups('how much do we get per night page'))).toBe(false);
      expect(table && rowAnswers(table, groups('who gets paged for a sev4'))).toBe(true);
    });

    it('does not count words found in different rows', () => {
      const index = indexOf(notes);
      const table = index.chunks.find((chunk) => chunk.file === 'catalogue.md' && chunk.text.includes('|'));
      const groups = (question: string) => analyzeQuery(index, question).groups;
      expect(table && rowAnswers(table, groups('slack channel for the billing team'))).toBe(true);
      expect(table && rowAnswers(table, groups('billing growth channel'))).toBe(false);
      expect(table && rowAnswers(table, groups('billing'))).toBe(false);
      expect(table && rowAnswers(table, groups('payments core'))).toBe(false);
    });

    it('reads a header\'s agent noun as its verb: "Owner team" answers "who owns"', () => {
      expect(firstFile(notes, 'who owns invoice-worker')).toBe('catalogue.md');
      const index = indexOf(notes);
      const table = index.chunks.find((chunk) => chunk.file === 'catalogue.md' && chunk.text.includes('|'));
      expect(table && rowAnswers(table, analyzeQuery(index, 'who owns invoice-worker').groups)).toBe(true);
    });
  });
});
