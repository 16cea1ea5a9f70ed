import { describe, expect, it } from 'vitest';
import { Conversation, echoesQuestion } from '../../src/chat/conversation.js';
import { FollowUps, topicAfter } from '../../src/chat/follow-ups.js';
import { intentOf } from '../../src/chat/intent.js';
import { citationRef } from '../../src/chat/votes.js';
import { cutText } from '../../src/chat/truncate.js';
import { conversationOf } from '../../src/chat/turn.js';
import { CANNOT_SHARE, YOU_ARE_WELCOME, gapsTitle, helpText, provenance, rateLimited, smallPrint, terminalGreeting } from '../../src/chat/wording.js';
import { silentLogger } from '../../src/logger.js';
import type { Answer, AnswerSubject, AnswerSubjects, AskContext, AskService, VoteRecord } from '../../src/types.js';

const answer = (question: string): Answer => ({ question, found: false, text: "I couldn't find that.", quote: [], highlights: [], citations: [], lookedFor: [] });

function service(overrides: Partial<AskService> = {}): AskService & { contexts: AskContext[] } {
  const contexts: AskContext[] = [];
  return {
    contexts,
    ask: async (question, context = {}) => (contexts.push(context), answer(question)),
    examples: () => ['what about deploys?'],
    suggest: () => [],
    stats: () => ({ files: 1, chunks: 1, terms: 1, buildMs: 1, skipped: [], builtAt: new Date() }),
    ...overrides,
  };
}

