import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/logger.js';
import type { AskService } from '../../src/types.js';
import type { InteractionCallbackBody } from '../fakes/discord-requests.js';
import { capturingLogger, startHarness, type Harness } from './discord-helpers.js';

/** The engine's entry point, as the brief describes it; loaded dynamically because it may land after this adapter. */
interface EngineModule {
  openLore(options: { knowledgeDir: string; logger: Logger }): Promise<AskService & { close?: () => Promise<void> | void }>;
}

const enginePath = fileURLToPath(new URL('../../src/engine.ts', import.meta.url));
const knowledgeDir = fileURLToPath(new URL('../../knowledge', import.meta.url));

describe.skipIf(!existsSync(enginePath))('Discord adapter with the real engine over the bundled notes', () => {
  let harness: Harness;
  let lore: Awaited<ReturnType<EngineModule['openLore']>>;

  beforeAll(async () => {
    const engine = (await import(enginePath)) as EngineModule;
    lore = await engine.openLore({ knowledgeDir, logger: capturingLogger().logger });
    harness = await startHarness(lore);
  });

  afterAll(async () => {
    await harness?.close();
    await lore?.close?.();
  });

  it('answers a mention from aws-containers.md, citing it, within limits and pinging nobody', async () => {
    const since = harness.fake.requests.length;
    const id = harness.fake.sendUserMessage(`<@${harness.fake.bot.id}> does fargate support daemonsets?`);
    const reply = await harness.fake.nextChannelMessage(harness.fake.channelId, since);
    expect(reply.message_reference?.message_id).toBe(id);
    expect(reply.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const embed = reply.embeds?.[0];
    expect(embed?.title).toMatch(/^aws-containers\.md( › .*)? · L\d+(–\d+)?$/);
    expect(embed?.description?.toLowerCase()).toContain('fargate');
    expect(embed?.description?.length ?? 0).toBeLessThanOrEqual(4096);
  });

  it('answers /ask privately and suggests section titles from the notes', async () => {
    let since = harness.fake.requests.length;
    const ask = harness.fake.sendAsk('does fargate support daemonsets?', { private: true });
    const answer = (await harness.fake.waitForRequest((r) => r.path.startsWith(`/interactions/${ask.id}/`), since)).body as InteractionCallbackBody;
    expect(answer.data?.flags).toBe(64);
    expect(answer.data?.embeds?.[0]?.title).toContain('aws-containers.md');

    since = harness.fake.requests.length;
    const typed = harness.fake.sendAutocomplete('far');
    const choices = (await harness.fake.waitForRequest((r) => r.path.startsWith(`/interactions/${typed.id}/`), since)).body as InteractionCallbackBody;
    expect(choices.type).toBe(8);
    expect(choices.data?.choices?.length ?? 0).toBeLessThanOrEqual(25);
    for (const choice of choices.data?.choices ?? []) expect(choice.name.length).toBeLessThanOrEqual(100);
  });
});
