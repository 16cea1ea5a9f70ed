import { afterEach, describe, expect, it } from 'vitest';
import { discordDriver, slackDriver, terminalDriver, type Driver, type DriverFactory } from './drivers.js';
import { GAP, RATE_LIMIT } from './world.js';

/**
 * One conversation, the same on every surface: each scenario is written once and run on Slack over HTTP, Slack over
 * Socket Mode, Discord (real Bolt and discord.js against the fake servers) and the terminal chat. Channel rules, the
 * per-person rate limit and votes belong to chat platforms; the terminal runs the rest.
 */
const SURFACES: [string, DriverFactory][] = [
  ['Slack HTTP', slackDriver('http')],
  ['Slack Socket Mode', slackDriver('socket')],
  ['Discord', discordDriver],
  ['terminal', terminalDriver],
];

describe.each(SURFACES)('the conversation on %s', (_name, start) => {
  let driver: Driver | undefined;
  afterEach(async () => {
    await driver?.close();
    driver = undefined;
  });
  const open = async (): Promise<Driver> => (driver = await start());

  it('answers from the notes, quoting them and naming the file and lines', async () => {
    const d = await open();
    const said = await d.ask('deploy freeze on fridays?');
    expect(said?.where).toBe('public');
    expect(said?.text).toContain('after 15:00');
    expect(said?.text).toContain('deploys.md');
    expect(said?.text).toMatch(/L7(?!\d)/);
    const { asker } = d.world.asked[0]?.context ?? {};
    if (d.chat) expect(asker).toMatchObject({ surface: 'mention', userId: expect.any(String), channelId: expect.any(String), workspaceId: expect.any(String) });
    else expect(asker).toEqual({ platform: 'terminal', surface: 'terminal' });
  });

  it('says what it could not find, with the closest notes', async () => {
    const d = await open();
    const said = await d.ask('how do I bake sourdough bread?');
    expect(said?.text).toContain("I couldn't find");
    expect(said?.text).toMatch(/bake|bread/);
  });

  it.each(['', 'help', '  HELP '])('shows help with example questions for %j, and looks nothing up', async (text) => {
    const d = await open();
    // At the terminal an empty line is just Enter: it prompts again.
    if (text === '' && !d.chat) return expect((await d.ask(text))?.text).toBe('');
    const said = await d.ask(text);
    expect(said?.text).toContain('Ask me anything your team wrote down in its notes.');
    expect(said?.text).toMatch(/Freezes|Paging|Glossary|Deploys|On-call|Shell/);
    expect(d.world.asked).toEqual([]);
  });

  it('"gaps" shows the knowledge-gap report privately on chat platforms, and every surface points at lore gaps for the full list', async () => {
    const d = await open();
    const said = await d.ask('gaps');
    if (d.chat) {
      expect(said?.where).toBe('private');
      expect(said?.text).toContain('knowledge gap');
      expect(said?.text).toContain(GAP.question);
      expect(said?.text).toContain('3 times: 3 unanswered');
    }
    // Every surface points at the full list.
    expect(said?.text).toContain('lore gaps');
    expect(d.world.asked).toEqual([]);
  });

  it('reads a follow-up in a thread with the question before it, and a new question on its own', async () => {
    const d = await open();
    await d.ask('deploy freeze on fridays?', { thread: 'a' });
    const followUp = await d.ask('and during the quarter?', { thread: 'a' });
    expect(d.world.asked[1]).toMatchObject({ question: 'and during the quarter?', context: { previousQuestion: 'deploy freeze on fridays?' } });
    expect(followUp?.text).toContain('quarter');
    const fresh = await d.ask('who do I page when on call?');
    if (d.chat) expect(d.world.asked[2]?.context.previousQuestion).toBeUndefined();
    expect(fresh?.text).toContain('on-call.md');
    expect(fresh?.text).not.toContain('deploys.md');
  });

  it('stays silent in a channel the rules close, even for help, and looks nothing up', async () => {
    const d = await open();
    if (!d.chat) return expect(await d.ask('deploy freeze on fridays?')).toBeDefined();
    expect(await d.ask('deploy freeze on fridays?', { closed: true })).toBeUndefined();
    expect(await d.ask('help', { closed: true })).toBeUndefined();
    expect(d.world.asked).toEqual([]);
  });

  it(`past ${RATE_LIMIT} questions a minute says privately when to ask again, and looks nothing up`, async () => {
    const d = await open();
    for (let i = 0; i < RATE_LIMIT; i++) expect((await d.ask('deploy freeze on fridays?'))?.where).toBe('public');
    const limited = await d.ask('deploy freeze on fridays?');
    if (!d.chat) return expect(limited?.text).toContain('Fridays');
    expect(limited?.where).toBe('private');
    // The first question leaves the minute's window within the time the test has taken.
    const seconds = Number(/try again in (\d+) seconds?/.exec(limited?.text ?? '')?.[1]);
    expect(seconds).toBeGreaterThan(30);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(d.world.asked).toHaveLength(RATE_LIMIT);
  });

  it('records a vote with the answer’s question and citation, and another on the same answer after a restart', async () => {
    const d = await open();
    const said = await d.ask('deploy freeze on fridays?');
    if (!d.chat) return expect(said?.vote).toBeUndefined();
    expect(said?.vote).toBeDefined();
    // The answer is shown again with the tally, on every chat surface.
    expect(await said?.vote?.('up')).toContain('Feedback: 👍 1  ·  👎 0. Thanks!');
    await d.restart();
    // After the restart the vote is still recorded in full (below); the person who clicked is thanked.
    expect(await said?.vote?.('down')).toMatch(/Thanks/);
    // The button carries the shown answer's id; the service's store knows its question and citation after the restart.
    expect(d.world.votes).toEqual([
      expect.objectContaining({ vote: 'up', question: 'deploy freeze on fridays?', citation: 'deploys.md:7-7' }),
      expect.objectContaining({ vote: 'down', question: 'deploy freeze on fridays?', citation: 'deploys.md:7-7' }),
    ]);
  });

  it('pings nobody: broadcasts and mentions in a question or a note stay text', async () => {
    const d = await open();
    const said = await d.ask('<!channel> @everyone <@U0BOSS01> how do I page the on-call engineer?');
    expect(said?.text).toContain('on-call.md');
    expect(said?.pingsNobody).toBe(true);
    expect(said?.text).toContain('script');
  });

  it('keeps a 5,000-character question and a long quote within the platform limits, code fences closed', async () => {
    const d = await open();
    const question = `handbook glossary term meaning ${'and what about the handbook glossary term '.repeat(130)}`.slice(0, 5000);
    const long = await d.ask(question);
    expect(long?.withinLimits).toBe(true);
    expect(long?.text).toContain('Term');
    const shell = await d.ask('handbook shell step echo');
    expect(shell?.withinLimits).toBe(true);
    expect(shell?.text).toContain('handbook shell step');
    const fences = (shell?.text.match(/^(```|~~~)/gm) ?? []).length;
    expect(fences % 2).toBe(0);
  });

  it('asks about someone else\'s message privately, with Share, and Share posts it for everyone', async () => {
    const d = await open();
    if (d.askAbout === undefined) return expect(d.chat).toBe(false);
    const said = await d.askAbout('Is there a deploy freeze on Fridays?');
    expect(said.where).toBe('private');
    expect(said.text).toContain('after 15:00');
    expect(d.world.asked[0]).toMatchObject({ question: 'Is there a deploy freeze on Fridays?', context: { asker: { surface: 'shortcut' } } });
    const shared = await said.share?.();
    expect(shared?.where).toBe('public');
    expect(shared?.text).toContain('after 15:00');
    expect(d.world.asked[1]?.context.asker).toMatchObject({ surface: 'button', userId: expect.any(String), channelId: expect.any(String), workspaceId: expect.any(String) });
  });
});
