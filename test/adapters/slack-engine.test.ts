import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLore, type Lore } from '../../src/engine.js';
import { appMention, eventCallback, nextTs, slashCommand } from '../fakes/slack-payloads.js';
import type { RecordedCall } from '../fakes/slack-server.js';
import { captureLog } from './slack-fixtures.js';
import { sectionTexts, shownText, startHarness, type Harness, type SlackMode } from './slack-harness.js';

const BASE = 'https://github.com/acme/notes/blob/main/';
const knowledgeDir = fileURLToPath(new URL('../../knowledge', import.meta.url));

function expectWithinLimitsAndQuiet(call: RecordedCall): void {
  const blocks = call.args.blocks as unknown[];
  expect(blocks.length).toBeLessThanOrEqual(50);
  for (const text of sectionTexts(call)) expect(text.length).toBeLessThanOrEqual(3000);
  expect(shownText(call)).not.toMatch(/<!(channel|here|everyone|subteam)|<@U/);
}

describe.each<SlackMode>(['socket', 'http'])('Slack adapter (%s) with the real engine over the bundled notes', (mode) => {
  let h: Harness;
  let lore: Lore;

  beforeAll(async () => {
    lore = await openLore({ knowledgeDir, knowledgeBaseUrl: BASE, logger: captureLog().logger });
    h = await startHarness(mode, lore);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('answers a mention from aws-containers.md in the thread, then a follow-up in the same thread', async () => {
    const root = nextTs();
    await h.deliver.event(eventCallback(h.fake, appMention(h.fake, { text: `<@${h.fake.botUserId}> does fargate support daemonsets?`, ts: root })));
    const reply = await h.fake.waitForCall((call) => call.method === 'chat.postMessage');
    expect(reply.args.thread_ts).toBe(root);
    expect(shownText(reply)).toMatch(/<https:\/\/github\.com\/acme\/notes\/blob\/main\/aws-containers\.md[^|>]*\|aws-containers\.md( › [^·]*)? · L\d+(–\d+)?>/);
    expect(sectionTexts(reply)[0]?.toLowerCase()).toContain('fargate');
    expectWithinLimitsAndQuiet(reply);

    await h.deliver.event(eventCallback(h.fake, appMention(h.fake, { text: `<@${h.fake.botUserId}> and on EKS?`, thread_ts: root })));
    const followUp = await h.fake.waitForCall((call) => call.method === 'chat.postMessage' && call !== reply);
    expect(followUp.args.thread_ts).toBe(root);
    expectWithinLimitsAndQuiet(followUp);
  });

  it('answers /ask privately with the question echoed', async () => {
    await h.deliver.command(slashCommand(h.fake, '/ask', 'does fargate support daemonsets?'));
    const reply = await h.fake.waitForCall((call) => call.method === 'response_url' && call.args.response_type === 'ephemeral');
    expect(shownText(reply)).toContain('*You asked:* does fargate support daemonsets?');
    expect(shownText(reply)).toContain('aws-containers.md');
    expectWithinLimitsAndQuiet(reply);
  });
});
