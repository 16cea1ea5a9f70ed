import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer-question.js';
import { indexNotes } from '../../src/knowledge/build.js';

const faq = [
  '# Alerts FAQ',
  '',
  '## Sending alerts',
  '',
  'Yes, through the notifier service.',
  '',
  'It routes by team label and retries for an hour.',
  '',
  'Alerts for the billing team go to the payments pager as well as to chat.',
  '',
].join('\n');

const { index } = indexNotes([
  { file: 'alerts.md', text: faq },
  { file: 'billing.md', text: '# Billing\n\n## Invoices\n\nInvoices are generated on the first day of the month.\n' },
]);

describe('the quote for a yes/no question', () => {
  it('starts at the "Yes" that opens the section, through the lines that match', () => {
    const answer = answerQuestion(index, 'can billing team alerts go to the pager?');
    expect(answer.found).toBe(true);
    expect(answer.quote[0]).toBe('Yes, through the notifier service.');
    expect(answer.quote.at(-1)).toContain('payments pager');
    expect(answer.citations[0]).toMatchObject({ file: 'alerts.md', startLine: 5, endLine: 9 });
  });

  it('is the matching lines alone for a question that is not yes/no', () => {
    const answer = answerQuestion(index, 'where do billing team alerts go?');
    expect(answer.found).toBe(true);
    expect(answer.quote[0]).not.toContain('Yes');
    expect(answer.quote.join('\n')).toContain('payments pager');
  });
});
