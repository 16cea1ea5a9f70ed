import { describe, expect, it } from 'vitest';
import { openLore } from '../../src/engine.js';
import { tempFolders } from '../rerank/temp-folders.js';

const notesFolder = tempFolders('lore-under-table-');

const HOLIDAYS = `# Office holidays 2026

| Date | Holiday | Offices closed |
|---|---|---|
| 2026-01-01 | New Year's Day | all |
| 2026-05-01 | Labour Day | Berlin |
| 2026-12-25 | Christmas Day | all |

Everyone also gets 28 days of paid leave a year.
`;

const RUNBOOK = `# Database failover

## After the failover

- Write a postmortem within 5 working days
`;

const TRAVEL = `# Travel policy

Book all flights and hotels through TravelPerk. Economy class is the default; flights longer than 6 hours may be booked in premium economy.

Hotels should cost at most €180 per night. Per diem for meals is €45 per day within the EU and €60 outside it.
`;

const GLOSSARY = `# Glossary

**Canary** — a release served to 5% of traffic for 30 minutes before full rollout.

**DLQ** — dead-letter queue. Messages that fail 5 times land here and are kept for 14 days.

**Toil** — manual, repetitive operational work. We cap it at 30% of an on-call week.
`;

const NOTES = { 'holidays.md': HOLIDAYS, 'runbook.md': RUNBOOK, 'travel.md': TRAVEL, 'glossary.md': GLOSSARY };

describe('a figure stated under a table', () => {
  it('answers "how many … days" with the line that counts days, not the rows whose dates only share the word "day"', async () => {
    const lore = await openLore({ knowledgeDir: await notesFolder(NOTES) });
    const answer = lore.answer('how many days do we get');
    expect(answer.found).toBe(true);
    expect(answer.quote).toEqual(['Everyone also gets 28 days of paid leave a year.']);
    expect(answer.citations[0]?.file).toBe('holidays.md');
  });

  it('still quotes the rows where a row states the figure asked', async () => {
    const lore = await openLore({ knowledgeDir: await notesFolder(NOTES) });
    const answer = lore.answer('when is labour day');
    expect(answer.quote).toContain('| 2026-05-01 | Labour Day | Berlin |');
  });
});

describe('a day named in a list of days', () => {
  it('answers for the first day of "the 24th and 31st of December"', async () => {
    const lore = await openLore({ knowledgeDir: await notesFolder({ ...NOTES, 'leave.md': '# Leave\n\nEveryone gets 28 days of paid leave a year, plus the 24th and 31st of December off.\n' }) });
    const answer = lore.answer('do i get the 24th of december off');
    expect(answer.found).toBe(true);
    expect(answer.citations[0]?.file).toBe('leave.md');
  });
});