describe('the conversation layer on its own', () => {
  it.each([
    ['', 'help'],
    [' ? ', 'help'],
    ['HELP', 'help'],
    ['/help', 'help'],
    ['!help', 'help'],
    ['help?', 'help'],
    ['/gaps', 'gaps'],
    ['/helpdesk hours', 'question'],
    ['Gaps', 'gaps'],
    ['gaps in the notes?', 'question'],
    ['help me deploy', 'question'],
    ['hi', 'greeting'],
    ['Good morning all!', 'greeting'],
    ['hey there', 'greeting'],
    ['thanks!', 'thanks'],
    ['Thank you so much 🙏', 'thanks'],
    ['great, thanks again', 'thanks'],
    ['hey thanks', 'thanks'],
    ['ok got it', 'thanks'],
    ['👍', 'thanks'],
    ['thanks, and on EKS?', 'question'],
    ['hi, does fargate support daemonsets?', 'question'],
    ['good', 'question'],
    ['thank you', 'thanks'],
    ['you', 'question'],
  ])('reads %j as %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

  it('answers thanks with a word back, not a search, and keeps the thread\'s question for a follow-up', async () => {
    const inner = service();
    const chat = new Conversation({ service: inner, logger: silentLogger() });
    const asker = { platform: 'slack' as const, surface: 'mention' as const, userId: 'U1', channelId: 'C1' };
    await chat.reply({ asker, text: 'deploy freeze?', conversationId: 'C1:1.1' });
    expect(await chat.reply({ asker, text: 'thanks! 🙏', conversationId: 'C1:1.1' })).toEqual({ kind: 'note', visibility: 'public', text: YOU_ARE_WELCOME });
    await chat.reply({ asker, text: 'and on fridays?', conversationId: 'C1:1.1' });
    expect(inner.contexts.map((context) => context.previousQuestion)).toEqual([undefined, 'deploy freeze?']);
  });

  it('reads a chain of follow-ups with what the conversation is about, and a new question afresh', async () => {
    // As the engine does: a question opening with "and" or "why" reads as a follow-up, with the question before it.
    const inner = service({
      ask: async (question, context = {}) => {
        inner.contexts.push(context);
        const followUp = context.previousQuestion !== undefined && /^(and|why)\b/.test(question);
        return { ...answer(question), ...(followUp && { readWith: context.previousQuestion }) };
      },
    });
    const chat = new Conversation({ service: inner, logger: silentLogger() });
    const asker = { platform: 'slack' as const, surface: 'mention' as const, userId: 'U1', channelId: 'C1' };
    for (const text of ['does fargate support daemonsets?', 'and on eks?', 'why not?', 'who owns billing?', 'and payroll?'])
      await chat.reply({ asker, text, conversationId: 'C1:1.1' });
    expect(inner.contexts.map((context) => context.previousQuestion)).toEqual([
      undefined,
      'does fargate support daemonsets?',
      'does fargate support daemonsets? and on eks?',
      'does fargate support daemonsets? and on eks? why not?',
      'who owns billing?',
    ]);
  });

  it('keeps the latest words of a long chain', () => {
    const long = Array.from({ length: 60 }, (_, i) => `w${i}`).join(' ');
    const topic = topicAfter({ ...answer('and x?'), readWith: long });
    expect(topic.split(' ')).toHaveLength(40);
    expect(topic.endsWith('w59 and x?')).toBe(true);
    expect(topicAfter(answer('who owns billing?'))).toBe('who owns billing?');
  });

  it('answers a greeting with help, and says where to ask instead where lore may not answer', async () => {
    const asker = { platform: 'discord' as const, surface: 'dm' as const, userId: 'U1' };
    const open = new Conversation({ service: service(), logger: silentLogger(), command: '/ask' });
    const greeted = await open.reply({ asker, text: 'hello!' });
    expect(greeted).toMatchObject({ kind: 'help', visibility: 'public', examples: ['what about deploys?'] });
    expect(greeted.kind === 'help' && greeted.text).toBe(`Hi! ${helpText('/ask')}`);
    const closed = new Conversation({ service: service({ whereToAsk: () => 'Ask in #help.' }), logger: silentLogger() });
    expect(await closed.reply({ asker, text: 'hi' })).toEqual({ kind: 'note', visibility: 'public', text: 'Ask in #help.' });
    expect(await closed.reply({ asker, text: 'thanks' })).toEqual({ kind: 'note', visibility: 'public', text: 'Ask in #help.' });
  });

  it.each([
    ['in a thread', { thread: 't', direct: 'd', startsThread: 'm' }, { conversationId: 't', startsConversations: ['m'] }],
    ['in a DM', { direct: 'd', startsThread: 'm' }, { conversationId: 'd', startsConversations: ['m'] }],
    ['in a plain channel', { startsThread: 'm' }, { startsConversations: ['m'] }],
    ['that starts no thread (a command) in a DM', { direct: 'd' }, { conversationId: 'd' }],
  ])('continues a message %s where its follow-ups will be, and the thread it may start', (_where, where, expected) => {
    expect(conversationOf(where)).toEqual(expected);
  });

  it('reads on in a thread started on a posted answer, and not on a posted note', async () => {
    const inner = service();
    const chat = new Conversation({ service: inner, logger: silentLogger() });
    const asker = { platform: 'slack' as const, surface: 'mention' as const, userId: 'U1', channelId: 'C1' };
    chat.posted(await chat.reply({ asker, text: 'deploy freeze?' }), 'C1:1.1');
    chat.posted({ kind: 'note', visibility: 'public', text: 'Sorry' }, 'C1:2.2');
    await chat.reply({ asker, text: 'and on fridays?', conversationId: 'C1:1.1' });
    await chat.reply({ asker, text: 'and on mondays?', conversationId: 'C1:2.2' });
    expect(inner.contexts.map((context) => context.previousQuestion)).toEqual([undefined, 'deploy freeze?', undefined]);
  });

  it.each([
    [true, 'updated 3 days ago', ['freeze'], "From your team's notes (updated 3 days ago) · looked for: freeze"],
    [true, undefined, [], "From your team's notes"],
    [false, undefined, ['sourdough', 'bread'], "Searched your team's notes · looked for: sourdough, bread"],
  ])('writes the small print of an answer (found: %s)', (found, age, lookedFor, expected) => {
    expect(provenance(found, age, lookedFor)).toBe(expected);
  });

  it('leads the small print with the warning that the quoted lines are old, and dates it by the source', () => {
    const changed = new Date(Date.now() - 10 * 24 * 3600 * 1000).toISOString();
    const source = { file: 'a.md', section: '', startLine: 1, endLine: 2, snippet: '', score: 1, changed };
    const found = smallPrint({ found: true, lookedFor: ['freeze'] }, { source, stale: 'Old.' });
    expect(found).toBe("Old.\nFrom your team's notes (updated 10 days ago) · looked for: freeze");
    expect(smallPrint({ found: false, lookedFor: [] }, {})).toBe("Searched your team's notes");
  });

  it('counts in its wording: one file, two sections, one second', () => {
    expect(terminalGreeting({ files: 1, chunks: 2 }, [])).toBe('lore: ask about your notes (1 file, 2 sections). Type "exit" to leave, "help" for help.');
    expect(terminalGreeting({ files: 2, chunks: 1 }, ['a?', 'b?']).split('\n')).toEqual([expect.stringContaining('(2 files, 1 section)'), 'For example: "a?" or "b?"']);
    expect(gapsTitle(1)).toMatch(/^Top 1 knowledge gap in this channel/);
    expect(rateLimited(5, 200)).toContain("You've asked 5 questions in the last minute, the most I answer. Please try again in 1 second.");
  });

  it.each([
    ['slash', true],
    ['shortcut', true],
    ['button', true],
    ['mention', false],
    ['dm', false],
    ['terminal', false],
  ] as const)('repeats the question above an answer asked by %s: %s', (surface, echoed) => {
    expect(echoesQuestion({ platform: 'slack', surface })).toBe(echoed);
  });

  it('asks the same question whatever the surface left in its spaces and line breaks', async () => {
    const inner = service();
    const chat = new Conversation({ service: inner, logger: silentLogger() });
    const reply = await chat.reply({ asker: { platform: 'discord', surface: 'slash' }, text: '  deploy\n freeze\t on  fridays? ' });
    expect(reply).toMatchObject({ kind: 'answer', answer: { question: 'deploy freeze on fridays?' } });
    expect(await chat.reply({ asker: { platform: 'discord', surface: 'slash' }, text: ' \n ' })).toMatchObject({ kind: 'help' });
  });

  it('forgets the least recently used conversations beyond its bound', () => {
    const memory = new FollowUps(2);
    memory.remember(['a'], 'first?');
    memory.remember(['b', 'c'], 'second?');
    expect(memory.previous('a')).toBeUndefined();
    expect(memory.previous('b')).toBe('second?');
    expect(memory.previous(undefined)).toBeUndefined();
  });

  it('keeps a vote citation only when it is a whole file:start-end', () => {
    expect(citationRef('ops/deploys.md:4-9')).toBe('ops/deploys.md:4-9');
    expect(citationRef('ops/deploys.md:4-')).toBeUndefined();
    expect(citationRef('-')).toBeUndefined();
    // The form older Discord buttons carry.
    expect(citationRef('ops/deploys.md#L4-9')).toBe('ops/deploys.md:4-9');
    expect(citationRef('ops/deploys.md#L4-')).toBeUndefined();
    expect(citationRef(undefined)).toBeUndefined();
  });

  it('votes about the shown answer by its id: from memory, from the service\'s store after a restart, else what the button carried', async () => {
    const votes: VoteRecord[] = [];
    const kept = new Map<string, AnswerSubject>();
    const answers: AnswerSubjects = { save: (id, subject) => void kept.set(id, subject), find: async (id) => kept.get(id) };
    const found: Answer = { ...answer('deploy freeze?'), found: true, citations: [{ file: 'deploys.md', section: '', startLine: 7, endLine: 7, snippet: '', score: 1 }] };
    const inner = service({ ask: async () => found, recordVote: (vote) => void votes.push(vote), answers });
    const asker = { platform: 'discord' as const, surface: 'button' as const, userId: 'U1', channelId: 'C1' };
    const first = new Conversation({ service: inner, logger: silentLogger() });
    const reply = await first.reply({ asker: { ...asker, surface: 'mention' }, text: 'deploy freeze?' });
    if (reply.kind !== 'answer') throw new Error('expected an answer');
    const shown = first.shown.add(reply);
    expect(kept.get(shown.id)).toEqual({ question: 'deploy freeze?', citation: 'deploys.md:7-7' });
    const voted = await first.vote({ asker, vote: 'up', answerId: shown.id });
    expect(voted).toEqual({ thanks: expect.stringContaining('Thanks'), shown });
    expect(shown.votes.get('U1')).toBe('up');
    const restarted = new Conversation({ service: inner, logger: silentLogger() });
    expect((await restarted.vote({ asker, vote: 'down', answerId: shown.id, citation: 'other.md:1-2' })).shown).toBeUndefined();
    await restarted.vote({ asker, vote: 'down', answerId: 'feedfeedfeedfeed', question: 'carried?', citation: 'old.md#L3-4' });
    expect(votes).toEqual([
      expect.objectContaining({ vote: 'up', question: 'deploy freeze?', citation: 'deploys.md:7-7' }),
      expect.objectContaining({ vote: 'down', question: 'deploy freeze?', citation: 'deploys.md:7-7' }),
      expect.objectContaining({ vote: 'down', question: 'carried?', citation: 'old.md:3-4' }),
    ]);
  });

  it('votes with what the button carried when the store does not answer within a second', async () => {
    const votes: VoteRecord[] = [];
    const answers: AnswerSubjects = { save: () => undefined, find: () => new Promise(() => undefined) };
    const chat = new Conversation({ service: service({ recordVote: (vote) => void votes.push(vote), answers }), logger: silentLogger() });
    const started = Date.now();
    await chat.vote({ asker: { platform: 'discord', surface: 'button', userId: 'U1' }, vote: 'up', answerId: '0123456789abcdef', citation: 'a.md:1-2' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(votes).toEqual([expect.objectContaining({ citation: 'a.md:1-2' })]);
    expect(votes[0]?.question).toBeUndefined();
  });

  it('shares the shown answer\'s question afresh and publicly as the clicker, or says it cannot', async () => {
    const inner = service();
    const chat = new Conversation({ service: inner, logger: silentLogger() });
    const clicker = { platform: 'slack' as const, surface: 'button' as const, userId: 'U2', channelId: 'C2' };
    const reply = await chat.reply({ asker: { ...clicker, surface: 'slash', userId: 'U1', channelId: 'C1' }, text: 'roll back?' });
    if (reply.kind !== 'answer') throw new Error('expected an answer');
    const shown = chat.shown.add(reply);
    expect(await chat.share(clicker, shown.id, 'carried?')).toMatchObject({ kind: 'answer', visibility: 'public', answer: { question: 'roll back?' } });
    expect(inner.contexts.at(-1)?.asker).toEqual(clicker);
    expect(await chat.share(clicker, 'forgotten', 'carried?')).toMatchObject({ kind: 'answer', answer: { question: 'carried?' } });
    expect(await chat.share(clicker, 'forgotten')).toEqual({ kind: 'note', visibility: 'private', text: CANNOT_SHARE });
    expect(await chat.share({ ...clicker, channelId: undefined }, shown.id)).toEqual({ kind: 'note', visibility: 'private', text: CANNOT_SHARE });
  });

  it('answers a slash command privately with Share, a mention publicly without it; a refused mention is silent', async () => {
    const inner = service({ allows: (asker) => asker.channelId !== 'CLOSED' });
    const conversation = new Conversation({ service: inner, logger: silentLogger() });
    const asker = { platform: 'chat', userId: 'U1', channelId: 'C1' };
    expect(await conversation.reply({ asker: { ...asker, surface: 'slash' }, text: 'deploys?' })).toMatchObject({ kind: 'answer', visibility: 'private', share: true, examples: ['what about deploys?'] });
    expect(await conversation.reply({ asker: { ...asker, surface: 'mention' }, text: 'deploys?' })).toMatchObject({ kind: 'answer', visibility: 'public', share: false });
    expect(await conversation.reply({ asker: { ...asker, surface: 'mention', channelId: 'CLOSED' }, text: 'help' })).toEqual({ kind: 'silent' });
  });

  it('turns a failure into an apology: in the conversation for a mention, privately for a command', async () => {
    const conversation = new Conversation({ service: service({ ask: async () => Promise.reject(new Error('boom')) }), logger: silentLogger() });
    const asker = { platform: 'chat', userId: 'U1', channelId: 'C1' };
    expect(await conversation.reply({ asker: { ...asker, surface: 'mention' }, text: 'x?' })).toMatchObject({ kind: 'note', visibility: 'public', problem: true });
    expect(await conversation.reply({ asker: { ...asker, surface: 'slash' }, text: 'x?', visibility: 'public' })).toMatchObject({ kind: 'note', visibility: 'private', problem: true });
  });
  it('suggests titles cut to the room a choice has, none empty or twice, at most as many as asked for', () => {
    const long = `${'Deploys › '.repeat(20)}Rollback`;
    const titles = ['', long, `${long} again`, 'Laptops', 'VPN', 'Wiki', 'Zoom'];
    const conversation = new Conversation({ service: service({ suggest: () => titles }), logger: silentLogger() });
    const suggested = conversation.suggest({ platform: 'chat', surface: 'slash' }, 'de', 4, 100);
    expect(suggested).toEqual([cutText(long, 100), 'Laptops', 'VPN', 'Wiki']);
    expect(suggested[0]?.length).toBeLessThanOrEqual(100);
  });
});
