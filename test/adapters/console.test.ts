import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../src/adapters/console.js';
import { openLore, type Lore } from '../../src/engine.js';
import { silentLogger } from '../../src/logger.js';
import type { Answer, AskContext, AskService } from '../../src/types.js';

const KNOWLEDGE = fileURLToPath(new URL('../../knowledge/', import.meta.url));

function collect(stream: PassThrough): () => string {
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return () => text;
}

describe('terminal chat', () => {
  let lore: Lore;
  beforeAll(async () => {
    lore = await openLore({ knowledgeDir: KNOWLEDGE });
  });

  it('answers each piped line and finishes when the input ends', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const printed = collect(output);
    const chat = createConsoleAdapter({ service: lore, logger: silentLogger(), input, output, interactive: false });
    input.end('does fargate support daemonsets?\nhow do I bake bread?\n');
    await chat.start();
    expect(printed()).toContain('Deamon sets');
    expect(printed()).toContain("I couldn't find an answer in the notes. I looked for: bake, bread.");
    expect(printed()).not.toContain('? ');
  });

  it('greets, prompts, carries a follow-up and stops on "exit"', async () => {
    const asked: { question: string; context?: AskContext }[] = [];
    const service: AskService = {
      ask: async (question, context) => {
        asked.push({ question, context });
        return lore.ask(question, context);
      },
      examples: (n) => lore.examples(n),
      suggest: (p, n) => lore.suggest(p, n),
      stats: () => lore.stats(),
    };
    const input = new PassThrough();
    const output = new PassThrough();
    const printed = collect(output);
    const chat = createConsoleAdapter({ service, logger: silentLogger(), input, output, interactive: true });
    input.write('does fargate support daemonsets?\n');
    input.write('and on EKS?\n');
    input.write('exit\n');
    input.write('never asked\n');
    await chat.start();
    expect(printed()).toMatch(/ask about your notes \(1 file, \d+ sections\)/);
    expect(printed()).toContain('? ');
    expect(asked.map((a) => a.question)).toEqual(['does fargate support daemonsets?', 'and on EKS?']);
    expect(asked[1]?.context).toMatchObject({ previousQuestion: 'does fargate support daemonsets?', asker: { platform: 'terminal' } });
  });

  it('apologises for a failing engine and keeps answering', async () => {
    let calls = 0;
    const answer: Answer = { question: 'q', found: false, text: "I couldn't find an answer in the notes.", quote: [], highlights: [], citations: [], lookedFor: [] };
    const service: AskService = {
      ask: async () => {
        calls++;
        if (calls === 1) throw new Error('index exploded');
        return answer;
      },
      examples: () => [],
      suggest: () => [],
      stats: () => lore.stats(),
    };
    const input = new PassThrough();
    const output = new PassThrough();
    const printed = collect(output);
    const chat = createConsoleAdapter({ service, logger: silentLogger(), input, output, interactive: false });
    input.end('first\nsecond\n');
    await chat.start();
    expect(printed()).toContain('Sorry, something went wrong');
    expect(printed()).toContain("I couldn't find an answer in the notes.");
    expect(calls).toBe(2);
  });
});
