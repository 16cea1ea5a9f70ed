import { describe, expect, it } from 'vitest';
import { countsOneOf } from '../../src/answer/counts-asked.js';
import { openLore } from '../../src/engine.js';
import { tempFolders } from '../rerank/temp-folders.js';

const notesFolder = tempFolders('lore-counts-');

describe('what counts a word the question names', () => {
  const asked = new Set(['credit', 'hour', 'channel']);

  it('is a number a few words before one of them, in the same clause', () => {
    expect(countsOneOf('You can have up to 24 credit hours banked.', asked)).toBe(true);
    expect(countsOneOf('TTS has over 1,000 channels in its workspace.', asked)).toBe(true);
    expect(countsOneOf('three active channels', asked)).toBe(true);
  });

  it('is not a number beside other words, a count in words, or a number across a sentence break', () => {
    expect(countsOneOf('Credit hours roll over from one pay period to the next, and credit hours never expire.', asked)).toBe(false);
    expect(countsOneOf('Under the workspace are multiple channels.', asked)).toBe(false);
    expect(countsOneOf('Follow step 3. Credit hours are approved later.', asked)).toBe(false);
    expect(countsOneOf('Run it on EC2 hosts with k8s 1.29.3 channels', asked)).toBe(false);
  });
});

describe('a count of what is asked, in another piece of the section that ranked', () => {
  const notes = {
    'extra-hours.md': [
      '# Working extra hours',
      '',
      '## Credit hours',
      '',
      'People on a flexible schedule can choose to work beyond their schedule when a deadline or a launch needs it. Ask your supervisor first, in writing, and say what the extra time is for and how long you expect it to last. Log the extra time in the timekeeping tool once it is approved, with a short note on what it was for, so that the team lead can see where the project\'s time went when the quarter is reviewed and the next plan is made.',
      '',
      'You can have up to 24 credit hours banked at any given time, and your supervisor sees the running balance in the timekeeping tool at the end of every week. Use them like leave: book them in the tool a day ahead, tell your team in the channel, and put the time on the shared calendar. When you change teams, the balance moves with you, and your new supervisor approves the next ones. Nobody is asked to earn them: they are for work you choose to do, and overtime is for work you are asked to do. If a balance looks wrong, raise it with the timekeeper before the pay period closes.',
      '',
      'Credit hours roll over from one pay period to the next, and credit hours never expire.',
      '',
      '## Overtime',
      '',
      'Overtime is paid for extra hours your supervisor asks you to work, at the rate set by your grade.',
      '',
    ].join('\n'),
  };

  it('is quoted where the piece that ranked states a number of something else', async () => {
    const lore = await openLore({ knowledgeDir: await notesFolder(notes) });
    const question = 'how many credit hours can i have';
    // The short closing line holds the question's words in few words, and ranks first; its "one" counts pay periods.
    expect(lore.search(question, 1)[0]?.chunk.startLine).toBe(9);
    const answer = lore.answer(question);
    expect(answer.found).toBe(true);
    expect(answer.text).toContain('up to 24 credit hours');
    expect(answer.citations[0]).toMatchObject({ file: 'extra-hours.md', startLine: 7, endLine: 7 });
  });

  it('is not looked for where the piece that ranked counts it already', async () => {
    const lore = await openLore({ knowledgeDir: await notesFolder(notes) });
    const answer = lore.answer('how many pay periods do credit hours roll over');
    expect(answer.text).toContain('one pay period');
  });
});
