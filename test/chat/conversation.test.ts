import { describe, expect, it } from 'vitest';
import { Conversation } from '../../src/chat/conversation.js';
import { FollowUps } from '../../src/chat/follow-ups.js';
import { intentOf } from '../../src/chat/intent.js';
import { citationRef } from '../../src/chat/votes.js';
import { silentLogger } from '../../src/logger.js';
import type { Answer, AskContext, AskService } from '../../src/types.js';

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
    ['Gaps', 'gaps'],
    ['gaps in the notes?', 'question'],
    ['help me deploy', 'question'],
  ])('reads %j as %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
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
});
